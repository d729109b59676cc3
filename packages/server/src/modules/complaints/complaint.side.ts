import { workingTimeBetween } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { userIdOf, type ComplaintCore } from './complaint.core';
import { createMover } from './complaint.move';
import { caseLink, notes } from './complaint.notify';
import { checkPeople } from './complaint.register';
import { pausesOf } from './complaint.repo';
import { deadlines } from './complaint.sla';

/**
 * Actions on an open case that keep its state: waiting for the customer (待客户回复: the clocks stand
 * still, and the pause is on the record), resuming (the running deadlines move on by the working time
 * the wait took), and assigning the officer who handles it.
 */
export function createSideActions(core: ComplaintCore) {
  const { move } = createMover(core);

  const pause = (ctx: Ctx, id: string, b: { version: number; reason: string }) =>
    move(ctx, id, 'pause', b.version, async (trx, row, e) => {
      await trx.insertInto('complaint_pauses').values({ complaint_id: row.id, from_at: e.now, reason: b.reason, paused_by: ctx.actor.id }).execute();
      return { set: { paused_since: e.now }, data: { reason: b.reason }, timeline: {} };
    });

  const resume = (ctx: Ctx, id: string, b: { version: number; note: string | null }) =>
    move(ctx, id, 'resume', b.version, async (trx, row, e) => {
      await trx
        .updateTable('complaint_pauses')
        .set({ to_at: e.now, resume_note: b.note, resumed_by: ctx.actor.id })
        .where('complaint_id', '=', row.id)
        .where('to_at', 'is', null)
        .execute();
      const pauses = (await pausesOf(trx, [row.id])).get(row.id) ?? [];
      const due = deadlines(e.cal, row.received_at, { responseHours: Number(row.response_hours), resolveDays: row.resolve_days }, pauses, e.now);
      const pausedMs = row.paused_since ? workingTimeBetween(e.cal, row.paused_since, e.now) : 0;
      return {
        // only the clocks still running move: a deadline already met stays where it was
        set: {
          paused_since: null,
          ...(row.responded_at ? {} : { response_due_at: due.responseDueAt }),
          ...(row.resolved_at ? {} : { resolve_due_at: due.resolveDueAt }),
        },
        data: {
          note: b.note,
          pausedWorkingMs: pausedMs,
          responseDueAt: (row.responded_at ? row.response_due_at : due.responseDueAt).toISOString(),
          resolveDueAt: (row.resolved_at ? row.resolve_due_at : due.resolveDueAt).toISOString(),
        },
        timeline: {},
      };
    });

  const assign = (ctx: Ctx, id: string, b: { version: number; assigneeId: string }) =>
    move(ctx, id, 'assign', b.version, async (trx, row) => {
      const people = await checkPeople(trx, [{ path: 'assigneeId', id: b.assigneeId, handles: true }]);
      return {
        set: { assignee_id: b.assigneeId },
        data: { from: row.assignee_name, to: people.get(b.assigneeId)?.name },
        timeline: null,
        tell: (after) =>
          notes(
            [b.assigneeId],
            'assigned',
            `${row.id}:${after.version}`,
            { number: row.number, complainant: row.complainant_name, by: ctx.actor.name },
            caseLink(row.id),
            userIdOf(ctx),
          ),
      };
    });

  return { pause, resume, assign };
}
