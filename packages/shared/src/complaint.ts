import { z } from 'zod';
import { phoneInput } from './customer';
import { COMPLAINT_ACTIONS_ALL, COMPLAINT_STATES } from './complaint-workflow';
import type { MessageKey } from './messages';

/** Complaint cases (客诉), SPEC §5 and the form of seed 003 附件二. Request and answer shapes. */
export const COMPLAINT_CHANNELS = ['hotline', 'on_site', 'email', 'chat', 'letter', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CATEGORIES = [
  'product',
  'service_attitude',
  'environment',
  'staff',
  'booking_unavailable',
  'billing_refund',
  'logistics',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** 满意 / 基本满意 / 不满意, for the result and for the speed (附件二). */
export const SATISFACTIONS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

type Label = { 'zh-CN': string; en: string };

export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, Label> = {
  hotline: { 'zh-CN': '热线电话', en: 'Hotline' },
  on_site: { 'zh-CN': '现场', en: 'On site' },
  email: { 'zh-CN': '邮件', en: 'Email' },
  chat: { 'zh-CN': '在线客服', en: 'Chat' },
  letter: { 'zh-CN': '信件', en: 'Letter' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, Label> = {
  product: { 'zh-CN': '产品质量', en: 'Product' },
  service_attitude: { 'zh-CN': '服务态度', en: 'Service attitude' },
  environment: { 'zh-CN': '环境卫生', en: 'Environment and hygiene' },
  staff: { 'zh-CN': '员工/教练/老师', en: 'Staff, coaches, teachers' },
  booking_unavailable: { 'zh-CN': '约不到课/预约', en: 'Booking unavailable' },
  billing_refund: { 'zh-CN': '收费/退费', en: 'Billing and refunds' },
  logistics: { 'zh-CN': '物流配送', en: 'Delivery' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const COMPLAINT_SEVERITY_LABELS: Record<ComplaintSeverity, Label> = {
  low: { 'zh-CN': '轻微', en: 'Low' },
  normal: { 'zh-CN': '一般', en: 'Normal' },
  high: { 'zh-CN': '严重', en: 'High' },
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
};

export const SATISFACTION_LABELS: Record<Satisfaction, Label> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  fair: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Unsatisfied' },
};

const text = (min: number, max: number) => z.string().trim().min(min, { message: 'v.required' }).max(max, { message: 'v.too_long' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'v.too_long' })
    .nullish()
    .transform((v) => (v ? v : null));
/** ISO 8601 with an offset (`2026-10-09T10:00:00+08:00`); answers are in UTC `Z`. */
export const instant = z.iso.datetime({ offset: true, message: 'v.datetime' });
const version = z.number().int().min(1);
const userId = z.uuid({ message: 'v.user' });

// ---- settings (the manager's) -------------------------------------------------------------

/**
 * A number of the settings, with one message for any wrong value (missing, not a number, out of range,
 * not whole): the message says what is allowed, which is what the manager needs to read beside the field.
 */
function setting(message: MessageKey, min: number, max: number, whole: boolean) {
  const n = z.number({ message }).min(min, { message }).max(max, { message });
  return whole ? n.int({ message }) : n;
}

/** A limit in working time: "respond within 2 working hours", "resolve within 3 working days". */
export const slaLimitsSchema = z.object({
  responseHours: setting('v.sla_response_hours', 0.25, 240, false),
  resolveDays: setting('v.sla_resolve_days', 1, 60, true),
});
export type SlaLimits = z.infer<typeof slaLimitsSchema>;

export const complaintSettingsSchema = z.object({
  /** seed 003 附件三 #4: respond within 2 hours, resolve within 3 working days */
  defaults: slaLimitsSchema,
  /** the first rule that matches a case's category and severity wins; a missing field matches any */
  rules: z
    .array(
      slaLimitsSchema.extend({
        category: z.enum(COMPLAINT_CATEGORIES).nullable(),
        severity: z.enum(COMPLAINT_SEVERITIES).nullable(),
      }),
    )
    .max(64, { message: 'v.sla_rules_count' }),
  /** a proposal whose compensation is above this needs the manager's approval (fen; at most the largest compensation) */
  approvalThresholdFen: setting('v.approval_threshold', 0, 100_000_000, true),
  /** share of the time used at which a case counts as "at risk" and people are told */
  atRiskFraction: setting('v.at_risk_share', 0.1, 0.99, false),
  /** a closed case may be reopened within this many days */
  reopenDays: setting('v.reopen_days', 0, 365, true),
  /**
   * follow-ups after closing: days after the close (seed 001 客诉专员 职责三 3): right away and a month later.
   * In increasing order: the first is the follow-up right after closing, the others the later ones.
   */
  followUpDays: z
    .array(setting('v.follow_up_day', 0, 365, true))
    .max(5, { message: 'v.follow_up_count' })
    .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), { message: 'v.follow_up_order' }),
});
export type ComplaintSettings = z.infer<typeof complaintSettingsSchema>;

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  defaults: { responseHours: 2, resolveDays: 3 },
  rules: [
    { category: null, severity: 'urgent', responseHours: 1, resolveDays: 1 },
    { category: null, severity: 'high', responseHours: 2, resolveDays: 2 },
  ],
  approvalThresholdFen: 50_000,
  atRiskFraction: 0.8,
  reopenDays: 30,
  followUpDays: [0, 30],
};

type SlaRule = ComplaintSettings['rules'][number];
const ruleMatches = (r: Pick<SlaRule, 'category' | 'severity'>, category: ComplaintCategory | null, severity: ComplaintSeverity | null) =>
  (r.category === null || r.category === category) && (r.severity === null || r.severity === severity);

/** The index of the rule that decides a case's limits (the first that matches), or -1 for the defaults. */
export function slaRuleIndex(s: Pick<ComplaintSettings, 'rules'>, category: ComplaintCategory, severity: ComplaintSeverity): number {
  return s.rules.findIndex((r) => ruleMatches(r, category, severity));
}

/** The limits for a case: the first matching rule, else the defaults. */
export function slaLimitsFor(s: ComplaintSettings, category: ComplaintCategory, severity: ComplaintSeverity): SlaLimits {
  const rule = s.rules[slaRuleIndex(s, category, severity)];
  return rule ? { responseHours: rule.responseHours, resolveDays: rule.resolveDays } : s.defaults;
}

/**
 * For each rule, the earlier rule that already matches every case it would match (so it never applies),
 * or null. "任意/收费" after "任意/任意" is never reached; the manager is told so beside the rule.
 */
export function shadowingRules(rules: Pick<SlaRule, 'category' | 'severity'>[]): (number | null)[] {
  return rules.map((r, i) => {
    // an earlier rule covers this one when it matches this rule's own category and severity ("any" only by "any")
    const earlier = rules.slice(0, i).findIndex((e) => ruleMatches(e, r.category, r.severity));
    return earlier === -1 ? null : earlier;
  });
}

// ---- requests -----------------------------------------------------------------------------

/**
 * How late a case may be logged (receivedAt at most this many days before now): a letter takes days, not
 * years. Without a bound a typo of the year (2025 for 2026, or 0001) makes deadlines long past, an
 * instant breach, and SLA clocks that walk every day of the years between on each read of the queue.
 */
export const MAX_LOGGED_LATE_DAYS = 31;

/** Registration (附件二 top half + SPEC §5). receivedAt may be in the past (a letter), never in the future. */
export const registerComplaintBody = z.object({
  receivedAt: instant,
  channel: z.enum(COMPLAINT_CHANNELS),
  complainantName: text(1, 50),
  complainantPhone: phoneInput.nullish().transform((v) => v ?? null),
  customerId: z
    .uuid({ message: 'v.customer' })
    .nullish()
    .transform((v) => v ?? null),
  content: text(1, 4000),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  major: z.boolean().default(false),
  departmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** 受诉人: who took the complaint; the registering user when absent */
  receiverId: userId.nullish().transform((v) => v ?? null),
  /** the complaint officer who will handle it; unassigned when absent */
  assigneeId: userId.nullish().transform((v) => v ?? null),
});
export type RegisterComplaintBody = z.infer<typeof registerComplaintBody>;

export const acknowledgeBody = z.object({ version, note: optionalText(1000) });
export const verifyBody = z.object({ version, investigatorId: userId, findings: text(1, 4000) });
export const proposeBody = z.object({
  version,
  proposal: text(1, 4000),
  responsibleId: userId,
  compensationFen: z.number().int().min(0).max(100_000_000).default(0),
});
export const approveBody = z.object({ version, note: optionalText(1000) });
export const rejectBody = z.object({ version, reason: text(1, 1000) });
export const resolveBody = z.object({ version, handlerId: userId, result: text(1, 4000) });
export const feedbackBody = z
  .object({
    version,
    satisfactionResult: z.enum(SATISFACTIONS),
    satisfactionSpeed: z.enum(SATISFACTIONS),
    suggestion: optionalText(2000),
    /** required when the customer is unsatisfied: when we promise to call back */
    callbackAt: instant.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const unsatisfied = v.satisfactionResult === 'unsatisfied' || v.satisfactionSpeed === 'unsatisfied';
    if (unsatisfied && !v.callbackAt) ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'v.callback_required' });
  });
