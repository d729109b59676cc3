import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintState, Satisfaction } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * The reports' own SQL over the complaint tables (STYLE.md: reports read through their own SQL).
 * A period is the cases RECEIVED from local midnight of its first day to local midnight after its
 * last day, in the department's time zone; the bounds are computed by the database (AT TIME ZONE),
 * so a case received Sunday 23:30 in Beijing is in that Sunday's week whatever the server's zone.
 */
export interface Period {
  from: string;
  to: string;
  timeZone: string;
  asOf: Date;
}

const inPeriod = (p: Period) =>
  sql<boolean>`c.received_at >= (${p.from}::date::timestamp at time zone ${p.timeZone}) and c.received_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})`;

/**
 * A deadline is kept when met in time with no breach recorded; breached when the watch recorded a
 * breach, when it was met late, or when it is still unmet past due (and not waiting for the
 * customer); otherwise it is still running. The three add up to the cases of the period.
 */
const slaColumns = (p: Period, clock: 'response' | 'resolve') => {
  const met = sql.ref(clock === 'response' ? 'c.responded_at' : 'c.resolved_at');
  const due = sql.ref(clock === 'response' ? 'c.response_due_at' : 'c.resolve_due_at');
  const breach = sql.ref(clock === 'response' ? 'rb.id' : 'sb.id');
  return [
    sql<number>`count(*) filter (where ${breach} is null and ${met} is not null and ${met} <= ${due})::int`.as(`${clock}_kept`),
    sql<number>`count(*) filter (where ${breach} is not null or ${met} > ${due} or (${met} is null and c.paused_since is null and ${due} <= ${p.asOf}))::int`.as(
      `${clock}_breached`,
    ),
    sql<number>`count(*) filter (where ${breach} is null and ${met} is null and (c.paused_since is not null or ${due} > ${p.asOf}))::int`.as(
      `${clock}_pending`,
    ),
  ];
};
const satisfactionColumns = (column: 'satisfaction_result' | 'satisfaction_speed') =>
  (['satisfied', 'fair', 'unsatisfied'] as const).map((s) => sql<number>`count(*) filter (where ${sql.ref(`c.${column}`)} = ${s})::int`.as(`${column}_${s}`));

export type GroupRow = {
  dimension: 'category' | 'severity' | 'channel' | 'department' | 'total';
  category: ComplaintCategory | null;
  severity: ComplaintSeverity | null;
  channel: ComplaintChannel | null;
  department_id: string | null;
  department_name: string | null;
  n: number;
  closed: number;
  major: number;
} & Record<string, number | string | null>;

/**
 * Every count of the summary in one scan of the period: by category, severity, channel and
 * department (GROUPING SETS), and the period's totals with the SLA outcome and satisfaction.
 */
export async function periodCounts(db: Db, p: Period): Promise<GroupRow[]> {
  const columns = [
    ...slaColumns(p, 'response'),
    ...slaColumns(p, 'resolve'),
    ...satisfactionColumns('satisfaction_result'),
    ...satisfactionColumns('satisfaction_speed'),
  ];
  const { rows } = await sql<GroupRow>`
    select case
             when grouping(c.category) = 0 then 'category'
             when grouping(c.severity) = 0 then 'severity'
             when grouping(c.channel) = 0 then 'channel'
             when grouping(c.department_id) = 0 then 'department'
             else 'total'
           end as dimension,
           c.category, c.severity, c.channel, c.department_id, d.name as department_name,
           count(*)::int as n,
           count(*) filter (where c.state = 'closed')::int as closed,
           count(*) filter (where c.major)::int as major,
           ${sql.join(columns)}
      from complaints c
      left join departments d on d.id = c.department_id
      left join complaint_breaches rb on rb.complaint_id = c.id and rb.kind = 'response'
      left join complaint_breaches sb on sb.complaint_id = c.id and sb.kind = 'resolve'
     where ${inPeriod(p)}
     group by grouping sets ((c.category), (c.severity), (c.channel), (c.department_id, d.name), ())`.execute(db);
  return rows;
}

export interface CaseRow {
  id: string;
  number: string;
  received_at: Date;
  channel: ComplaintChannel;
  complainant_name: string;
  customer_name: string | null;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  major: boolean;
  state: ComplaintState;
  department_name: string | null;
  assignee_name: string | null;
  responded_at: Date | null;
  response_due_at: Date;
  response_breached: boolean;
  resolved_at: Date | null;
  resolve_due_at: Date;
  resolve_breached: boolean;
  satisfaction_result: Satisfaction | null;
  satisfaction_speed: Satisfaction | null;
  closed_at: Date | null;
}

/** The cases of the period, oldest first (all of them, or the major ones only). */
export async function periodCases(db: Db, p: Period, opts: { majorOnly?: boolean } = {}): Promise<CaseRow[]> {
  const breached = (clock: 'response' | 'resolve', alias: 'rb' | 'sb') => {
    const met = sql.ref(clock === 'response' ? 'c.responded_at' : 'c.resolved_at');
    const due = sql.ref(clock === 'response' ? 'c.response_due_at' : 'c.resolve_due_at');
    return sql<boolean>`(${sql.ref(`${alias}.id`)} is not null or ${met} > ${due} or (${met} is null and c.paused_since is null and ${due} <= ${p.asOf}))`;
  };
  const { rows } = await sql<CaseRow>`
    select c.id, c.number, c.received_at, c.channel, c.complainant_name, cu.name as customer_name, c.category, c.severity,
           c.major, c.state, d.name as department_name, a.display_name as assignee_name,
           c.responded_at, c.response_due_at, ${breached('response', 'rb')} as response_breached,
           c.resolved_at, c.resolve_due_at, ${breached('resolve', 'sb')} as resolve_breached,
           c.satisfaction_result, c.satisfaction_speed, c.closed_at
      from complaints c
      left join customers cu on cu.id = c.customer_id
      left join departments d on d.id = c.department_id
      left join users a on a.id = c.assignee_id
      left join complaint_breaches rb on rb.complaint_id = c.id and rb.kind = 'response'
      left join complaint_breaches sb on sb.complaint_id = c.id and sb.kind = 'resolve'
     where ${inPeriod(p)} ${opts.majorOnly ? sql`and c.major` : sql``}
     order by c.received_at, c.number`.execute(db);
  return rows;
}

export async function findRootCause(db: Db, month: string, forUpdate = false) {
  let q = db.selectFrom('complaint_root_causes').selectAll().where('month', '=', month);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Insert the month's first text (version 1) or replace the text of the version it was written on. */
export async function saveRootCause(
  db: Db,
  v: { month: string; analysis: string; version: number; by: { id: string | null; name: string }; at: Date },
): Promise<number | null> {
  const values = { analysis: v.analysis, updated_by: v.by.id, updated_by_name: v.by.name, updated_at: v.at };
  if (v.version === 0) {
    const row = await db
      .insertInto('complaint_root_causes')
      .values({ month: v.month, ...values, version: 1 })
      .onConflict((oc) => oc.column('month').doNothing())
      .returning('version')
      .executeTakeFirst();
    return row?.version ?? null;
  }
  const row = await db
    .updateTable('complaint_root_causes')
    .set({ ...values, version: v.version + 1 })
    .where('month', '=', v.month)
    .where('version', '=', v.version)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}
