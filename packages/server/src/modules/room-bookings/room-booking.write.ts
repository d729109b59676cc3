import {
  roomBookingCancelSchema,
  roomBookingChangeSchema,
  roomBookingCreateSchema,
  roomRateFen,
  zonedDate,
  zonedInstant,
  type Resource,
  type RoomBooking,
  type RoomBookingCancelInput,
  type RoomBookingChangeInput,
  type RoomBookingCreateInput,
  type RoomChannel,
} from '@kefu/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { idempotent, type IdempotentResult } from '../../lib/idempotency';
import { appendAudit } from '../audit';
import { canSee, insertTimeline } from '../customers';
import { nextFormNumber } from '../group-bookings';
import type { RoomDeps } from './room-booking.deps';
import { presentForm } from './room-booking.mapper';
import { findForm, holdsOf, type FormRow } from './room-booking.repo';

/** Seed-free hotel custom: a stay runs from check-in at 14:00 on arrival to check-out at 12:00 on departure. */
const CHECK_IN = 14 * 60;
const CHECK_OUT = 12 * 60;
const BOOKING_CHANNEL: Record<RoomChannel, 'phone' | 'front_desk'> = { phone: 'phone', fax: 'phone', in_person: 'front_desk' };

export const formNotFound = () => new AppError('room_booking.not_found', 404);
const unknownCustomer = () => new AppError('booking.unknown_customer', 400, {}, { errors: [{ path: 'customerId', message: 'booking.unknown_customer' }] });
type Fields = z.output<typeof roomBookingCreateSchema>;

/**
 * Writing the 冠名房预订表: a new form, a change (更改) and a cancellation (取消), each a new version
 * of the form in one transaction. The rooms' nights are bookings (holds), so the exclusion constraint
 * keeps any room from being booked twice for a night, under any concurrency.
 */