export const closeBody = z.object({ version, note: optionalText(1000) });
export const reopenBody = z.object({ version, reason: text(1, 1000) });
export const pauseBody = z.object({ version, reason: text(1, 500) });
export const resumeBody = z.object({ version, note: optionalText(500) });
export const assignBody = z.object({ version, assigneeId: userId });
export const transferBody = z.object({
  version,
  departmentId: z.uuid({ message: 'v.department' }),
  request: text(1, 2000),
  /** when the department must answer by; reminders until it does */
  dueAt: instant,
});
export const transferAnswerBody = z.object({ answer: text(1, 4000) });
export const promiseBody = z.object({ what: text(1, 500), dueAt: instant });

export type ComplaintStepBody =
  | z.infer<typeof acknowledgeBody>
  | z.infer<typeof verifyBody>
  | z.infer<typeof proposeBody>
  | z.infer<typeof approveBody>
  | z.infer<typeof rejectBody>
  | z.infer<typeof resolveBody>
  | z.infer<typeof feedbackBody>
  | z.infer<typeof closeBody>
  | z.infer<typeof reopenBody>;

export const complaintListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  /** number, complainant or content */
  q: z.string().trim().max(100).optional(),
  /** open (default), closed, all; mine: open cases assigned to or received by the reader; approvals: proposals waiting for approval (complaint:approve) */
  view: z.enum(['open', 'closed', 'all', 'mine', 'approvals']).default('open'),
  state: z.enum(COMPLAINT_STATES).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  departmentId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  /** time_left: the case nearest its deadline first (the officer's queue); newest: latest received first */
  sort: z.enum(['time_left', 'newest']).default('time_left'),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

