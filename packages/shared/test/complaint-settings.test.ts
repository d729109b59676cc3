import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPLAINT_SETTINGS,
  complaintSettingsSchema,
  shadowingRules,
  slaLimitsFor,
  slaRuleIndex,
  type ComplaintCategory,
  type ComplaintSettings,
  type ComplaintSeverity,
} from '../src/complaint';

const settings: ComplaintSettings = {
  ...DEFAULT_COMPLAINT_SETTINGS,
  rules: [
    { category: 'billing_refund', severity: 'urgent', responseHours: 0.5, resolveDays: 1 },
    { category: null, severity: 'urgent', responseHours: 1, resolveDays: 1 },
    { category: 'billing_refund', severity: null, responseHours: 1, resolveDays: 2 },
    { category: null, severity: 'high', responseHours: 2, resolveDays: 2 },
  ],
};

describe('which limits apply: the first matching rule, else the defaults', () => {
  it.each<[ComplaintCategory, ComplaintSeverity, number, { responseHours: number; resolveDays: number }]>([
    ['billing_refund', 'urgent', 0, { responseHours: 0.5, resolveDays: 1 }], // the exact rule comes first
    ['product', 'urgent', 1, { responseHours: 1, resolveDays: 1 }],
    ['billing_refund', 'high', 2, { responseHours: 1, resolveDays: 2 }], // the category rule is above the severity rule
    ['billing_refund', 'low', 2, { responseHours: 1, resolveDays: 2 }],
    ['staff', 'high', 3, { responseHours: 2, resolveDays: 2 }],
    ['staff', 'normal', -1, { responseHours: 2, resolveDays: 3 }], // seed 003 附件三 #4
  ])('%s / %s: rule %i', (category, severity, index, limits) => {
    expect(slaRuleIndex(settings, category, severity)).toBe(index);
    expect(slaLimitsFor(settings, category, severity)).toEqual(limits);
  });
});

describe('rules that can never apply, because an earlier one already covers them', () => {
  const any = null;
  it.each<[string, { category: ComplaintCategory | null; severity: ComplaintSeverity | null }[], (number | null)[]]>([
    ['the shipped rules', DEFAULT_COMPLAINT_SETTINGS.rules, [null, null]],
    [
      'anything after any/any',
      [
        { category: any, severity: any },
        { category: 'product', severity: any },
        { category: any, severity: 'low' },
      ],
      [null, 0, 0],
    ],
    [
      'a narrower rule after a wider one',
      [
        { category: 'product', severity: any },
        { category: 'product', severity: 'low' },
      ],
      [null, 0],
    ],
    [
      'a wider rule after a narrower one still applies',
      [
        { category: 'product', severity: 'low' },
        { category: 'product', severity: any },
      ],
      [null, null],
    ],
    [
      'the same rule twice',
      [
        { category: any, severity: 'high' },
        { category: 'staff', severity: 'urgent' },
        { category: any, severity: 'high' },
      ],
      [null, null, 0],
    ],
    [
      'any severity is not covered by one severity',
      [
        { category: 'staff', severity: 'high' },
        { category: 'staff', severity: any },
      ],
      [null, null],
    ],
  ])('%s', (_, rules, expected) => expect(shadowingRules(rules)).toEqual(expected));
});

describe('the settings schema: one message per field that says what is allowed', () => {
  const d = DEFAULT_COMPLAINT_SETTINGS;
  it.each<[string, Partial<Record<keyof ComplaintSettings, unknown>>, string, string]>([
    ['an at-risk share of 150%', { atRiskFraction: 1.5 }, 'atRiskFraction', 'v.at_risk_share'],
    ['an at-risk share of 5%', { atRiskFraction: 0.05 }, 'atRiskFraction', 'v.at_risk_share'],
    ['a threshold in part of a fen', { approvalThresholdFen: 100.5 }, 'approvalThresholdFen', 'v.approval_threshold'],
    ['a negative threshold', { approvalThresholdFen: -100 }, 'approvalThresholdFen', 'v.approval_threshold'],
    ['no threshold', { approvalThresholdFen: null }, 'approvalThresholdFen', 'v.approval_threshold'],
    ['a quarter of an hour less than allowed', { defaults: { responseHours: 0.1, resolveDays: 3 } }, 'defaults.responseHours', 'v.sla_response_hours'],
    ['half a working day', { defaults: { responseHours: 2, resolveDays: 1.5 } }, 'defaults.resolveDays', 'v.sla_resolve_days'],
    ['a rule of 0 days', { rules: [{ category: null, severity: 'low', responseHours: 4, resolveDays: 0 }] }, 'rules.0.resolveDays', 'v.sla_resolve_days'],
    ['a reopen window over a year', { reopenDays: 366 }, 'reopenDays', 'v.reopen_days'],
    ['a follow-up before closing', { followUpDays: [-1, 30] }, 'followUpDays.0', 'v.follow_up_day'],
    ['follow-ups out of order', { followUpDays: [30, 0] }, 'followUpDays', 'v.follow_up_order'],
    ['the same follow-up day twice', { followUpDays: [0, 30, 30] }, 'followUpDays', 'v.follow_up_order'],
    ['six follow-ups', { followUpDays: [0, 1, 2, 3, 4, 5] }, 'followUpDays', 'v.follow_up_count'],
  ])('%s', (_, change, path, message) => {
    const r = complaintSettingsSchema.safeParse({ ...d, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
  });

  it('accepts the defaults, the limits at their edges and no follow-ups at all', () => {
    expect(complaintSettingsSchema.parse(d)).toEqual(d);
    const edges = { ...d, defaults: { responseHours: 0.25, resolveDays: 60 }, atRiskFraction: 0.99, approvalThresholdFen: 0, reopenDays: 0, followUpDays: [] };
    expect(complaintSettingsSchema.safeParse(edges).success).toBe(true);
    expect(complaintSettingsSchema.safeParse({ ...d, atRiskFraction: 0.1, followUpDays: [0, 7, 30, 90, 365] }).success).toBe(true);
  });
});
