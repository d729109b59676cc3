import type { Booking } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { actorId, emit, onTimeline, type BookingCore } from './booking.core';
import type { BookingSteps } from './booking.steps';

const isUnique = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/**
 * Seed 004 临时取消课的流程: inside the frozen window a sick customer's booking is not cancelled by the
 * agent; the agent files a request with the proof (病例证明), the manager approves it, then the
 * booking is cancelled without charge (a no-show already marked is excused the same way).
 */
export function createBookingExceptions(core: BookingCore, steps: BookingSteps) {
  const { db, clock } = core;

  async function request(ctx: Ctx, id: string, input: { reason: 'illness' | 'other'; proofNote: string; attachmentRef: string | null }): Promise<Booking> {
    const now = clock.now();
    const tz = await core.timeZone(); // read before the transaction (PGlite is one session)
    try {
      await db.transaction().execute(async (trx) => {
        const row = await steps.load(trx, ctx, id, 'request_exception');
        await trx
          .insertInto('booking_exceptions')
          .values({
            booking_id: id,
            reason: input.reason,
            proof_note: input.proofNote,
            attachment_ref: input.attachmentRef,
            requested_by_id: actorId(ctx),
            requested_by_name: ctx.actor.name,
            requested_at: now,
          })
          .execute();
        await appendAudit(trx, ctx, {
          action: 'booking.exception_request',
          entityType: 'booking',
          entityId: id,
          detail: { number: row.number, reason: input.reason },
        });
        await onTimeline(trx, ctx, row, 'exception_requested', now, tz, { reason: input.reason });
      });
    } catch (e) {
      // one pending request per booking, also when two agents file at once
      if (isUnique(e)) throw conflict('booking.exception_pending');
      throw e;
    }
    return steps.reread(ctx, id);
  }

  async function decide(ctx: Ctx, id: string, input: { approve: boolean; note: string }): Promise<Booking> {
    const now = clock.now();
    const tz = await core.timeZone(); // read before the transaction (PGlite is one session)
    const o = await steps.offerOutside();
    await db.transaction().execute(async (trx) => {
      const row = await steps.load(trx, ctx, id, 'decide_exception');
      const pending = await trx
        .selectFrom('booking_exceptions')
        .selectAll()
        .where('booking_id', '=', id)
        .where('status', '=', 'pending')
        .forUpdate()
        .executeTakeFirst();
      if (!pending) throw conflict('booking.no_pending_exception');
      if (pending.requested_by_id && pending.requested_by_id === actorId(ctx)) throw new AppError('booking.own_exception', 403);
      await trx
        .updateTable('booking_exceptions')
        .set({ status: input.approve ? 'approved' : 'rejected', decided_by_name: ctx.actor.name, decided_at: now, decision_note: input.note })
        .where('id', '=', pending.id)
        .execute();
      if (input.approve) {
        await steps.release(trx, row);
        await trx
          .updateTable('bookings')
          .set({ status: 'cancelled', cancelled_at: now, cancel_reason: pending.proof_note, charge_waived: true, updated_at: now, version: row.version + 1 })
          .where('id', '=', id)
          .execute();
        // the credit comes back: a no-show's deduction is reversed by the cards module's `waived` hook
        await emit(core, trx, ctx, 'waived', row, now);
        // a booked place given back goes to the waiting list (a no-show's time has passed: nobody waits for it)
        if (row.status === 'booked') await steps.freed(trx, ctx, row, now, o);
      }
      const step = input.approve ? 'exception_approved' : 'exception_rejected';
      await appendAudit(trx, ctx, { action: `booking.${step}`, entityType: 'booking', entityId: id, detail: { number: row.number, note: input.note } });
      await onTimeline(trx, ctx, row, step, now, tz, { note: input.note });
    });
    return steps.reread(ctx, id);
  }

  return { request, decide };
}
