import type { ComplaintFollowUp } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { appendAudit } from '../audit';
import { actorRef, complaintNotFound, userIdOf, type ComplaintCore } from './complaint.core';
import { findComplaint, insertStep, type ComplaintRowNamed } from './complaint.repo';

/**
 * Follow-ups after closing (seed 004 第五篇 三 "处理后有回访"; SPEC §5 "a follow-up task, and another one
 * month later"). They are made by the close step and live on the case until the follow-up area exists.
 */
export function createFollowUps(core: ComplaintCore) {
  const { db } = core;

  function select() {
    return db
      .selectFrom('complaint_follow_ups as f')
      .leftJoin('users as u', 'u.id', 'f.done_by')
      .select(['f.id', 'f.complaint_id', 'f.kind', 'f.days', 'f.due_date', 'f.done_at', 'f.done_by', 'f.note', 'u.display_name as done_by_name']);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toFollowUp = (r: Row): ComplaintFollowUp => ({
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    days: r.days,
    dueDate: r.due_date,
    doneAt: r.done_at?.toISOString() ?? null,
    doneBy: r.done_by ? { id: r.done_by, name: r.done_by_name ?? '' } : null,
    note: r.note,
  });

  async function listForCase(ctx: Ctx, id: string): Promise<ComplaintFollowUp[]> {
    const { view } = await core.load(ctx, id);
    if (view !== 'full') return [];
    return (await select().where('f.complaint_id', '=', id).orderBy('f.due_date').orderBy('f.id').execute()).map(toFollowUp);
  }

  /** The row marked done, its step, audit row and timeline line, on the caller's transaction (row locked). */
  async function markDone(
    trx: Db,
    ctx: Ctx,
    f: { id: string; kind: string; due_date: string },
    row: ComplaintRowNamed,
    note: string | null,
    now: Date,
    via?: string,
  ) {
    await trx
      .updateTable('complaint_follow_ups')
      .set({ done_at: now, done_by: userIdOf(ctx), note })
      .where('id', '=', f.id)
      .execute();
    const data = { followUpId: f.id, kind: f.kind, dueDate: f.due_date, note, ...(via ? { via } : {}) };
    await insertStep(trx, { complaintId: row.id, action: 'follow_up_done', from: null, to: null, at: now, actor: actorRef(ctx), data });
    await appendAudit(trx, ctx, {
      action: 'complaint.follow_up_done',
      entityType: 'complaint',
      entityId: row.id,
      detail: { number: row.number, followUpId: f.id, kind: f.kind, ...(via ? { via } : {}) },
    });
    await core.onTimeline(trx, ctx, row, 'follow_up_done', { kind: f.kind }, now);
  }

  async function done(ctx: Ctx, followUpId: string, note: string | null): Promise<ComplaintFollowUp> {
    const now = core.clock.now();
    await db.transaction().execute(async (trx) => {
      const f = await trx.selectFrom('complaint_follow_ups').selectAll().where('id', '=', followUpId).forUpdate().executeTakeFirst();
      if (!f) throw complaintNotFound();
      const { row, view } = await core.load(ctx, f.complaint_id, trx);
      if (view !== 'full') throw complaintNotFound();
      if (!ctx.actor.permissions.has('complaint:handle')) throw forbidden();
      if (f.done_at) throw new AppError('complaint.follow_up_done', 409);
      await markDone(trx, ctx, f, row, note, now);
    });
    return toFollowUp(await select().where('f.id', '=', followUpId).executeTakeFirstOrThrow());
  }

  /**
   * Done by a follow-up task (the follow-ups module, ref_type 'complaint_follow_up'), inside that task's
   * transaction: the task's own permission and assignment were checked there, so no complaint scope here.
   * One already done (by hand) stays as it was. Answers whether it marked the row.
   */
  async function doneWithin(trx: Db, ctx: Ctx, followUpId: string, note: string | null, now: Date, via: string): Promise<boolean> {
    const f = await trx.selectFrom('complaint_follow_ups').selectAll().where('id', '=', followUpId).forUpdate().executeTakeFirst();
    if (!f || f.done_at) return false;
    const row = await findComplaint(trx, f.complaint_id);
    if (!row) return false;
    await markDone(trx, ctx, f, row, note, now, via);
    return true;
  }

  return { listForCase, done, doneWithin };
}