// ---- answers ------------------------------------------------------------------------------

const person = z.object({ id: z.string(), name: z.string() }).nullable();

/** The SLA clocks of a case, as of the answer's time. */
export const complaintSlaSchema = z.object({
  responseDueAt: z.string(),
  resolveDueAt: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** working milliseconds left to the deadline that applies now (response, then resolution); negative when breached */
  remainingMs: z.number().nullable(),
  /** share of the working time used, 0..1+ */
  usedFraction: z.number().nullable(),
  status: z.enum(['on_track', 'at_risk', 'breached', 'met', 'paused']),
  responseBreached: z.boolean(),
  resolveBreached: z.boolean(),
  pausedSince: z.string().nullable(),
  /** years the business calendar has no holiday data for, between receipt and the deadline */
  calendarMissingYears: z.array(z.number()),
});
export type ComplaintSla = z.infer<typeof complaintSlaSchema>;

export const complaintSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(COMPLAINT_STATES),
  receivedAt: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  complainantName: z.string(),
  /** masked (`138****1234`) unless the reader may see it */
  complainantPhone: z.string().nullable(),
  phoneMasked: z.boolean(),
  customer: person,
  content: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  major: z.boolean(),
  department: person,
  receiver: person,
  assignee: person,
  acknowledgement: z.object({ at: z.string(), by: person, note: z.string().nullable() }).nullable(),
  verification: z.object({ at: z.string(), investigator: person, findings: z.string() }).nullable(),
  proposal: z
    .object({ at: z.string(), by: person, proposal: z.string(), responsible: person, compensationFen: z.number(), needsApproval: z.boolean() })
    .nullable(),
  approval: z.object({ at: z.string(), approver: person, note: z.string().nullable() }).nullable(),
  resolution: z.object({ at: z.string(), handler: person, result: z.string() }).nullable(),
  feedback: z
    .object({
      at: z.string(),
      by: person,
      satisfactionResult: z.enum(SATISFACTIONS),
      satisfactionSpeed: z.enum(SATISFACTIONS),
      suggestion: z.string().nullable(),
    })
    .nullable(),
  closedAt: z.string().nullable(),
  reopenCount: z.number(),
  sla: complaintSlaSchema,
  openTransfers: z.number(),
  openPromises: z.number(),
  /** what the reader may do now; the UI offers only these */
  actions: z.array(z.enum(COMPLAINT_ACTIONS_ALL)),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** One row of the queue. */
