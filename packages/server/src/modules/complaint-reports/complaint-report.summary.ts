import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  type ComplaintReport,
  type ReportPeriod,
  type SatisfactionCounts,
  type SlaOutcome,
} from '@kefu/shared';
import type { CaseRow, GroupRow, Period } from './complaint-report.repo';

/**
 * The summary from the grouped counts: every category, severity and channel listed (zeros too, so
 * the charts of two weeks line up), departments by count, the totals with SLA and satisfaction.
 */
export function buildReport(period: ReportPeriod, p: Period, rows: GroupRow[], major: CaseRow[]): ComplaintReport {
  const of = (dimension: GroupRow['dimension']) => rows.filter((r) => r.dimension === dimension);
  const counts = <K extends string>(keys: readonly K[], dimension: 'category' | 'severity' | 'channel') =>
    keys.map((key) => ({ key, count: of(dimension).find((r) => r[dimension] === key)?.n ?? 0 }));
  const total = of('total')[0];
  const num = (name: string) => Number(total?.[name] ?? 0);
  const sla = (clock: 'response' | 'resolve'): SlaOutcome => ({
    kept: num(`${clock}_kept`),
    breached: num(`${clock}_breached`),
    pending: num(`${clock}_pending`),
  });
  const satisfaction = (column: 'satisfaction_result' | 'satisfaction_speed'): SatisfactionCounts => {
    const satisfied = num(`${column}_satisfied`);
    const fair = num(`${column}_fair`);
    const unsatisfied = num(`${column}_unsatisfied`);
    return { satisfied, fair, unsatisfied, total: satisfied + fair + unsatisfied };
  };
  const n = total?.n ?? 0;
  return {
    period,
    from: p.from,
    to: p.to,
    timeZone: p.timeZone,
    asOf: p.asOf.toISOString(),
    total: n,
    closed: total?.closed ?? 0,
    open: n - (total?.closed ?? 0),
    major: total?.major ?? 0,
    byCategory: counts(COMPLAINT_CATEGORIES, 'category'),
    bySeverity: counts(COMPLAINT_SEVERITIES, 'severity'),
    byChannel: counts(COMPLAINT_CHANNELS, 'channel'),
    byDepartment: of('department')
      .map((r) => ({ id: r.department_id, name: r.department_name, count: r.n }))
      .sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh-CN')),
    sla: { response: sla('response'), resolve: sla('resolve') },
    satisfaction: { result: satisfaction('satisfaction_result'), speed: satisfaction('satisfaction_speed') },
    majorCases: major.map((c) => ({
      id: c.id,
      number: c.number,
      receivedAt: c.received_at.toISOString(),
      complainantName: c.complainant_name,
      category: c.category,
      severity: c.severity,
      state: c.state,
      departmentName: c.department_name,
      assigneeName: c.assignee_name,
    })),
  };
}