export function createRoomWrites(deps: RoomDeps) {
  const { db, clock, holds } = deps;

  /** The named rooms of the form, checked before any transaction (read through `db`). */
  async function roomsOf(ids: string[]): Promise<Resource[]> {
    const rooms: Resource[] = [];
    for (const [i, id] of ids.entries()) {
      const r = await deps.resources.get(id).catch(() => {
        throw new AppError('resource.not_found', 400, {}, { errors: [{ path: `roomIds.${i}`, message: 'resource.not_found' }] });
      });
      if (r.kind !== 'named_room' || r.capacity !== 1) throw new AppError('room_booking.not_named_room', 422, { resource: r.name });
      rooms.push(r);
    }
    return rooms;
  }

  const stay = (f: Fields, timeZone: string) => ({
    startsAt: new Date(zonedInstant(f.arrival, CHECK_IN, timeZone)),
    endsAt: new Date(zonedInstant(f.departure, CHECK_OUT, timeZone)),
  });

  /** The columns of a version from the form's fields; the rate is the pure rule's, never the client's. */
  function columns(f: Fields, ctx: Ctx, now: Date) {
    return {
      customer_id: f.customerId,
      guest_identity: f.guestIdentity,
      guest_name: f.guestName,
      contact: f.contact,
      company: f.company,
      arrival: f.arrival,
      departure: f.departure,
      room_type: f.roomType,
      persons: f.persons,
      rooms: f.roomIds.length,
      price_fen: f.priceFen,
      discount_percent: f.discountPercent,
      rate_fen: roomRateFen(f.priceFen, f.discountPercent),
      extras: f.extras,
      extras_note: f.extrasNote,
      payment_method: f.paymentMethod,
      channel: f.channel,
      remarks: f.remarks,
      booked_on: f.bookedOn,
      received_by: f.receivedBy,
      entered_by_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      entered_by_name: ctx.actor.name,
      confirmed_by: f.confirmedBy,
      room_ids: f.roomIds,
      created_at: now,
    };
  }

  async function checkCustomer(trx: Db, ctx: Ctx, customerId: string) {
    const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', customerId).executeTakeFirst();
    if (!c || c.merged_into || c.lifecycle === 'closed' || !canSee(ctx.actor, c)) throw unknownCustomer();
  }

  /** Takes every room for the stay; the one refused is named in the 409. */
  async function holdRooms(
    trx: Db,
    ctx: Ctx,
    formId: string,
    f: Fields,
    rooms: Resource[],
    numbers: string[],
    formNumber: string,
    timeZone: string,
    trying: { room: Resource | null },
  ) {
    const { startsAt, endsAt } = stay(f, timeZone);
    for (const [i, room] of rooms.entries()) {
      trying.room = room;
      const bookingId = await holds.hold(
        trx,
        ctx,
        {
          customerId: f.customerId,
          resource: room,
          startsAt,
          endsAt,
          places: 1,
          channel: BOOKING_CHANNEL[f.channel],
          notes: `冠名房预订 ${formNumber} ${f.guestName}`,
          number: numbers[i]!,
          nights: true,
        },
        timeZone,
      );
      await trx.insertInto('room_booking_holds').values({ room_booking_id: formId, booking_id: bookingId, resource_id: room.id }).execute();
    }
    trying.room = null;
  }

  async function refusedRoom<T>(trying: { room: Resource | null }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (trying.room && holds.isRefusal(e)) throw new AppError('room_booking.room_taken', 409, { resource: trying.room.name });
      // two changes of one version at once: the unique previous_id / one current per chain decides
      if ((e as { code?: string }).code === '23505') throw conflict('room_booking.changed_meanwhile');
      throw e;
    }
  }

  function notPast(f: Fields, timeZone: string) {
    if (f.departure <= zonedDate(clock.now(), timeZone)) throw new AppError('room_booking.departure_past', 409);
  }

  async function timeline(trx: Db, ctx: Ctx, kind: string, customerId: string, formId: string, data: Record<string, unknown>, now: Date) {
    await insertTimeline(trx, [
      { customerId, kind: `room_booking.${kind}`, data, at: now, actor: { id: ctx.actor.id, name: ctx.actor.name }, refType: 'room_booking', refId: formId },
    ]);
  }

  /** 新预订, once per Idempotency-Key. */
  async function create(ctx: Ctx, raw: RoomBookingCreateInput, idem: { key: string | undefined; route: string }): Promise<IdempotentResult<RoomBooking>> {
    const f = roomBookingCreateSchema.parse(raw);
    const timeZone = await deps.timeZone();
    notPast(f, timeZone);
    const rooms = await roomsOf(f.roomIds);
    const now = clock.now();
    const numbers = await holds.numbers(rooms.length, timeZone);
    const number = await nextFormNumber(db, 'GM', zonedDate(now, timeZone));
    const trying = { room: null as Resource | null };
    return refusedRoom(trying, () =>
      idempotent(db, { ...idem, actorId: ctx.actor.id, body: f, now }, async (trx) => {
        await checkCustomer(trx, ctx, f.customerId);
        const row = await trx
          .insertInto('room_bookings')
          .values({ ...columns(f, ctx, now), number, revision: 1, kind: 'new', original_id: null, previous_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await holdRooms(trx, ctx, row.id, f, rooms, numbers, number, timeZone, trying);
        const detail = {
          number,
          arrival: f.arrival,
          departure: f.departure,
          rooms: rooms.map((r) => r.name),
          rateFen: roomRateFen(f.priceFen, f.discountPercent),
        };
        await appendAudit(trx, ctx, { action: 'room_booking.create', entityType: 'room_booking', entityId: row.id, detail });
        await timeline(trx, ctx, 'booked', f.customerId, row.id, detail, now);
        return { status: 201, body: await presentForm(trx, (await findForm(trx, ctx.actor, row.id))!) };
      }),
    );
  }

  /** The version to replace: locked, in scope, still the chain's current one at the revision the screen showed. */
  async function current(trx: Db, ctx: Ctx, id: string, revision: number): Promise<FormRow> {
    const old = await findForm(trx, ctx.actor, id, true);
    if (!old) throw formNotFound();
    if (!old.is_current || old.kind === 'cancel' || old.revision !== revision) {
      const latest = await trx
        .selectFrom('room_bookings')
        .select('revision')
        .where((eb) => eb.or([eb('id', '=', old.original_id ?? old.id), eb('original_id', '=', old.original_id ?? old.id)]))
        .orderBy('revision', 'desc')
        .executeTakeFirstOrThrow();
      throw conflict('room_booking.superseded', { revision: latest.revision });
    }
    return old;
  }

  /** Gives back the old version's nights and marks it replaced, before the new version takes its own. */
  async function supersede(trx: Db, old: FormRow, why: string) {
    for (const h of await holdsOf(trx, old.id)) await holds.release(trx, h.booking_id, why);
    await trx.updateTable('room_bookings').set({ is_current: false }).where('id', '=', old.id).execute();
  }

  /** 更改: a new version with the whole form, confirmed by someone; the old nights are given back first, so the same room may stay. */
  async function change(ctx: Ctx, id: string, raw: RoomBookingChangeInput): Promise<RoomBooking> {
    const input = roomBookingChangeSchema.parse(raw);
    const { revision, ...f } = input;
    const timeZone = await deps.timeZone();
    notPast(f, timeZone);
    const rooms = await roomsOf(f.roomIds);
    const now = clock.now();
    const numbers = await holds.numbers(rooms.length, timeZone);
    const trying = { room: null as Resource | null };
    const newId = await refusedRoom(trying, () =>
      db.transaction().execute(async (trx) => {
        const old = await current(trx, ctx, id, revision);
        await checkCustomer(trx, ctx, f.customerId);
        await supersede(trx, old, `冠名房预订 ${old.number} 更改为第 ${old.revision + 1} 版`);
        const row = await trx
          .insertInto('room_bookings')
          .values({
            ...columns(f, ctx, now),
            number: old.number,
            revision: old.revision + 1,
            kind: 'change',
            original_id: old.original_id ?? old.id,
            previous_id: old.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await holdRooms(trx, ctx, row.id, f, rooms, numbers, old.number, timeZone, trying);
        const detail = {
          number: old.number,
          revision: old.revision + 1,
          arrival: f.arrival,
          departure: f.departure,
          rooms: rooms.map((r) => r.name),
          confirmedBy: f.confirmedBy,
        };
        await appendAudit(trx, ctx, { action: 'room_booking.change', entityType: 'room_booking', entityId: row.id, detail: { ...detail, previousId: old.id } });
        await timeline(trx, ctx, 'changed', f.customerId, row.id, detail, now);
        return row.id;
      }),
    );
    return presentForm(db, (await findForm(db, ctx.actor, newId))!);
  }

  /** 取消: a last version, the same form marked cancelled and confirmed; every night is given back. */
  async function cancel(ctx: Ctx, id: string, raw: RoomBookingCancelInput): Promise<RoomBooking> {
    const input = roomBookingCancelSchema.parse(raw);
    const now = clock.now();
    const newId = await refusedRoom({ room: null }, () =>
      db.transaction().execute(async (trx) => {
        const old = await current(trx, ctx, id, input.revision);
        await supersede(trx, old, `冠名房预订 ${old.number} 取消`);
        const { id: _id, customer_name: _name, is_current: _current, ...copy } = old;
        const row = await trx
          .insertInto('room_bookings')
          .values({
            ...copy,
            revision: old.revision + 1,
            kind: 'cancel',
            original_id: old.original_id ?? old.id,
            previous_id: old.id,
            remarks: input.remarks || old.remarks,
            confirmed_by: input.confirmedBy,
            entered_by_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            entered_by_name: ctx.actor.name,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const detail = { number: old.number, revision: old.revision + 1, confirmedBy: input.confirmedBy };
        await appendAudit(trx, ctx, { action: 'room_booking.cancel', entityType: 'room_booking', entityId: row.id, detail: { ...detail, previousId: old.id } });
        await timeline(trx, ctx, 'cancelled', old.customer_id, row.id, detail, now);
        return row.id;
      }),
    );
    return presentForm(db, (await findForm(db, ctx.actor, newId))!);
  }

  return { create, change, cancel };
}
