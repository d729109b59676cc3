import { isExclusive, overlaps, zonedDate, type BookingChannel, type Resource } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { actorId, claim, isExclusionViolation, SlotFull, type BookingCore, type BookingDeps, type Wanted } from './booking.core';
import { createBookingCreate } from './booking.create';
import { closuresOverlapping, nextNumber, releaseSlot } from './booking.repo';

/**
 * Places taken on behalf of another area inside that area's own transaction: a group booking's
 * resources, a named room's nights (docs/decisions/016-group-and-room-bookings.md). Each hold is an
 * ordinary `bookings` row, so the exclusion constraint and the counted slots guard it like any other
 * booking and the schedule shows it; the caller writes its own audit row and timeline line.
 */
export interface HoldRequest {
  customerId: string;
  resource: Resource;
  startsAt: Date;
  endsAt: Date;
  places: number;
  channel: BookingChannel;
  notes: string;
  /** from `numbers()`, taken before the transaction */
  number: string;
  /** a stay over nights (a named room): no opening hours, the room is taken whole from arrival to departure */
  nights?: boolean;
}

export function createBookingHolds(deps: BookingDeps) {
  // holds tell no booking hooks (the group or the form is what the customer booked): the core's hook
  // lists stay empty, and only the capacity checks and the 409's quieter times are borrowed
  const core = { ...deps, hooks: {} } as BookingCore;
  const { orSlotFull } = createBookingCreate(core);
  const { clock } = core;

  /** Booking numbers for the holds, each in its own statement before the caller's transaction (as `create` does). */
  async function numbers(count: number, timeZone: string): Promise<string[]> {
    const day = zonedDate(clock.now(), timeZone);
    const out: string[] = [];
    for (let i = 0; i < count; i += 1) out.push(await nextNumber(core.db, day));
    return out;
  }

  /** Takes the places in the caller's transaction; a full slot or a taken time throws (see `refusal`). */
  async function hold(trx: Db, ctx: Ctx, h: HoldRequest, timeZone: string): Promise<string> {
    const w = { startsAt: h.startsAt, endsAt: h.endsAt, places: h.places };
    if (h.nights) {
      if (!h.resource.active) throw new AppError('resource.inactive', 409);
      const closure = (await closuresOverlapping(trx, h.resource.id, w.startsAt, w.endsAt)).find((c) =>
        overlaps({ startsAt: c.starts_at, endsAt: c.ends_at }, w),
      );
      if (closure) throw new AppError('booking.closure', 409, { reason: closure.reason });
    } else await claim(core, trx, h.resource, w, { timeZone });
    const exclusive = isExclusive(h.resource.capacity);
    const now = clock.now();
    const row = await trx
      .insertInto('bookings')
      .values({
        number: h.number,
        customer_id: h.customerId,
        resource_id: h.resource.id,
        starts_at: w.startsAt,
        ends_at: w.endsAt,
        places: w.places,
        exclusive,
        slot_starts_at: exclusive ? null : w.startsAt,
        channel: h.channel,
        notes: h.notes,
        taken_by_id: actorId(ctx),
        taken_by_name: ctx.actor.name,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Gives a hold back in the caller's transaction (its places return to the slot); a booking no longer booked is left as it is. */
  async function release(trx: Db, bookingId: string, reason: string): Promise<void> {
    const now = clock.now();
    const row = await trx
      .selectFrom('bookings')
      .select(['id', 'status', 'resource_id', 'slot_starts_at', 'places', 'version'])
      .where('id', '=', bookingId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.status !== 'booked') return;
    if (row.slot_starts_at) await releaseSlot(trx, row.resource_id, row.slot_starts_at, row.places);
    await trx
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now, version: row.version + 1 })
      .where('id', '=', bookingId)
      .execute();
  }

  /** True when the database refused the places (a full slot, an overlapping one-place booking). */
  const isRefusal = (e: unknown) => e instanceof SlotFull || isExclusionViolation(e);

  /** The 409 a refused hold answers, with the quieter times of that resource (seed 004 引导合理排课). */
  async function refusal(e: unknown, resource: Resource, w: Wanted): Promise<never> {
    return orSlotFull(resource, w, () => Promise.reject(e));
  }

  return { numbers, hold, release, isRefusal, refusal };
}
export type BookingHolds = ReturnType<typeof createBookingHolds>;
