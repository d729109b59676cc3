import type { ComplaintFollowUp } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { appendAudit } from '../audit';
import { actorRef, complaintNotFound, userIdOf, type ComplaintCore } from './complaint.core';
import { insertStep } from './complaint.repo';

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

  async function done(ctx: Ctx, followUpId: string, note: string | null): Promise<ComplaintFollowUp> {
    const now = core.clock.now();
    await db.transaction().execute(async (trx) => {
      const f = await trx.selectFrom('complaint_follow_ups').selectAll().where('id', '=', followUpId).forUpdate().executeTakeFirst();
      if (!f) throw complaintNotFound();
      const { row, view } = await core.load(ctx, f.complaint_id, trx);
      if (view !== 'full') throw complaintNotFound();
      if (!ctx.actor.permissions.has('complaint:handle')) throw forbidden();
      if (f.done_at) throw new AppError('complaint.follow_up_done', 409);
      await trx
        .updateTable('complaint_follow_ups')
        .set({ done_at: now, done_by: userIdOf(ctx), note })
        .where('id', '=', followUpId)
        .execute();
      await insertStep(trx, {
        complaintId: row.id,
        action: 'follow_up_done',
        from: null,
        to: null,
        at: now,
        actor: actorRef(ctx),
        data: { followUpId, kind: f.kind, dueDate: f.due_date, note },
      });
      await appendAudit(trx, ctx, {
        action: 'complaint.follow_up_done',
        entityType: 'complaint',
        entityId: row.id,
        detail: { number: row.number, followUpId, kind: f.kind },
      });
      await core.onTimeline(trx, ctx, row, 'follow_up_done', { kind: f.kind }, now);
    });
    return toFollowUp(await select().where('f.id', '=', followUpId).executeTakeFirstOrThrow());
  }

  return { listForCase, done };
}
