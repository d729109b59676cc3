import {
  isMessageKey,
  offerExpiresAt,
  translate,
  isExclusive,
  waitlistJoinSchema,
  WAITLIST_STATUS_LABELS,
  zonedDate,
  type WaitlistEntry,
  type WaitlistJoinInput,
  type WaitlistStatus,
} from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { WaitlistCardRefusal } from '../../db/schema-booking-extras';
import { systemCtx, type Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { cardLabels, type CardLabel } from '../cards';
import { canSee } from '../customers';
import { insertNotifications } from '../notifications';
import { actorId, claim, emit, isExclusionViolation, localTime, onTimeline, SlotFull, type BookingCore } from './booking.core';
import { findBooking, nextNumber, releaseSlot } from './booking.repo';
import { resetRefusals } from './booking.refusals';

const isUnique = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
const waitlistNotFound = () => new AppError('waitlist.not_found', 404);

export interface Freed {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
}
/** Read before the transaction (PGlite is one session): the zone and how long an offer holds. */
export interface OfferOutside {
  timeZone: string;
  holdHours: number;
}

const local = (d: Date, tz: string) => `${zonedDate(d, tz)} ${localTime(d, tz)}`;

/**
 * A place came free on `freed` (a cancellation, an approved exception, a move, a declined or expired
 * offer): offer it to the next customers waiting for an overlapping time, oldest first. An offer is a
 * real booking taken for the waiting customer through `claim` (the counted slot or the exclusion
 * constraint holds it), so nobody else can take the place while staff call; each try runs under a
 * savepoint, and the first one the database refuses ends the round (the place is gone). Waiting rows
 * are locked SKIP LOCKED: two cancellations at once offer two places to two different customers.
 */
export async function offerFreed(core: BookingCore, trx: Db, ctx: Ctx, freed: Freed, now: Date, o: OfferOutside): Promise<number> {
  const waiting = await trx
    .selectFrom('booking_waitlist')
    .selectAll()
    .where('resource_id', '=', freed.resourceId)
    .where('status', '=', 'waiting')
    .where('starts_at', '<', freed.endsAt)
    .where('ends_at', '>', freed.startsAt)
    .where('starts_at', '>', now)
    .orderBy('queue_no')
    .limit(5)
    .forUpdate()
    .skipLocked()
    .execute();
  if (!waiting.length) return 0;
  const resource = await core.resources.get(freed.resourceId, trx);
  let offered = 0;
  for (const e of waiting) {
    await sql`savepoint waitlist_offer`.execute(trx);
    try {
      await claim(core, trx, resource, { startsAt: e.starts_at, endsAt: e.ends_at, places: e.places }, { timeZone: o.timeZone });
      const exclusive = isExclusive(resource.capacity);
      const number = await nextNumber(trx, zonedDate(now, o.timeZone));
      const booking = await trx
        .insertInto('bookings')
        .values({
          number,
          customer_id: e.customer_id,
          resource_id: e.resource_id,
          starts_at: e.starts_at,
          ends_at: e.ends_at,
          places: e.places,
          exclusive,
          slot_starts_at: exclusive ? null : e.starts_at,
          channel: e.channel,
          notes: e.notes,
          card_id: e.card_id,
          taken_by_id: e.taken_by_id,
          taken_by_name: e.taken_by_name,
          created_at: now,
          updated_at: now,
        })
        .returning(['id', 'number', 'customer_id', 'starts_at'])
        .executeTakeFirstOrThrow();
      const cardRefusal = await holdOnCard(core, trx, ctx, { ...booking, resource_id: e.resource_id, places: e.places, card_id: e.card_id }, now);
      const until = offerExpiresAt(now, o.holdHours, e.starts_at);
      await trx
        .updateTable('booking_waitlist')
        .set({
          status: 'offered',
          offer_booking_id: booking.id,
          offered_at: now,
          offer_expires_at: until,
          offer_card_refusal: cardRefusal && JSON.stringify(cardRefusal),
          updated_at: now,
          version: e.version + 1,
        })
        .where('id', '=', e.id)
        .execute();
      await sql`release savepoint waitlist_offer`.execute(trx);
      await appendAudit(trx, ctx, {
        action: 'booking.waitlist_offer',
        entityType: 'booking',
        entityId: booking.id,
        detail: { number, waitlistId: e.id, resource: resource.name, until: until.toISOString() },
      });
      await onTimeline(trx, ctx, { ...booking, resource_name: resource.name }, 'offer_made', now, o.timeZone, { until: until.toISOString() });
      if (e.taken_by_id) {
        const c = await trx.selectFrom('customers').select('name').where('id', '=', e.customer_id).executeTakeFirst();
        await insertNotifications(
          trx,
          [
            {
              userId: e.taken_by_id,
              kind: 'booking_waitlist_offer',
              params: { customer: c?.name ?? '', resource: resource.name, when: local(e.starts_at, o.timeZone), until: local(until, o.timeZone) },
              link: `/bookings/${booking.id}`,
              dedupeKey: `waitlist-offer:${e.id}:${booking.id}`,
            },
          ],
          now,
        );
      }
      offered++;
    } catch (err) {
      await sql`rollback to savepoint waitlist_offer`.execute(trx);
      // the database refused the place: it is taken (or was never enough); the others keep waiting
      if (err instanceof SlotFull || isExclusionViolation(err)) break;
      // this entry's time can no longer be booked (closed hours, a closure, another slot length): next one
      if (err instanceof AppError) continue;
      throw err;
    }
  }
  return offered;
}

/**
 * The offered booking holds its lesson on the card the entry named, through the bookings' `booked` hooks
 * (the cards module locks the card there, so two offers of one customer's last lesson queue on it). The
 * card may no longer hold it (no lessons left, frozen, expired since the customer joined): the place is
 * still offered, without the card, and the refusal is returned to be recorded on the entry.
 */
async function holdOnCard(
  core: BookingCore,
  trx: Db,
  ctx: Ctx,
  b: { id: string; number: string; customer_id: string; resource_id: string; starts_at: Date; places: number; card_id: string | null },
  now: Date,
): Promise<WaitlistCardRefusal | null> {
  const e = { bookingId: b.id, number: b.number, customerId: b.customer_id, resourceId: b.resource_id, startsAt: b.starts_at, at: now };
  const event = { ...e, cardId: b.card_id, places: b.places, offer: true };
  if (!b.card_id) {
    for (const hook of core.hooks.booked) await hook(trx, ctx, event);
    return null;
  }
  await sql`savepoint waitlist_card`.execute(trx);
  try {
    for (const hook of core.hooks.booked) await hook(trx, ctx, event);
    await sql`release savepoint waitlist_card`.execute(trx);
    return null;
  } catch (err) {
    if (!(err instanceof AppError) || !err.code.startsWith('card.')) throw err;
    await sql`rollback to savepoint waitlist_card`.execute(trx);
    await trx.updateTable('bookings').set({ card_id: null }).where('id', '=', b.id).execute();
    for (const hook of core.hooks.booked) await hook(trx, ctx, { ...event, cardId: null });
    return { code: err.code, params: err.params };
  }
}

type Row = {
  id: string;
  customer_id: string;
  resource_id: string;
  starts_at: Date;
  ends_at: Date;
  places: number;
  status: WaitlistStatus;
  offer_booking_id: string | null;
  offer_expires_at: Date | null;
  card_id: string | null;
  offer_card_refusal: WaitlistCardRefusal | null;
  taken_by_name: string;
  created_at: Date;
  version: number;
  resource_name: string;
  customer_name: string;
  customer_owner_id: string | null;
  customer_lifecycle: string;
  customer_merged_into: string | null;
  position: number | null;
};

/** The waiting list (候补, seed 004 约课排课): join, see one's position, accept or decline an offer. */
export function createBookingWaitlist(core: BookingCore) {
  const { db, clock } = core;

  function select(q: Db) {
    return q
      .selectFrom('booking_waitlist as w')
      .innerJoin('resources as r', 'r.id', 'w.resource_id')
      .innerJoin('customers as c', 'c.id', 'w.customer_id')
      .select([
        'w.id',
        'w.customer_id',
        'w.resource_id',
        'w.starts_at',
        'w.ends_at',
        'w.places',
        'w.status',
        'w.offer_booking_id',
        'w.offer_expires_at',
        'w.card_id',
        'w.offer_card_refusal',
        'w.taken_by_name',
        'w.created_at',
        'w.version',
        'r.name as resource_name',
        'c.name as customer_name',
        'c.owner_id as customer_owner_id',
        'c.lifecycle as customer_lifecycle',
        'c.merged_into as customer_merged_into',
      ])
      .select(
        sql<
          number | null
        >`case when w.status = 'waiting' then (select count(*)::int from booking_waitlist o where o.resource_id = w.resource_id and o.starts_at = w.starts_at and o.status = 'waiting' and o.queue_no <= w.queue_no) end`.as(
          'position',
        ),
      );
  }

  function present(ctx: Ctx, r: Row, cards: Map<string, CardLabel>): WaitlistEntry {
    const visible = canSee(ctx.actor, { owner_id: r.customer_owner_id, lifecycle: r.customer_lifecycle as never, merged_into: r.customer_merged_into });
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: visible ? r.customer_name : null,
      resourceId: r.resource_id,
      resourceName: r.resource_name,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      places: r.places,
      status: r.status,
      position: r.position,
      offerBookingId: r.offer_booking_id,
      offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
      cardId: r.card_id,
      cardNumber: (r.card_id && cards.get(r.card_id)?.number) ?? null,
      offerCardRefusal: r.offer_card_refusal && {
        code: r.offer_card_refusal.code,
        message: isMessageKey(r.offer_card_refusal.code)
          ? translate(r.offer_card_refusal.code, ctx.lang, r.offer_card_refusal.params)
          : r.offer_card_refusal.code,
      },
      takenBy: r.taken_by_name,
      createdAt: r.created_at.toISOString(),
      version: r.version,
    };
  }

  async function get(ctx: Ctx, id: string): Promise<WaitlistEntry> {
    const r = (await select(db).where('w.id', '=', id).executeTakeFirst()) as Row | undefined;
    if (!r || !canSee(ctx.actor, { owner_id: r.customer_owner_id, lifecycle: r.customer_lifecycle as never, merged_into: r.customer_merged_into }))
      throw waitlistNotFound();
    return present(ctx, r, await cardLabels(db, ctx.actor, [r.card_id]));
  }

  async function join(ctx: Ctx, raw: WaitlistJoinInput): Promise<WaitlistEntry> {
    const input = waitlistJoinSchema.parse(raw);
    const now = clock.now();
    const tz = await core.timeZone();
    const resource = await core.resources.get(input.resourceId).catch(() => {
      throw new AppError('resource.not_found', 400, {}, { errors: [{ path: 'resourceId', message: 'resource.not_found' }] });
    });
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() <= now.getTime()) throw new AppError('booking.in_past', 400, {}, { errors: [{ path: 'startsAt', message: 'booking.in_past' }] });
    if (input.places > resource.capacity) throw new AppError('booking.places_exceed_capacity', 400, { capacity: resource.capacity });
    let id: string;
    try {
      id = await db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', input.customerId).executeTakeFirst();
        if (!c || c.merged_into || c.lifecycle === 'closed' || !canSee(ctx.actor, c))
          throw new AppError('booking.unknown_customer', 400, {}, { errors: [{ path: 'customerId', message: 'booking.unknown_customer' }] });
        const row = await trx
          .insertInto('booking_waitlist')
          .values({
            customer_id: input.customerId,
            resource_id: resource.id,
            starts_at: startsAt,
            ends_at: new Date(input.endsAt),
            places: input.places,
            channel: input.channel,
            notes: input.notes,
            card_id: input.cardId,
            taken_by_id: actorId(ctx),
            taken_by_name: ctx.actor.name,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // the card is judged as a booking's would be (the customer's own active lessons card, lessons left);
        // it holds nothing until a place is offered, and is judged again then
        const check = { bookingId: row.id, number: '', customerId: input.customerId, resourceId: resource.id, startsAt, at: now };
        for (const hook of core.hooks.waitlisted) await hook(trx, ctx, { ...check, cardId: input.cardId, places: input.places });
        await appendAudit(trx, ctx, {
          action: 'booking.waitlist_join',
          entityType: 'booking_waitlist',
          entityId: row.id,
          detail: { resource: resource.name, startsAt: input.startsAt, cardId: input.cardId },
        });
        await onTimeline(
          trx,
          ctx,
          { id: row.id, customer_id: input.customerId, number: '', starts_at: startsAt, resource_name: resource.name },
          'waitlisted',
          now,
          tz,
        );
        return row.id;
      });
    } catch (e) {
      if (isUnique(e)) throw conflict('waitlist.already_waiting');
      throw e;
    }
    return get(ctx, id);
  }

  async function list(
    ctx: Ctx,
    q: { resourceId?: string | undefined; customerId?: string | undefined; status: 'live' | 'offered' | 'all' },
  ): Promise<WaitlistEntry[]> {
    let query = select(db);
    if (q.resourceId) query = query.where('w.resource_id', '=', q.resourceId);
    if (q.customerId) query = query.where('w.customer_id', '=', q.customerId);
    if (q.status === 'live') query = query.where('w.status', 'in', ['waiting', 'offered']);
    if (q.status === 'offered') query = query.where('w.status', '=', 'offered');
    if (q.status === 'all') query = query.where('w.starts_at', '>', new Date(clock.now().getTime() - 30 * 86_400_000));
    const rows = (await query.orderBy('w.starts_at').orderBy('w.queue_no').limit(200).execute()) as Row[];
    const seen = rows.filter((r) =>
      canSee(ctx.actor, { owner_id: r.customer_owner_id, lifecycle: r.customer_lifecycle as never, merged_into: r.customer_merged_into }),
    );
    const cards = await cardLabels(
      db,
      ctx.actor,
      seen.map((r) => r.card_id),
    );
    return seen.map((r) => present(ctx, r, cards));
  }

  /** The entry locked, in the actor's scope (the sweep passes `any`), in one of `states`, at `version`. */
  async function load(trx: Db, ctx: Ctx | 'any', id: string, states: WaitlistStatus[], version?: number) {
    const e = await trx.selectFrom('booking_waitlist').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!e) throw waitlistNotFound();
    if (ctx !== 'any') {
      const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', e.customer_id).executeTakeFirstOrThrow();
      if (!canSee(ctx.actor, c)) throw waitlistNotFound();
      if (version !== undefined && e.version !== version) throw conflict('waitlist.version_conflict');
    }
    if (!states.includes(e.status)) throw conflict('waitlist.invalid_state', { from: WAITLIST_STATUS_LABELS[e.status][ctx === 'any' ? 'zh-CN' : ctx.lang] });
    return e;
  }

  /** Staff reached the customer, who takes the held place: it stays booked, and the refused run ends. */
  async function accept(ctx: Ctx, id: string, input: { version: number }): Promise<WaitlistEntry> {
    const now = clock.now();
    const tz = await core.timeZone();
    await db.transaction().execute(async (trx) => {
      const e = await load(trx, ctx, id, ['offered'], input.version);
      if (e.offer_expires_at && e.offer_expires_at.getTime() <= now.getTime())
        throw conflict('waitlist.invalid_state', { from: WAITLIST_STATUS_LABELS.expired[ctx.lang] });
      const b = await findBooking(trx, e.offer_booking_id!, true);
      if (!b || b.status !== 'booked') throw conflict('waitlist.invalid_state', { from: WAITLIST_STATUS_LABELS.declined[ctx.lang] });
      await trx
        .updateTable('booking_waitlist')
        .set({ status: 'accepted', decided_by_name: ctx.actor.name, decided_at: now, updated_at: now, version: e.version + 1 })
        .where('id', '=', id)
        .execute();
      await resetRefusals(trx, e.customer_id, now);
      await appendAudit(trx, ctx, { action: 'booking.waitlist_accept', entityType: 'booking', entityId: b.id, detail: { number: b.number, waitlistId: id } });
      await onTimeline(trx, ctx, b, 'offer_accepted', now, tz);
    });
    return get(ctx, id);
  }

  /**
   * The customer does not want the place (declined), or nobody answered in time (expired, by the sweep):
   * the held booking is cancelled, its place given back, and offered to the next in line.
   */
  async function release(
    trx: Db,
    ctx: Ctx,
    e: { id: string; offer_booking_id: string | null; version: number },
    to: 'declined' | 'expired',
    now: Date,
    o: OfferOutside,
  ) {
    await trx
      .updateTable('booking_waitlist')
      .set({ status: to, decided_by_name: ctx.actor.name, decided_at: now, updated_at: now, version: e.version + 1 })
      .where('id', '=', e.id)
      .execute();
    const b = e.offer_booking_id ? await findBooking(trx, e.offer_booking_id, true) : undefined;
    if (!b || b.status !== 'booked') return;
    if (b.slot_starts_at) await releaseSlot(trx, b.resource_id, b.slot_starts_at, b.places);
    const reason = to === 'declined' ? '候补留位：客户放弃' : '候补留位：过期未确认';
    await trx
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now, version: b.version + 1 })
      .where('id', '=', b.id)
      .execute();
    await appendAudit(trx, ctx, { action: `booking.waitlist_${to}`, entityType: 'booking', entityId: b.id, detail: { number: b.number, waitlistId: e.id } });
    await onTimeline(trx, ctx, b, to === 'declined' ? 'offer_declined' : 'offer_expired', now, o.timeZone);
    await emit(core, trx, ctx, 'cancelled', b, now); // the lesson the offer held on the card comes back
    await offerFreed(core, trx, ctx, { resourceId: b.resource_id, startsAt: b.starts_at, endsAt: b.ends_at }, now, o);
  }

  async function outside(): Promise<OfferOutside> {
    return { timeZone: await core.timeZone(), holdHours: (await core.extras.read()).offerHoldHours };
  }

  async function decline(ctx: Ctx, id: string, input: { version: number }): Promise<WaitlistEntry> {
    const now = clock.now();
    const o = await outside();
    await db.transaction().execute(async (trx) => {
      const e = await load(trx, ctx, id, ['offered'], input.version);
      await release(trx, ctx, e, 'declined', now, o);
    });
    return get(ctx, id);
  }

  /** Taken off the list before any offer. */
  async function withdraw(ctx: Ctx, id: string, input: { version: number }): Promise<WaitlistEntry> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const e = await load(trx, ctx, id, ['waiting'], input.version);
      await trx
        .updateTable('booking_waitlist')
        .set({ status: 'withdrawn', decided_by_name: ctx.actor.name, decided_at: now, updated_at: now, version: e.version + 1 })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, { action: 'booking.waitlist_withdraw', entityType: 'booking_waitlist', entityId: id, detail: {} });
    });
    return get(ctx, id);
  }

  /**
   * Offers whose hold has run out pass to the next in line. Several instances may sweep at once: each
   * offer is claimed under its row lock (SKIP LOCKED) in its own short transaction.
   */
  async function sweep(at?: Date): Promise<{ expired: number }> {
    const now = at ?? clock.now();
    const o = await outside();
    const ctx = systemCtx();
    const due = await db.selectFrom('booking_waitlist').select('id').where('status', '=', 'offered').where('offer_expires_at', '<=', now).limit(100).execute();
    let expired = 0;
    for (const { id } of due) {
      await db.transaction().execute(async (trx) => {
        const e = await trx
          .selectFrom('booking_waitlist')
          .selectAll()
          .where('id', '=', id)
          .where('status', '=', 'offered')
          .where('offer_expires_at', '<=', now)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!e) return;
        await release(trx, ctx, e, 'expired', now, o);
        expired++;
      });
    }
    return { expired };
  }

  return { join, list, get, accept, decline, withdraw, sweep, load };
}
export type BookingWaitlist = ReturnType<typeof createBookingWaitlist>;
