import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from './complaint';
import { COMPLAINT_STATES } from './complaint-workflow';
import { addDays, endOfMonth } from './dates';

/**
 * Complaint reports (SPEC §5; seed 001 客诉专员 职责三: 每周、每月就客诉事项分类、归纳; 每月就客诉原因分析).
 * A report covers the cases RECEIVED in one week or one month of the department's calendar, in its
 * time zone; their state, SLA outcome and satisfaction are as of the moment the report is read.
 */
export const REPORT_PERIODS = ['week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'v.date',
  });
/** YYYY-MM */
export const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'v.month' });

export const reportQuery = z.object({
  period: z.enum(REPORT_PERIODS).default('week'),
  /** any day inside the wanted week or month; today (in the department's time zone) when absent */
  date: ymd.optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** The days a report covers, both inclusive. Weeks run Monday to Sunday, as Chinese work weeks do. */
export function reportRange(period: ReportPeriod, date: string): { from: string; to: string } {
  if (period === 'month') return { from: `${date.slice(0, 7)}-01`, to: endOfMonth(date) };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const from = addDays(date, weekday === 0 ? -6 : 1 - weekday);
  return { from, to: addDays(from, 6) };
}

/** count / total, 0 when there is nothing to divide (a week without feedback). */
export function share(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

const counted = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count: z.number() }));
const slaOutcome = z.object({
  /** met within the limit */
  kept: z.number(),
  /** met late, or recorded as breached, or still open past the limit */
  breached: z.number(),
  /** still open and not yet due */
  pending: z.number(),
});
const satisfactionCounts = z.object({
  satisfied: z.number(),
  fair: z.number(),
  unsatisfied: z.number(),
  /** cases with feedback */
  total: z.number(),
});

export const majorComplaintSchema = z.object({
  id: z.string(),
  number: z.string(),
  receivedAt: z.string(),
  complainantName: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  state: z.enum(COMPLAINT_STATES),
  departmentName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export type MajorComplaint = z.infer<typeof majorComplaintSchema>;

export const complaintReportSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  /** the moment the figures were read (state, open deadlines) */
  asOf: z.string(),
  total: z.number(),
  open: z.number(),
  closed: z.number(),
  major: z.number(),
  byCategory: counted(z.enum(COMPLAINT_CATEGORIES)),
  bySeverity: counted(z.enum(COMPLAINT_SEVERITIES)),
  byChannel: counted(z.enum(COMPLAINT_CHANNELS)),
  byDepartment: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), count: z.number() })),
  sla: z.object({ response: slaOutcome, resolve: slaOutcome }),
  satisfaction: z.object({ result: satisfactionCounts, speed: satisfactionCounts }),
  majorCases: z.array(majorComplaintSchema),
});
export type ComplaintReport = z.infer<typeof complaintReportSchema>;
export type SlaOutcome = z.infer<typeof slaOutcome>;
export type SatisfactionCounts = z.infer<typeof satisfactionCounts>;

/** 月度客诉原因分析: the month's figures beside the analysis the complaint officer writes. */
export const rootCauseParams = z.object({ month: reportMonth });
export const rootCauseBody = z.object({
  analysis: z.string().trim().max(20_000, { message: 'v.too_long' }),
  /** the version the text was written on; 0 for the month's first save */
  version: z.number().int().min(0),
});
export const rootCauseSchema = z.object({
  month: z.string(),
  report: complaintReportSchema,
  analysis: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type RootCause = z.infer<typeof rootCauseSchema>;
