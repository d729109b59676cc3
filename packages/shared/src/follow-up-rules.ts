import { z } from 'zod';
import { FESTIVALS } from './festivals';

/**
 * The follow-up rules (回访规则, issue 5): each a setting the manager turns on and tunes. The server
 * runs the enabled ones from its job scheduler; each makes tasks with a dedupe key that encodes the
 * rule's period, so a re-run never makes a duplicate. Params are partial in the database: the
 * defaults here fill what the manager did not set.
 */
export const FOLLOW_UP_RULE_CODES = [
  'first_contact',
  'monthly_coverage',
  'important_weekly',
  'after_service',
  'birthday',
  'holiday',
  'lost_recall',
  'lost_deal_sample',
  'absentee',
  'no_visit',
  'complaint_follow_up',
  'card_renewal',
  'booking_confirm',
] as const;
export type FollowUpRuleCode = (typeof FOLLOW_UP_RULE_CODES)[number];

const days = (max: number) =>
  z.number({ message: 'v.rule_days' }).int({ message: 'v.rule_days' }).min(0, { message: 'v.rule_days' }).max(max, { message: 'v.rule_days' });
const positiveDays = (max: number) => days(max).min(1, { message: 'v.rule_days' });
const codes = z.array(z.string().regex(/^[a-z0-9_]{1,32}$/, { message: 'v.code' })).max(50, { message: 'v.too_long' });

export const FOLLOW_UP_RULE_PARAMS = {
  /** customers assigned to an owner: a first call within N days, unless they were contacted since */
  first_contact: z.object({ days: positiveDays(60).default(7) }),
  /** every customer (not merged, not closed) once a calendar month, unless contacted that month */
  monthly_coverage: z.object({ includeLost: z.boolean().default(false) }),
  /** customers of these tiers (customer_categories kind 'tier'), a call every week */
  important_weekly: z.object({ tiers: codes.default(['vip']) }),
  /** N days after a service: a booking attended, a spend at the desk */
  after_service: z.object({ days: positiveDays(90).default(3) }),
  /** N days ahead of the birthday (solar or lunar, on this year's solar date) */
  birthday: z.object({ daysAhead: days(30).default(3), tiers: codes.default([]) }),
  /** N days before each chosen festival, customers who consented to marketing (optional) of these tiers */
  holiday: z.object({
    daysBefore: days(30).default(5),
    festivals: z
      .array(z.enum(FESTIVALS, { message: 'v.festival' }))
      .min(1, { message: 'v.festival' })
      .default([...FESTIVALS]),
    consentOnly: z.boolean().default(true),
    tiers: codes.default([]),
  }),
  /** customers lost (流失) for N days: one recall call per loss */
  lost_recall: z.object({ days: positiveDays(365).default(30) }),
  /** of the customers marked lost (战败) in the previous calendar month, a deterministic sample of at least percent% */
  lost_deal_sample: z.object({
    percent: z
      .number({ message: 'v.rule_percent' })
      .int({ message: 'v.rule_percent' })
      .min(15, { message: 'v.rule_percent' })
      .max(100, { message: 'v.rule_percent' })
      .default(15),
  }),
  /** a booking marked no-show: a call the same day */
  absentee: z.object({}),
  /** customers who came before but have no attended booking in N days, and none booked ahead */
  no_visit: z.object({ days: positiveDays(365).default(21) }),
  /** each complaint's follow-up visit (after closing, one month later), due on its date */
  complaint_follow_up: z.object({}),
  /** active cards at or below their type's low-balance line, or expiring within N days */
  card_renewal: z.object({ expiresWithinDays: days(180).default(30) }),
  /** every booking in the next N days not cancelled: a confirmation call (issue 6) */
  booking_confirm: z.object({ daysAhead: positiveDays(14).default(3) }),
} satisfies Record<FollowUpRuleCode, z.ZodTypeAny>;

export type FollowUpRuleParams = { [K in FollowUpRuleCode]: z.output<(typeof FOLLOW_UP_RULE_PARAMS)[K]> };

/** Rules that look at today only run once a day (at night); the others every quarter of an hour. */
export const FOLLOW_UP_RULE_CADENCE: Record<FollowUpRuleCode, 'quarter_hour' | 'daily'> = {
  first_contact: 'quarter_hour',
  monthly_coverage: 'daily',
  important_weekly: 'daily',
  after_service: 'quarter_hour',
  birthday: 'daily',
  holiday: 'daily',
  lost_recall: 'daily',
  lost_deal_sample: 'daily',
  absentee: 'quarter_hour',
  no_visit: 'daily',
  complaint_follow_up: 'quarter_hour',
  card_renewal: 'quarter_hour',
  booking_confirm: 'quarter_hour',
};

export function isFollowUpRuleCode(code: string): code is FollowUpRuleCode {
  return (FOLLOW_UP_RULE_CODES as readonly string[]).includes(code);
}

/** The stored params with the defaults filled in; a stored value that no longer fits falls back to its default. */
export function ruleParams<K extends FollowUpRuleCode>(code: K, stored: unknown): FollowUpRuleParams[K] {
  const schema = FOLLOW_UP_RULE_PARAMS[code] as z.ZodTypeAny;
  const given = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const full = schema.safeParse(given);
  if (full.success) return full.data as FollowUpRuleParams[K];
  // keep the fields that are fine, default the others
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given)) if (schema.safeParse({ [k]: v }).success) kept[k] = v;
  return schema.parse(kept) as FollowUpRuleParams[K];
}

/** The size of a sample of `percent`% of `count` items: never below the percentage (rounded up). */
export function sampleSize(count: number, percent: number): number {
  return Math.ceil((count * percent) / 100);
}

/** ISO week of a date 'YYYY-MM-DD': its Monday, which names the week in dedupe keys. */
export function weekStart(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

export const followUpRuleSchema = z.object({
  code: z.enum(FOLLOW_UP_RULE_CODES),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  cadence: z.enum(['quarter_hour', 'daily']),
  lastRunAt: z.string().nullable(),
  lastRunCreated: z.number().int().nullable(),
  openTasks: z.number().int(),
  version: z.number().int(),
});
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

export const followUpRuleUpdateSchema = z.object({
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1),
});
export type FollowUpRuleUpdate = z.infer<typeof followUpRuleUpdateSchema>;

export const followUpRuleRunSchema = z.object({ code: z.enum(FOLLOW_UP_RULE_CODES), created: z.number().int(), ms: z.number() });

export const jobSchema = z.object({
  name: z.string(),
  schedule: z.union([z.object({ everyMinutes: z.number() }), z.object({ dailyAt: z.string() })]),
  nextRunAt: z.string(),
  running: z.boolean(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastOk: z.boolean().nullable(),
  lastError: z.string().nullable(),
  lastResult: z.unknown(),
  runCount: z.number().int(),
  failCount: z.number().int(),
});
export type Job = z.infer<typeof jobSchema>;
