import {
  allowedBookingActions,
  BOOKING_STATUS_LABELS,
  canMarkAttendance,
  hoursAheadFor,
  isFrozen,
  type Booking,
  type BookingAction,
  type BookingChannel,
  type BookingSettings,
  type Resource,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { canSee } from '../customers';
import { claim, emit, onTimeline, type BookingCore } from './booking.core';
import { customerFacts, presentOne } from './booking.mapper';
import { findBooking, releaseSlot, type BookingRow } from './booking.repo';
import { offerFreed, type OfferOutside } from './booking.waitlist';

export const bookingNotFound = () => new AppError('booking.not_found', 404);

/** Changes to a taken booking (seed 004 取消课 / 临时取消课的流程 / 旷课): each one short transaction with its audit row and timeline step. */
export function createBookingSteps(
  core: BookingCore,
  orSlotFull: <T>(r: Resource, w: { startsAt: Date; endsAt: Date; places: number }, work: () => Promise<T>) => Promise<T>,
) {
  const { db, clock } = core;

  /** The booking, locked, in the actor's scope (a customer one may not see is "not found"), able to take `action`. */
  async function load(trx: Db, ctx: Ctx, id: string, action: BookingAction, version?: number): Promise<BookingRow> {
    const row = await findBooking(trx, id, true);
    if (!row || !canSee(ctx.actor, customerFacts(row))) throw bookingNotFound();
    if (version !== undefined && row.version !== version) throw conflict('booking.version_conflict');
    if (!allowedBookingActions(row.status).includes(action))
      throw conflict('booking.invalid_transition', { from: BOOKING_STATUS_LABELS[row.status][ctx.lang] });
    return row;
  }

  /** Outside the window of the channel it comes through, or refused: seed 004 "12小时以内的课程的确已经没有权限去取消了". */
  function notFrozen(settings: BookingSettings, row: BookingRow, via: BookingChannel) {
    if (isFrozen(settings, via, row.starts_at, clock.now())) throw new AppError('booking.frozen', 409, { hours: hoursAheadFor(settings, via) });
  }

  async function release(trx: Db, row: BookingRow) {
    if (row.status === 'booked' && row.slot_starts_at) await releaseSlot(trx, row.resource_id, row.slot_starts_at, row.places);
  }

  /** Read before a transaction: what offering a freed place to the waiting list needs. */
  async function offerOutside(): Promise<OfferOutside> {
    return { timeZone: await core.timeZone(), holdHours: (await core.extras.read()).offerHoldHours };
  }

  /**
   * The place `row` held is free again: a held waiting-list offer on it is over, and the next customer
   * waiting for that time is offered the place, in the same transaction.
   */
  async function freed(trx: Db, ctx: Ctx, row: BookingRow, now: Date, o: OfferOutside) {
    await trx
      .updateTable('booking_waitlist')
      .set({ status: 'declined', decided_by_name: ctx.actor.name, decided_at: now, updated_at: now })
      .where('offer_booking_id', '=', row.id)
      .where('status', '=', 'offered')
      .execute();
    await offerFreed(core, trx, ctx, { resourceId: row.resource_id, startsAt: row.starts_at, endsAt: row.ends_at }, now, o);
  }

  const reread = async (ctx: Ctx, id: string): Promise<Booking> => presentOne(db, ctx, (await findBooking(db, id))!);

  async function cancel(ctx: Ctx, id: string, input: { via: BookingChannel; reason: string; version: number }): Promise<Booking> {
    const now = clock.now();
    const tz = await core.timeZone(); // read before the transaction (PGlite is one session)
    const settings = await core.settings.read();
    const o = await offerOutside();
    await db.transaction().execute(async (trx) => {
      const row = await load(trx, ctx, id, 'cancel', input.version);
      notFrozen(settings, row, input.via);
      await release(trx, row);
      await trx
        .updateTable('bookings')
        .set({ status: 'cancelled', cancelled_at: now, cancel_reason: input.reason, updated_at: now, version: row.version + 1 })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, {
        action: 'booking.cancel',
        entityType: 'booking',
        entityId: id,
        detail: { number: row.number, via: input.via, reason: input.reason },
      });
      await onTimeline(trx, ctx, row, 'cancelled', now, tz, { via: input.via, reason: input.reason });
      await emit(core, trx, ctx, 'cancelled', row, now); // the card's held lessons come back
      await freed(trx, ctx, row, now, o); // the next on the waiting list is offered the place
    });
    return reread(ctx, id);
  }

  /** Another time on the same resource, under the same window as a cancellation (the old time is given up). */
  async function move(ctx: Ctx, id: string, input: { startsAt: string; endsAt: string; via: BookingChannel; version: number }): Promise<Booking> {
    const now = clock.now();
    const tz = await core.timeZone(); // read before the transaction (PGlite is one session)
    const first = await findBooking(db, id);
    if (!first || !canSee(ctx.actor, customerFacts(first))) throw bookingNotFound();
    const resource = await core.resources.get(first.resource_id);
    const w = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), places: first.places };
    const settings = await core.settings.read();
    const o = await offerOutside();
    await orSlotFull(resource, w, () =>
      db.transaction().execute(async (trx) => {
        const row = await load(trx, ctx, id, 'move', input.version);
        notFrozen(settings, row, input.via);
        await release(trx, row);
        await claim(core, trx, resource, w, { timeZone: tz });
        await trx
          .updateTable('bookings')
          .set({ starts_at: w.startsAt, ends_at: w.endsAt, slot_starts_at: row.slot_starts_at ? w.startsAt : null, updated_at: now, version: row.version + 1 })
          .where('id', '=', id)
          .execute();
        const detail = { number: row.number, via: input.via, from: row.starts_at.toISOString(), to: input.startsAt };
        await appendAudit(trx, ctx, { action: 'booking.move', entityType: 'booking', entityId: id, detail });
        await onTimeline(trx, ctx, { ...row, starts_at: w.startsAt }, 'moved', now, tz, { via: input.via, from: row.starts_at.toISOString() });
        // the old time is free for the waiting list (an offer on the booking itself moves with it)
        await offerFreed(core, trx, ctx, { resourceId: row.resource_id, startsAt: row.starts_at, endsAt: row.ends_at }, now, o);
      }),
    );
    return reread(ctx, id);
  }

  /**
   * Attended or no-show, once the booking has begun. A no-show tells the `no_show` hooks inside the
   * same transaction: the cards module deducts the credit there (seed 004 "否则课时会自动扣除").
   */
  async function mark(ctx: Ctx, id: string, input: { outcome: 'attended' | 'no_show'; version: number }): Promise<Booking> {
    const now = clock.now();
    const tz = await core.timeZone(); // read before the transaction (PGlite is one session)
    await db.transaction().execute(async (trx) => {
      const row = await load(trx, ctx, id, input.outcome === 'attended' ? 'attend' : 'no_show', input.version);
      if (!canMarkAttendance(row.starts_at, now)) throw new AppError('booking.not_started', 409);
      await trx
        .updateTable('bookings')
        .set({ status: input.outcome, marked_at: now, updated_at: now, version: row.version + 1 })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, { action: `booking.${input.outcome}`, entityType: 'booking', entityId: id, detail: { number: row.number } });
      await onTimeline(trx, ctx, row, input.outcome, now, tz);
      await emit(core, trx, ctx, input.outcome, row, now); // attended: the lesson is charged; no_show: deducted
    });
    return reread(ctx, id);
  }

  return { load, release, reread, cancel, move, mark, freed, offerOutside };
}
export type BookingSteps = ReturnType<typeof createBookingSteps>;
