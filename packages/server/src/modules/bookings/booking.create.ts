import {
  bookingCreateSchema,
  isExclusive,
  suggestQuieterSlots,
  zonedDate,
  type Booking,
  type BookingCreateInput,
  type Resource,
  type SuggestedSlot,
} from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { idempotent, type IdempotentResult } from '../../lib/idempotency';
import { AppError } from '../../lib/errors';
import { appendAudit } from '../audit';
import { canSee } from '../customers';
import { actorId, claim, emit, isExclusionViolation, onTimeline, SlotFull, type BookingCore, type Wanted } from './booking.core';
import { presentOne } from './booking.mapper';
import { busyBetween, closuresOverlapping, findBooking, nextNumber } from './booking.repo';
import { recordRefusal, resetRefusals } from './booking.refusals';

const DAY = 86_400_000;
const unknownCustomer = () => new AppError('booking.unknown_customer', 400, {}, { errors: [{ path: 'customerId', message: 'booking.unknown_customer' }] });

/** Taking a booking (seed 003 接受预约): one short transaction, the database decides who gets the last place. */
export function createBookingCreate(core: BookingCore) {
  const { db, clock } = core;

  /** Seed 004 引导合理排课: when the asked time is full, offer quieter ones (weekday mornings first). */
  async function suggestions(resource: Resource, w: Wanted): Promise<SuggestedSlot[]> {
    const now = clock.now();
    const from = new Date(Math.max(now.getTime(), w.startsAt.getTime() - 7 * DAY));
    const to = new Date(from.getTime() + 15 * DAY);
    const [busy, closures] = await Promise.all([busyBetween(db, resource.id, from, to), closuresOverlapping(db, resource.id, from, to)]);
    return suggestQuieterSlots({
      wanted: w,
      places: w.places,
      capacity: resource.capacity,
      hours: resource.openingHours,
      closures: closures.map((c) => ({ startsAt: c.starts_at, endsAt: c.ends_at })),
      busy: busy.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at, places: b.places })),
      timeZone: await core.timeZone(),
      now,
    }).map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), free: s.free }));
  }

  /** Runs `work`; when the database refused the time (full slot or overlapping one-place booking), answers 409 with quieter slots. */
  async function orSlotFull<T>(resource: Resource, w: Wanted, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      // a shared resource's slot overlapping another held slot: not full, just not one of its scheduled times
      if (isExclusionViolation(e) && !isExclusive(resource.capacity)) throw new AppError('booking.slot_mismatch', 409);
      if (!(e instanceof SlotFull) && !isExclusionViolation(e)) throw e;
      throw new AppError('booking.slot_full', 409, {}, { body: { suggestions: await suggestions(resource, w) } });
    }
  }

  /**
   * One booking per Idempotency-Key (API.md "Writes"): a phone line that drops and a client that retries
   * must not book the customer twice. The key row is written first in the booking's own transaction;
   * a refused time rolls it back with the booking, so a retry later runs afresh.
   */
  async function create(ctx: Ctx, raw: BookingCreateInput, idem: { key: string | undefined; route: string }): Promise<IdempotentResult<Booking>> {
    const input = bookingCreateSchema.parse(raw);
    const resource = await core.resources.get(input.resourceId).catch(() => {
      throw new AppError('resource.not_found', 400, {}, { errors: [{ path: 'resourceId', message: 'resource.not_found' }] });
    });
    const w = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), places: input.places };
    const now = clock.now();
    const timeZone = await core.timeZone();
    const day = zonedDate(now, timeZone);
    try {
      return await take();
    } catch (e) {
      // seed 004 引导合理排课: a refusal for a full time is recorded; two in a row flag the customer
      if (!(e instanceof AppError) || e.code !== 'booking.slot_full') throw e;
      const refusedInRow = await recordRefusal(db, { customerId: input.customerId, resourceId: resource.id, ...w, takenByName: ctx.actor.name }, now);
      throw new AppError(e.code, e.status, e.params, { ...e.extra, body: { ...e.extra.body, refusedInRow, flagged: refusedInRow >= 2 } });
    }

    function take() {
      return orSlotFull(resource, w, async () => {
        // the day's counter row is one for every booking of the day: taken in its own statement, not held
        // for the booking's whole transaction (where it queued all 20 desks behind each other); a refused
        // booking leaves a gap in the day's numbers, which nobody reads
        const number = await nextNumber(db, day);
        return idempotent(db, { ...idem, actorId: ctx.actor.id, body: input, now }, async (trx) => {
          const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', input.customerId).executeTakeFirst();
          // booking for a customer one may not see would reveal it: the same answer as "no such customer"
          if (!c || c.merged_into || c.lifecycle === 'closed' || !canSee(ctx.actor, c)) throw unknownCustomer();
          await claim(core, trx, resource, w, { timeZone });
          const exclusive = isExclusive(resource.capacity);
          const row = await trx
            .insertInto('bookings')
            .values({
              number,
              customer_id: input.customerId,
              resource_id: resource.id,
              starts_at: w.startsAt,
              ends_at: w.endsAt,
              places: w.places,
              exclusive,
              slot_starts_at: exclusive ? null : w.startsAt,
              channel: input.channel,
              notes: input.notes,
              card_id: input.cardId ?? null,
              taken_by_id: actorId(ctx),
              taken_by_name: ctx.actor.name,
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'number', 'customer_id', 'starts_at'])
            .executeTakeFirstOrThrow();
          await appendAudit(trx, ctx, {
            action: 'booking.create',
            entityType: 'booking',
            entityId: row.id,
            detail: { number: row.number, resource: resource.name, startsAt: input.startsAt, endsAt: input.endsAt, places: w.places, channel: input.channel },
          });
          await onTimeline(trx, ctx, { ...row, resource_name: resource.name }, 'booked', now, timeZone, { channel: input.channel, places: w.places });
          await resetRefusals(trx, input.customerId, now);
          const taken = (await findBooking(trx, row.id))!;
          // the cards module holds the lessons here, or refuses the booking (约课 requires remaining lessons)
          await emit(core, trx, ctx, 'booked', taken, now);
          return { status: 201, body: await presentOne(trx, ctx, taken) };
        });
      });
    }
  }

  return { create, orSlotFull };
}
