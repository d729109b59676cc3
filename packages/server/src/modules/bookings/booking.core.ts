import { isExclusive, overlaps, withinOpeningHours, zonedDate, type Resource } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { insertTimeline } from '../customers';
import type { ResourceService } from '../resources';
import type { Config } from '../../config';
import type { BookingExtrasSettingsStore } from './booking.extras-settings';
import type { BookingSettingsStore } from './booking.settings';
import type { Mailer } from '../../lib/mailer';
import { closuresOverlapping, takeSlot, type BookingRow } from './booking.repo';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
export function localTime(d: Date, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) timeFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(d);
}

/** What other modules hear of a booking, inside its transaction (the cards module charges and refunds through these). */
export interface BookingEvent {
  bookingId: string;
  number: string;
  customerId: string;
  resourceId: string;
  startsAt: Date;
  at: Date;
  /** the lessons card the booking is charged to (migration 017), and its places (one lesson each) */
  cardId: string | null;
  places: number;
  /**
   * a waiting-list offer's `booked`: the card was checked when the customer joined, by whoever saw it, so
   * the canceller whose place is offered need not see it (migration 018)
   */
  offer?: boolean;
}
export type BookingHook = (trx: Db, ctx: Ctx, e: BookingEvent) => Promise<void>;
/**
 * the cards module holds lessons on `booked`, charges on `attended` / `no_show`, gives back on `cancelled` /
 * `waived` (cards/card.bookings.ts); `waitlisted` checks the card a waiting-list entry names, without holding
 * (`bookingId` and `number` are then the entry's id and '')
 */
export type BookingEventName = 'booked' | 'attended' | 'cancelled' | 'no_show' | 'waived' | 'waitlisted';

export interface BookingDeps {
  db: Db;
  clock: Clock;
  timeZone: () => Promise<string>;
  resources: ResourceService;
  settings: BookingSettingsStore;
  /** SMTP_URL and MAIL_FROM for the mailer (app.ts passes the whole deps) */
  config?: Pick<Config, 'smtpUrl' | 'mailFrom'>;
}
export interface BookingCore extends BookingDeps {
  hooks: Record<BookingEventName, BookingHook[]>;
  extras: BookingExtrasSettingsStore;
  mailer: Mailer;
}

/** Thrown inside the transaction when the database refused the places; answered with quieter slots after the rollback. */
export class SlotFull extends Error {}

export const isExclusionViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23P01';
export const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.id !== '00000000-0000-0000-0000-000000000000' ? ctx.actor.id : null);

export interface Wanted {
  startsAt: Date;
  endsAt: Date;
  places: number;
}

/**
 * Read before a transaction opens: on PGlite a query on `db` inside another transaction would wait for
 * that very transaction (one session), so nothing inside one may reach for a cached read that expired.
 */
export interface Outside {
  timeZone: string;
}

/**
 * The checks a new time must pass before it is taken: in the future, inside the opening hours, outside
 * every closure, within the capacity. A shared resource then takes its places in the counted slot;
 * a one-place resource is left to the exclusion constraint when the row is written.
 */
export async function claim(core: BookingCore, trx: Db, resource: Resource, w: Wanted, outside: Outside): Promise<void> {
  if (!resource.active) throw new AppError('resource.inactive', 409);
  if (w.startsAt.getTime() <= core.clock.now().getTime())
    throw new AppError('booking.in_past', 400, {}, { errors: [{ path: 'startsAt', message: 'booking.in_past' }] });
  if (w.places > resource.capacity) throw new AppError('booking.places_exceed_capacity', 400, { capacity: resource.capacity });
  if (!withinOpeningHours(resource.openingHours, w, outside.timeZone)) throw new AppError('booking.closed_hours', 409);
  const closure = (await closuresOverlapping(trx, resource.id, w.startsAt, w.endsAt)).find((c) => overlaps({ startsAt: c.starts_at, endsAt: c.ends_at }, w));
  if (closure) throw new AppError('booking.closure', 409, { reason: closure.reason });
  if (isExclusive(resource.capacity)) return;
  const taken = await takeSlot(trx, { resourceId: resource.id, startsAt: w.startsAt, endsAt: w.endsAt, capacity: resource.capacity, places: w.places });
  if (!taken.ok && taken.why === 'mismatch') throw new AppError('booking.slot_mismatch', 409);
  if (!taken.ok) throw new SlotFull();
}

export async function onTimeline(
  trx: Db,
  ctx: Ctx,
  r: Pick<BookingRow, 'id' | 'customer_id' | 'number' | 'starts_at'> & { resource_name: string },
  step: string,
  at: Date,
  timeZone: string,
  extra: Record<string, unknown> = {},
) {
  // the wall-clock time in the department's zone, as the timeline line says it (no zone in the reader)
  const local = (d: Date) => `${zonedDate(d, timeZone)} ${localTime(d, timeZone)}`;
  const from = typeof extra.from === 'string' ? { fromLocal: local(new Date(extra.from)) } : {};
  await insertTimeline(trx, [
    {
      customerId: r.customer_id,
      kind: `booking.${step}`,
      data: { number: r.number, resource: r.resource_name, startsAt: r.starts_at.toISOString(), local: local(r.starts_at), ...extra, ...from },
      at,
      actor: { id: ctx.actor.id, name: ctx.actor.name },
      refType: 'booking',
      refId: r.id,
    },
  ]);
}

export async function emit(core: BookingCore, trx: Db, ctx: Ctx, name: BookingEventName, r: BookingRow, at: Date) {
  for (const hook of core.hooks[name]) {
    const e = { bookingId: r.id, number: r.number, customerId: r.customer_id, resourceId: r.resource_id, startsAt: r.starts_at, at };
    await hook(trx, ctx, { ...e, cardId: r.card_id, places: r.places });
  }
}
