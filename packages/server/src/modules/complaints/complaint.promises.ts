import { allowedComplaintActions, mayKeepPromise, type ComplaintPromise } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { ComplaintPromiseRow } from '../../db/schema-complaints';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, forbidden } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { actorRef, complaintNotFound, userIdOf, type ComplaintCore, type Env } from './complaint.core';
import { fieldError } from './complaint.register';
import { findComplaint, insertStep, type ComplaintRowNamed } from './complaint.repo';

type PromiseRowNamed = ComplaintPromiseRow & { complaint_number: string; owner_name: string | null };

function selectPromises(db: Db) {
  return db
    .selectFrom('complaint_promises as p')
    .innerJoin('complaints as c', 'c.id', 'p.complaint_id')
    .leftJoin('users as u', 'u.id', 'p.owner_id')
    .selectAll('p')
    .select(['c.number as complaint_number', 'u.display_name as owner_name']);
}

function toPromise(r: PromiseRowNamed, now: Date): ComplaintPromise {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    complaintNumber: r.complaint_number,
    what: r.what,
    dueAt: r.due_at.toISOString(),
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    keptAt: r.kept_at?.toISOString() ?? null,
    overdue: !r.kept_at && r.due_at < now,
  };
}

/**
 * Promises to the complainant (seed 004 原则 1 "承诺必须兑现": "半小时后给您回电话"): each recorded with
 * its deadline and owner, listed for the owner, flagged when overdue (complaint.watch.ts). After the SLA
 * clocks have stopped, the earliest open promise is the deadline the case's place in the queue follows.
 */
export function createPromises(core: ComplaintCore) {
  const { db, clock } = core;

  /** The queue's deadline may follow the promises: refreshed under the case's row lock, without a new version. */
  async function refreshTiming(trx: Db, row: ComplaintRowNamed, e: Env) {
    await trx
      .updateTable('complaints')
      .set(await core.timing(trx, row, e))
      .where('id', '=', row.id)
      .execute();
  }

  async function promise(ctx: Ctx, id: string, b: { what: string; dueAt: string }): Promise<ComplaintPromise> {
    const e = await core.env();
    const promiseId = await db.transaction().execute(async (trx) => {
      const { row, view } = await core.load(ctx, id, trx, true);
      if (view !== 'full') throw forbidden();
      if (!allowedComplaintActions(core.facts(row, e)).includes('promise')) throw conflict('complaint.closed');
      const dueAt = new Date(b.dueAt);
      if (dueAt <= e.now) throw fieldError('dueAt', 'complaint.in_past');
      const owner = userIdOf(ctx) ?? row.assignee_id;
      const inserted = await trx
        .insertInto('complaint_promises')
        .values({ complaint_id: id, what: b.what, due_at: dueAt, owner_id: owner, source: 'manual', created_at: e.now, created_by: ctx.actor.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertStep(trx, {
        complaintId: id,
        action: 'promise',
        from: null,
        to: null,
        at: e.now,
        actor: actorRef(ctx),
        data: { promiseId: inserted.id, what: b.what, dueAt: dueAt.toISOString() },
      });
      await appendAudit(trx, ctx, {
        action: 'complaint.promise',
        entityType: 'complaint',
        entityId: id,
        detail: { number: row.number, promiseId: inserted.id, dueAt: dueAt.toISOString() },
      });
      await core.onTimeline(trx, ctx, row, 'promised', { dueAt: dueAt.toISOString() }, e.now);
      await refreshTiming(trx, row, e);
      return inserted.id;
    });
    return toPromise(await selectPromises(db).where('p.id', '=', promiseId).executeTakeFirstOrThrow(), e.now);
  }

  /** Kept: by whoever handles complaints, or by the promise's owner. */
  async function keep(ctx: Ctx, promiseId: string): Promise<ComplaintPromise> {
    const e = await core.env();
    await db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('complaint_promises').selectAll().where('id', '=', promiseId).executeTakeFirst();
      if (!p) throw complaintNotFound();
      const { row, view } = await core.load(ctx, p.complaint_id, trx, true);
      if (view !== 'full') throw complaintNotFound();
      if (!mayKeepPromise(ctx.actor.permissions, ctx.actor.id, p.owner_id)) throw forbidden();
      const kept = await trx
        .updateTable('complaint_promises')
        .set({ kept_at: e.now, kept_by: ctx.actor.id })
        .where('id', '=', promiseId)
        .where('kept_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!kept) throw new AppError('complaint.promise_kept', 409);
      await insertStep(trx, {
        complaintId: row.id,
        action: 'promise_kept',
        from: null,
        to: null,
        at: e.now,
        actor: actorRef(ctx),
        data: { promiseId, what: p.what, dueAt: p.due_at.toISOString(), late: e.now > p.due_at },
      });
      await appendAudit(trx, ctx, { action: 'complaint.promise_kept', entityType: 'complaint', entityId: row.id, detail: { number: row.number, promiseId } });
      await core.onTimeline(trx, ctx, row, 'promise_kept', { late: e.now > p.due_at }, e.now);
      await refreshTiming(trx, (await findComplaint(trx, row.id))!, e);
    });
    return toPromise(await selectPromises(db).where('p.id', '=', promiseId).executeTakeFirstOrThrow(), e.now);
  }

  /**
   * Promises, soonest first: `mine` the reader's own; otherwise all (read_all) or those of the cases in
   * the reader's scope. Open ones unless `open=false`; `overdue` only those past their deadline.
   */
  async function list(
    ctx: Ctx,
    p: { mine?: boolean; overdue?: boolean; open?: boolean; complaintId?: string | undefined; limit: number; cursor?: string | undefined },
  ) {
    const a = ctx.actor;
    const now = clock.now();
    let q = selectPromises(db);
    if (p.mine) q = q.where('p.owner_id', '=', a.id);
    else if (!a.permissions.has('complaint:read_all')) {
      q = q.where((eb) => eb.or([eb('p.owner_id', '=', a.id), eb('c.receiver_id', '=', a.id), eb('c.assignee_id', '=', a.id), eb('c.created_by', '=', a.id)]));
    }
    if (p.complaintId) q = q.where('p.complaint_id', '=', p.complaintId);
    if (p.open !== false || p.overdue) q = q.where('p.kept_at', 'is', null);
    if (p.overdue) q = q.where('p.due_at', '<', now);
    const cursor = readCursor(p.cursor, ['time', 'uuid']);
    if (cursor) q = q.where(sql<boolean>`(p.due_at, p.id) > (${new Date(String(cursor[0]))}::timestamptz, ${String(cursor[1])}::uuid)`);
    const rows = await q
      .orderBy('p.due_at')
      .orderBy('p.id')
      .limit(p.limit + 1)
      .execute();
    const result = page(rows, p.limit, (r) => [r.due_at.toISOString(), r.id]);
    return { items: result.items.map((r) => toPromise(r, now)), nextCursor: result.nextCursor };
  }

  return { promise, keep, list };
}
