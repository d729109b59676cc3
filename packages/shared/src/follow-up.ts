import { z } from 'zod';
import { instant } from './complaint';
import { dateString } from './customer';
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_STATUSES } from './follow-up-outcome';

export * from './follow-up-outcome';

/** The follow-up work (回访, SPEC §4): request and answer schemas shared by the server and the web. */
type Label = { 'zh-CN': string; en: string };

export const FOLLOW_UP_OUTCOME_LABELS: Record<(typeof FOLLOW_UP_OUTCOMES)[number], Label> = {
  reached: { 'zh-CN': '成功', en: 'Reached' },
  no_answer: { 'zh-CN': '未接通', en: 'No answer' },
  busy: { 'zh-CN': '占线', en: 'Busy' },
  invalid_number: { 'zh-CN': '空号', en: 'Invalid number' },
  call_back: { 'zh-CN': '不方便（约时间再回访）', en: 'Call back later' },
  refused: { 'zh-CN': '拒访', en: 'Refused' },
};
export const FOLLOW_UP_STATUS_LABELS: Record<(typeof FOLLOW_UP_STATUSES)[number], Label> = {
  open: { 'zh-CN': '待回访', en: 'Open' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  unreachable: { 'zh-CN': '无法联系', en: 'Unreachable' },
  refused: { 'zh-CN': '拒访', en: 'Refused' },
  rescheduled: { 'zh-CN': '已改约', en: 'Rescheduled' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** What a campaign is for: the success target differs (seed 000: 95% satisfaction visits, 90% maintenance reminders). */
export const CAMPAIGN_PURPOSES = ['satisfaction', 'maintenance', 'first_service', 'recall', 'other'] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];
export const CAMPAIGN_PURPOSE_LABELS: Record<CampaignPurpose, Label> = {
  satisfaction: { 'zh-CN': '满意度回访', en: 'Satisfaction visit' },
  maintenance: { 'zh-CN': '定期保养提醒', en: 'Maintenance reminder' },
  first_service: { 'zh-CN': '首次保养提醒', en: 'First-service reminder' },
  recall: { 'zh-CN': '流失召回', en: 'Win-back' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const ratio = z.number({ message: 'v.follow_up_rate' }).min(0, { message: 'v.follow_up_rate' }).max(1, { message: 'v.follow_up_rate' });

/** The manager's follow-up settings (settings row `follow_ups`): the attempt limit and the KPI targets. */
export const followUpSettingsSchema = z.object({
  maxAttempts: z
    .number({ message: 'v.follow_up_attempts' })
    .int({ message: 'v.follow_up_attempts' })
    .min(1, { message: 'v.follow_up_attempts' })
    .max(20, { message: 'v.follow_up_attempts' }),
  targets: z.object({
    satisfactionSuccess: ratio, // 满意度回访成功率 ≥ 95% (seed 000)
    maintenanceSuccess: ratio, // 保养提醒成功率 ≥ 90%
    compliance: ratio, // 回访规范率 ≥ 90% a month
    coverage: ratio, // every customer once a month
    maintenanceInvitation: ratio, // 定保邀约率 ≥ 20%
    firstServiceInvitation: ratio, // 首保邀约率 ≥ 50%
  }),
});
export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  maxAttempts: 3,
  targets: { satisfactionSuccess: 0.95, maintenanceSuccess: 0.9, compliance: 0.9, coverage: 1, maintenanceInvitation: 0.2, firstServiceInvitation: 0.5 },
};

/** The success target of a campaign of this purpose, unless the campaign sets its own. */
export function successTargetOf(purpose: string | null, s: FollowUpSettings): number {
  return purpose === 'maintenance' || purpose === 'first_service' ? s.targets.maintenanceSuccess : s.targets.satisfactionSuccess;
}

const person = z.object({ id: z.string(), name: z.string() });

export const followUpTaskSchema = z.object({
  id: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  rule: z.string().nullable(),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  reasonText: z.string(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  dueAt: z.string(),
  priority: z.number(),
  assignee: person.nullable(),
  scriptCode: z.string().nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastAttemptAt: z.string().nullable(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;

export const followUpAttemptSchema = z.object({
  id: z.number(),
  at: z.string(),
  agent: person.nullable(),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  callbackAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const followUpRecordSchema = z.object({
  satisfaction: z.number().nullable(),
  opinions: z.string().nullable(),
  issuesFound: z.string().nullable(),
  hasIssue: z.boolean(),
  invited: z.boolean().nullable(),
  complete: z.boolean(),
  complaint: z.object({ id: z.string(), number: z.string() }).nullable(),
  transferDepartment: z.string().nullable(),
  recordedBy: person.nullable(),
  recordedAt: z.string(),
  check: z.object({ ok: z.boolean(), note: z.string().nullable(), by: person.nullable(), at: z.string() }).nullable(),
  version: z.number(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

/** The task screen: the task, the customer card, its record, its attempts, the customer's earlier follow-ups. */
export const followUpTaskDetailSchema = z.object({
  task: followUpTaskSchema,
  customer: z.object({
    id: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    gender: z.string().nullable(),
    mobile: z.string().nullable(),
    tier: z.string().nullable(),
    lifecycle: z.string(),
    lastContactAt: z.string().nullable(),
    owner: person.nullable(),
  }),
  record: followUpRecordSchema.nullable(),
  attempts: z.array(followUpAttemptSchema),
  history: z.array(followUpTaskSchema.extend({ lastOutcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(), satisfaction: z.number().nullable() })),
  abilities: z.object({ work: z.boolean(), supervise: z.boolean(), complaint: z.boolean(), transfer: z.boolean() }),
});
export type FollowUpTaskDetail = z.infer<typeof followUpTaskDetailSchema>;

const note = z.string().trim().max(1000, { message: 'v.too_long' });

export const followUpOutcomeBody = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES, { message: 'v.follow_up_outcome' }),
  version: z.number().int(),
  note: note.optional(),
  callbackAt: instant.optional(),
});
export type FollowUpOutcomeBody = z.infer<typeof followUpOutcomeBody>;

export const followUpRecordBody = z.object({
  satisfaction: z
    .number({ message: 'v.follow_up_satisfaction' })
    .int({ message: 'v.follow_up_satisfaction' })
    .min(1, { message: 'v.follow_up_satisfaction' })
    .max(5, { message: 'v.follow_up_satisfaction' })
    .nullable(),
  opinions: note.nullable(),
  issuesFound: note.nullable(),
  hasIssue: z.boolean(),
  invited: z.boolean().nullable().default(null),
  /** the record's version when it exists (a first save sends none) */
  version: z.number().int().optional(),
});
export type FollowUpRecordBody = z.infer<typeof followUpRecordBody>;

/** An issue found turned into a complaint (登记), or a complaint transferred to a department at once (转交). */
export const followUpIssueBody = z.object({
  kind: z.enum(['complaint', 'transfer']),
  /** the record's version: a second click (or a second person) on the same record is 409, not a second complaint */
  version: z.number().int(),
  departmentId: z.string().uuid({ message: 'complaint.unknown_department' }).optional(),
  dueAt: instant.optional(),
});

export const followUpCheckBody = z
  .object({ ok: z.boolean(), note: note.nullable().default(null), version: z.number().int() })
  .refine((b) => b.ok || (b.note ?? '').length > 0, { path: ['note'], message: 'follow_up.check_note_required' });

export const followUpDistributeBody = z.object({
  taskIds: z.array(z.string().uuid()).min(1, { message: 'v.follow_up_tasks' }).max(500, { message: 'v.too_long' }),
  agentIds: z.array(z.string().uuid()).min(1, { message: 'v.follow_up_agents' }).max(100, { message: 'v.too_long' }),
});
export const followUpDistributeResult = z.object({ moved: z.number(), loads: z.array(z.object({ agent: person, open: z.number() })) });

const reasonText = z.string().trim().min(1, { message: 'v.follow_up_reason' }).max(200, { message: 'v.follow_up_reason' });
const priority = z.number().int().min(1).max(3).default(2);

export const followUpManualBody = z.object({
  customerId: z.string().uuid({ message: 'follow_up.unknown_customer' }),
  reason: reasonText,
  dueAt: instant,
  priority,
  assigneeId: z.string().uuid().nullable().default(null),
  scriptCode: z.string().max(60).nullable().default(null),
});

/** Who a campaign calls: a filter over the customers (all given conditions hold). */
export const followUpCustomerFilter = z.object({
  ownerId: z.string().uuid().optional(),
  tierCode: z.string().max(32).optional(),
  classCode: z.string().max(32).optional(),
  lifecycle: z.string().max(32).optional(),
  tag: z.string().max(20).optional(),
});
export const followUpCampaignTasksBody = z.object({
  filter: followUpCustomerFilter,
  reason: reasonText,
  dueAt: instant,
  priority,
  /** spread the new tasks over these agents by load; none given: each customer's owner */
  agentIds: z.array(z.string().uuid()).max(100).default([]),
  scriptCode: z.string().max(60).nullable().default(null),
});

export const followUpCampaignBody = z
  .object({
    name: z.string().trim().min(1, { message: 'v.required' }).max(100, { message: 'v.too_long' }),
    purpose: z.enum(CAMPAIGN_PURPOSES),
    targetSuccessRate: ratio.nullable().default(null),
    startsOn: dateString,
    endsOn: dateString,
  })
  .refine((b) => b.endsOn >= b.startsOn, { path: ['endsOn'], message: 'v.follow_up_period' });
export const followUpCampaignUpdateBody = z.object({
  version: z.number().int(),
  summary: z.string().max(5000, { message: 'v.too_long' }).nullable().optional(),
  active: z.boolean().optional(),
});

export const followUpCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  targetSuccessRate: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  summary: z.string().nullable(),
  tasks: z.number(),
  open: z.number(),
  createdAt: z.string(),
  version: z.number(),
});
export type FollowUpCampaign = z.infer<typeof followUpCampaignSchema>;

export const KPI_GROUPS = ['agent', 'rule', 'campaign'] as const;
export const followUpKpiQuery = z
  .object({ by: z.enum(KPI_GROUPS).default('agent'), from: dateString, to: dateString })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'v.follow_up_period' });

/** One row of the KPIs (per agent, rule or campaign); rates are null where nothing was there to count. */
export const followUpKpiRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  attempted: z.number(),
  reached: z.number(),
  successRate: z.number().nullable(),
  successTarget: z.number(),
  compliant: z.number(),
  complianceRate: z.number().nullable(),
  invitationAsked: z.number(),
  invited: z.number(),
  invitationRate: z.number().nullable(),
  owned: z.number().nullable(),
  covered: z.number().nullable(),
  coverageRate: z.number().nullable(),
});
export type FollowUpKpiRow = z.infer<typeof followUpKpiRowSchema>;
export const followUpKpisSchema = z.object({
  by: z.enum(KPI_GROUPS),
  from: z.string(),
  to: z.string(),
  rows: z.array(followUpKpiRowSchema),
  total: followUpKpiRowSchema,
  targets: followUpSettingsSchema.shape.targets,
});
export type FollowUpKpis = z.infer<typeof followUpKpisSchema>;

/** 回访总结报告: a campaign's figures and the supervisor's written summary. */
export const followUpCampaignReportSchema = z.object({
  campaign: followUpCampaignSchema,
  statuses: z.record(z.string(), z.number()),
  outcomes: z.record(z.string(), z.number()),
  averageSatisfaction: z.number().nullable(),
  issues: z.number(),
  complaints: z.number(),
  total: followUpKpiRowSchema,
  byAgent: z.array(followUpKpiRowSchema),
});
export type FollowUpCampaignReport = z.infer<typeof followUpCampaignReportSchema>;
