import { zonedInstant, type Booking } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { canSee } from '../customers';
import type { BookingCore, BookingDeps, BookingEventName, BookingHook } from './booking.core';
import { createBookingCreate } from './booking.create';
import { createExceptionList } from './booking.exception-list';
import { createBookingExceptions } from './booking.exceptions';
import { createBookingFeed } from './booking.feed';
import { createBookingExtrasSettings } from './booking.extras-settings';
import { flaggedCustomers, refusalFlag } from './booking.refusals';
import { createBookingWaitlist } from './booking.waitlist';
import { createBookingSheet } from './booking.sheet';
import { createFeedTokens } from './booking.feed-tokens';
import { createBookingClosures } from './booking.closures';
import { createMailer } from '../../lib/mailer';
import { presentMany } from './booking.mapper';
import { selectBookings } from './booking.repo';
import { bookingNotFound, createBookingSteps } from './booking.steps';

/** Bookings (预约): take, list, cancel, move, mark attendance, exceptions; hooks for the cards module. */
export function createBookingService(deps: BookingDeps) {
  const core: BookingCore = {
    ...deps,
    hooks: { booked: [], attended: [], cancelled: [], no_show: [], waived: [], waitlisted: [] },
    // bookings' extras (issue 6): waiting list offers, closure notices and the day's sheet
    extras: createBookingExtrasSettings(deps),
    mailer: createMailer({ db: deps.db, config: deps.config ?? {} }),
  };
  const { db } = core;
  const { create, orSlotFull } = createBookingCreate(core);
  const steps = createBookingSteps(core, orSlotFull);
  const exceptions = createBookingExceptions(core, steps);

  /**
   * The seam for member cards: `no_show` (deduct the lesson credit) and `waived` (an approved
   * exception: give it back) run inside the booking's transaction, so both commit or neither.
   */
  function on(name: BookingEventName, hook: BookingHook) {
    core.hooks[name].push(hook);
  }

  async function get(ctx: Ctx, id: string): Promise<Booking> {
    const row = await selectBookings(db).where('bookings.id', '=', id).executeTakeFirst();
    if (!row || !canSee(ctx.actor, { owner_id: row.customer_owner_id, lifecycle: row.customer_lifecycle, merged_into: row.customer_merged_into }))
      throw bookingNotFound();
    return (await presentMany(db, ctx, [row]))[0]!;
  }

  /** A resource's day (the schedule: every booking, names only of customers the reader may see), in the department's zone. */
  async function forResourceDay(ctx: Ctx, resourceId: string, date: string): Promise<Booking[]> {
    const tz = await core.timeZone();
    const rows = await selectBookings(db)
      .where('bookings.resource_id', '=', resourceId)
      .where('bookings.starts_at', '>=', new Date(zonedInstant(date, 0, tz)))
      .where('bookings.starts_at', '<', new Date(zonedInstant(date, 1440, tz)))
      .orderBy('bookings.starts_at')
      .orderBy('bookings.number')
      .execute();
    return presentMany(db, ctx, rows);
  }

  /** A customer's bookings, newest first; a customer out of the reader's scope is not found. */
  async function forCustomer(ctx: Ctx, customerId: string, limit: number): Promise<Booking[]> {
    const c = await db.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', customerId).executeTakeFirst();
    if (!c || !canSee(ctx.actor, c)) throw notFound();
    const rows = await selectBookings(db).where('bookings.customer_id', '=', customerId).orderBy('bookings.starts_at', 'desc').limit(limit).execute();
    return presentMany(db, ctx, rows);
  }

  const waitlist = createBookingWaitlist(core);
  const feeds = createBookingFeed(core);

  /** The "refused twice" flag of one customer (the customer page, the booking form); out of scope is not found. */
  async function flagOf(ctx: Ctx, customerId: string) {
    const c = await db.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', customerId).executeTakeFirst();
    if (!c || !canSee(ctx.actor, c)) throw notFound();
    return refusalFlag(db, customerId);
  }

  /** The supervisor's list of customers refused twice in a row (seed 004: offer them priority). */
  async function flagged(ctx: Ctx) {
    const rows = await flaggedCustomers(db);
    return rows
      .filter((r) => canSee(ctx.actor, { owner_id: r.owner_id, lifecycle: r.lifecycle, merged_into: r.merged_into }))
      .map((r) => ({
        customerId: r.customer_id,
        customerName: r.name,
        refusedInRow: r.refused_in_row,
        lastRefusedAt: r.last_refused_at?.toISOString() ?? null,
      }));
  }

  return {
    on,
    waitlist,
    sheet: createBookingSheet(core),
    closures: createBookingClosures(core, steps, orSlotFull),
    flagOf,
    flagged,
    extras: core.extras,
    mailer: core.mailer,
    create,
    get,
    forResourceDay,
    forCustomer,
    cancel: steps.cancel,
    move: steps.move,
    mark: steps.mark,
    requestException: exceptions.request,
    decideException: exceptions.decide,
    listExceptions: createExceptionList(db).list,
    feed: feeds.feed,
    feedTokens: createFeedTokens(core, feeds),
    settings: deps.settings,
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