export const complaintListItemSchema = complaintSchema.pick({
  id: true,
  number: true,
  state: true,
  receivedAt: true,
  channel: true,
  complainantName: true,
  customer: true,
  category: true,
  severity: true,
  major: true,
  department: true,
  assignee: true,
  sla: true,
  openTransfers: true,
  openPromises: true,
});
export type ComplaintListItem = z.infer<typeof complaintListItemSchema>;

/** One step of the case, as the case page and the timeline show it (who, when, what). */
export const complaintStepSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromState: z.enum(COMPLAINT_STATES).nullable(),
  toState: z.enum(COMPLAINT_STATES).nullable(),
  at: z.string(),
  actor: person,
  data: z.record(z.string(), z.unknown()),
});
export type ComplaintStepRecord = z.infer<typeof complaintStepSchema>;

export const complaintTransferSchema = z.object({
  id: z.string(),
  complaintId: z.string(),
  complaintNumber: z.string(),
  department: person,
  request: z.string(),
  dueAt: z.string(),
  createdAt: z.string(),
  createdBy: person,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: person,
  overdue: z.boolean(),
  remindersSent: z.number(),
});
export type ComplaintTransfer = z.infer<typeof complaintTransferSchema>;

export const complaintPromiseSchema = z.object({
  id: z.string(),
  complaintId: z.string(),
  complaintNumber: z.string(),
  what: z.string(),
  dueAt: z.string(),
  owner: person,
  createdAt: z.string(),
  keptAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type ComplaintPromise = z.infer<typeof complaintPromiseSchema>;

// ---- follow-ups after closing, lists of transfers and promises (server engineer's additions) ------

/** A follow-up after closing (seed 004 第五篇 三 "处理后有回访"): right away and a month later. */
export const complaintFollowUpSchema = z.object({
  id: z.string(),
  complaintId: z.string(),
  kind: z.enum(['after_close', 'one_month']),
  /** days after the close (settings.followUpDays) */
  days: z.number(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  doneBy: person,
  note: z.string().nullable(),
});
export type ComplaintFollowUp = z.infer<typeof complaintFollowUpSchema>;
export const followUpDoneBody = z.object({ note: optionalText(1000) });

const flag = z.enum(['true', 'false']).optional();
export const complaintTransferListQuery = z.object({
  /** `true`: unanswered only, soonest due first; otherwise newest first */
  open: flag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const complaintPromiseListQuery = z.object({
  /** `true`: the reader's own promises */
  mine: flag,
  /** `true`: past their deadline and not kept */
  overdue: flag,
  /** `false`: kept ones too (default: open only) */
  open: flag,
  complaintId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
