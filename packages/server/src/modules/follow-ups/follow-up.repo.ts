import type { Db } from '../../db/client';

/** Typed SQL of the follow-up area; every function takes the db or the caller's transaction first. */
export function selectTasks(db: Db) {
  return db
    .selectFrom('follow_up_tasks as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('follow_up_campaigns as g', 'g.id', 't.campaign_id')
    .select([
      't.id',
      't.customer_id',
      't.rule',
      't.campaign_id',
      't.reason',
      't.reason_params',
      't.dedupe_key',
      't.ref_type',
      't.ref_id',
      't.due_at',
      't.priority',
      't.assignee_id',
      't.script_code',
      't.status',
      't.attempts',
      't.max_attempts',
      't.last_attempt_at',
      't.parent_id',
      't.created_at',
      't.closed_at',
      't.version',
      'c.name as customer_name',
      'c.owner_id',
      'a.display_name as assignee_name',
      'g.name as campaign_name',
      'g.purpose as campaign_purpose',
    ]);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return selectTasks(db).where('t.id', '=', id).executeTakeFirst();
}

/**
 * The task row locked for the rest of the transaction: two agents pressing outcome buttons on one task
 * queue here on PostgreSQL; the second then finds a new version (409).
 */
export async function lockTask(trx: Db, id: string): Promise<TaskRow | undefined> {
  await trx.selectFrom('follow_up_tasks').select('id').where('id', '=', id).forUpdate().execute();
  return findTask(trx, id);
}

export function selectRecord(db: Db) {
  return db
    .selectFrom('follow_up_records as r')
    .leftJoin('users as rb', 'rb.id', 'r.recorded_by')
    .leftJoin('users as cb', 'cb.id', 'r.checked_by')
    .leftJoin('complaints as k', 'k.id', 'r.complaint_id')
    .selectAll('r')
    .select(['rb.display_name as recorded_by_name', 'cb.display_name as checked_by_name', 'k.number as complaint_number']);
}
export type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecord>['executeTakeFirstOrThrow']>>;

export function selectAttempts(db: Db) {
  return db
    .selectFrom('follow_up_attempts as x')
    .leftJoin('users as u', 'u.id', 'x.agent_id')
    .select(['x.id', 'x.task_id', 'x.at', 'x.agent_id', 'x.outcome', 'x.callback_at', 'x.note', 'u.display_name as agent_name']);
}
export type AttemptRow = Awaited<ReturnType<ReturnType<typeof selectAttempts>['executeTakeFirstOrThrow']>>;

/** Active users who may work follow-ups (a role granting follow_up:work), with their open tasks: the load. */
export async function agentsWithLoad(db: Db, ids: string[] | null) {
  let q = db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .select((eb) =>
      eb
        .selectFrom('follow_up_tasks as t')
        .whereRef('t.assignee_id', '=', 'u.id')
        .where('t.status', '=', 'open')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('open'),
    )
    .where('u.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('roles as r')
          .select('r.name')
          .whereRef('r.name', '=', eb.fn.any('u.roles'))
          .where((e) => e(e.val('follow_up:work'), '=', e.fn.any('r.permissions'))),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id');
  if (ids) q = q.where('u.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return (await q.execute()).map((r) => ({ id: r.id, name: r.display_name, open: Number(r.open ?? 0) }));
}
