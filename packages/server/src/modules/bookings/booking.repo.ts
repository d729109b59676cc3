import { bookingNumber } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Typed SQL of the bookings area; every function takes the db or the caller's transaction first. */

export async function nextNumber(db: Db, day: string): Promise<string> {
  const row = await db
    .insertInto('booking_counters')
    .values({ day, last_no: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last_no: sql`booking_counters.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return bookingNumber(day, row.last_no);
}

export type SlotTake = { ok: true } | { ok: false; why: 'full' | 'mismatch' };

/**
 * Adds `places` to the counted slot (resource, start), creating it on first use. The update only
 * happens when the places fit and the slot has the same end (or nobody holds it any more); on
 * PostgreSQL concurrent takers of one slot queue on its row, and the CHECK (taken <= capacity) is
 * the last word. A slot overlapping another held slot fails with 23P01 (the caller says "mismatch").
 */
export async function takeSlot(db: Db, s: { resourceId: string; startsAt: Date; endsAt: Date; capacity: number; places: number }): Promise<SlotTake> {
  const row = await db
    .insertInto('booking_slots')
    .values({ resource_id: s.resourceId, starts_at: s.startsAt, ends_at: s.endsAt, capacity: s.capacity, taken: s.places })
    .onConflict((oc) =>
      oc
        .columns(['resource_id', 'starts_at'])
        .doUpdateSet({ taken: sql`booking_slots.taken + excluded.taken`, ends_at: sql`excluded.ends_at` })
        .where(sql<boolean>`(booking_slots.taken = 0 or booking_slots.ends_at = excluded.ends_at)`)
        .where(sql<boolean>`booking_slots.taken + excluded.taken <= booking_slots.capacity`),
    )
    .returning('taken')
    .executeTakeFirst();
  if (row) return { ok: true };
  const slot = await db
    .selectFrom('booking_slots')
    .select(['ends_at', 'taken'])
    .where('resource_id', '=', s.resourceId)
    .where('starts_at', '=', s.startsAt)
    .executeTakeFirst();
  return { ok: false, why: slot && slot.taken > 0 && slot.ends_at.getTime() !== s.endsAt.getTime() ? 'mismatch' : 'full' };
}

export async function releaseSlot(db: Db, resourceId: string, startsAt: Date, places: number) {
  await db
    .updateTable('booking_slots')
    .set({ taken: sql`taken - ${places}` })
    .where('resource_id', '=', resourceId)
    .where('starts_at', '=', startsAt)
    .execute();
}

/** Bookings with their resource's name and what is needed to decide whether the reader may see the customer. */
export function selectBookings(db: Db) {
  return db
    .selectFrom('bookings')
    .innerJoin('resources', 'resources.id', 'bookings.resource_id')
    .innerJoin('customers', 'customers.id', 'bookings.customer_id')
    .selectAll('bookings')
    .select([
      'resources.name as resource_name',
      'resources.capacity as resource_capacity',
      'customers.name as customer_name',
      'customers.owner_id as customer_owner_id',
      'customers.lifecycle as customer_lifecycle',
      'customers.merged_into as customer_merged_into',
    ]);
}
export type BookingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectBookings>['executeTakeFirst']>>>;

export async function findBooking(db: Db, id: string, forUpdate = false): Promise<BookingRow | undefined> {
  let q = selectBookings(db).where('bookings.id', '=', id);
  // lock the booking only: not its resource (every change on the resource would queue) nor its customer
  if (forUpdate) q = q.forUpdate('bookings');
  return q.executeTakeFirst();
}

export async function exceptionsOf(db: Db, bookingIds: string[]) {
  if (!bookingIds.length) return [];
  return db.selectFrom('booking_exceptions').selectAll().where('booking_id', 'in', bookingIds).orderBy('requested_at').execute();
}
export type ExceptionRow = Awaited<ReturnType<typeof exceptionsOf>>[number];

export async function closuresOverlapping(db: Db, resourceId: string, from: Date, to: Date) {
  return db
    .selectFrom('resource_closures')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();
}

/** Live bookings of a resource in a time range (the suggestion of quieter slots counts them). */
export async function busyBetween(db: Db, resourceId: string, from: Date, to: Date) {
  return db
    .selectFrom('bookings')
    .select(['starts_at', 'ends_at', 'places'])
    .where('resource_id', '=', resourceId)
    .where('status', '<>', 'cancelled')
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .execute();
}
