import type { ComplaintState, Pause } from '@kefu/shared';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import type { ComplaintRow } from '../../db/schema-complaints';

/** A case with the names the answer shows beside each id (one row, so a page is one query). */
export type ComplaintRowNamed = ComplaintRow & {
  customer_name: string | null;
  department_name: string | null;
  receiver_name: string | null;
  assignee_name: string | null;
  acknowledged_by_name: string | null;
  investigator_name: string | null;
  proposed_by_name: string | null;
  responsible_name: string | null;
  approved_by_name: string | null;
  handler_name: string | null;
  feedback_by_name: string | null;
  open_transfers: number;
  open_promises: number;
};
export type ComplaintQuery = SelectQueryBuilder<Database, 'complaints', ComplaintRowNamed>;

const USER_NAMES = {
  receiver_name: 'receiver_id',
  assignee_name: 'assignee_id',
  acknowledged_by_name: 'acknowledged_by',
  investigator_name: 'investigator_id',
  proposed_by_name: 'proposed_by',
  responsible_name: 'responsible_id',
  approved_by_name: 'approved_by',
  handler_name: 'handler_id',
  feedback_by_name: 'feedback_by',
} as const;

export function selectComplaints(db: Db): ComplaintQuery {
  let q = db
    .selectFrom('complaints')
    .selectAll('complaints')
    .select((eb) => eb.selectFrom('customers').select('name').whereRef('customers.id', '=', 'complaints.customer_id').as('customer_name'))
    .select((eb) => eb.selectFrom('departments').select('name').whereRef('departments.id', '=', 'complaints.department_id').as('department_name'))
    .select(sql<number>`(select count(*)::int from complaint_transfers t where t.complaint_id = complaints.id and t.answered_at is null)`.as('open_transfers'))
    .select(sql<number>`(select count(*)::int from complaint_promises p where p.complaint_id = complaints.id and p.kept_at is null)`.as('open_promises'));
  for (const [alias, column] of Object.entries(USER_NAMES)) {
    q = q.select((eb) => eb.selectFrom('users').select('display_name').whereRef('users.id', '=', `complaints.${column}`).as(alias)) as typeof q;
  }
  return q as unknown as ComplaintQuery;
}

/**
 * `forUpdate`: the case row locked for a step. FOR NO KEY UPDATE (what an UPDATE takes anyway), not FOR
 * UPDATE: the watch and the answers lock a promise, transfer or follow-up row first and then insert a
 * step referencing the case, whose foreign-key check takes KEY SHARE on it; FOR UPDATE would block that
 * check while the step waits for their row, and PostgreSQL would end one of the two as a deadlock.
 */
export async function findComplaint(db: Db, id: string, forUpdate = false): Promise<ComplaintRowNamed | undefined> {
  if (forUpdate) await db.selectFrom('complaints').select('id').where('id', '=', id).forNoKeyUpdate().execute();
  return selectComplaints(db).where('complaints.id', '=', id).executeTakeFirst();
}

/** The pauses of each case, oldest first (the SLA clocks need them). */
export async function pausesOf(db: Db, ids: string[]): Promise<Map<string, Pause[]>> {
  const out = new Map<string, Pause[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('complaint_pauses')
    .select(['complaint_id', 'from_at', 'to_at'])
    .where('complaint_id', 'in', ids)
    .orderBy('from_at')
    .execute();
  for (const r of rows) out.get(r.complaint_id)?.push({ from: r.from_at, to: r.to_at });
  return out;
}

export async function earliestOpenPromise(db: Db, complaintId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('complaint_promises')
    .select((eb) => eb.fn.min('due_at').as('due'))
    .where('complaint_id', '=', complaintId)
    .where('kept_at', 'is', null)
    .executeTakeFirst();
  return row?.due ? new Date(row.due as Date) : null;
}

/** The next number of the day: an upsert holds the day's counter row until commit, so instances never collide. */
export async function nextNumber(db: Db, day: string): Promise<string> {
  const row = await db
    .insertInto('complaint_counters')
    .values({ day, last_no: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last_no: sql`complaint_counters.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return `KS${day.replaceAll('-', '')}-${String(row.last_no).padStart(4, '0')}`;
}

export interface StepInsert {
  complaintId: string;
  action: string;
  from: ComplaintState | null;
  to: ComplaintState | null;
  at: Date;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
}

export async function insertStep(db: Db, s: StepInsert): Promise<void> {
  await db
    .insertInto('complaint_steps')
    .values({
      complaint_id: s.complaintId,
      action: s.action,
      from_state: s.from,
      to_state: s.to,
      at: s.at,
      actor_id: s.actor?.id ?? null,
      actor_name: s.actor?.name ?? null,
      data: JSON.stringify(s.data),
    })
    .execute();
}

/**
 * A missed deadline, once per case and clock: the watch records it when the deadline passes
 * (metAt null), the late step when it finally comes (metAt set, also on a row the watch made).
 */
export async function recordBreach(db: Db, complaintId: string, kind: 'response' | 'resolve', dueAt: Date, at: Date, metAt: Date | null): Promise<boolean> {
  const rows = await db
    .insertInto('complaint_breaches')
    .values({ complaint_id: complaintId, kind, due_at: dueAt, recorded_at: at, met_at: metAt })
    .onConflict((oc) =>
      metAt
        ? oc.columns(['complaint_id', 'kind']).doUpdateSet({ met_at: metAt }).where('complaint_breaches.met_at', 'is', null)
        : oc.columns(['complaint_id', 'kind']).doNothing(),
    )
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Active users among `ids`, with whether their roles let them handle complaints. */
export async function activeUsers(db: Db, ids: string[]): Promise<Map<string, { name: string; handles: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .select(sql<boolean>`exists (select 1 from roles r where r.name = any(users.roles) and 'complaint:handle' = any(r.permissions))`.as('handles'))
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.display_name, handles: r.handles }]));
}

/** Active users whose roles hold the permission (optionally: only in one department). */
export async function usersWithPermission(db: Db, permission: string, departmentId?: string): Promise<string[]> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`exists (select 1 from roles r where r.name = any(users.roles) and ${permission} = any(r.permissions))`);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return (await q.execute()).map((r) => r.id);
}

export async function usersWithRole(db: Db, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`${role} = any(roles)`)
    .execute();
  return rows.map((r) => r.id);
}

export async function transferredToDepartment(db: Db, complaintId: string, departmentId: string | null): Promise<boolean> {
  if (!departmentId) return false;
  const row = await db
    .selectFrom('complaint_transfers')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .where('department_id', '=', departmentId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}
