import type { RoomBooking, RoomBookingListItem } from '@kefu/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context';
import { encodeCursor, readCursor } from '../../lib/pagination';
import type { RoomDeps } from './room-booking.deps';
import { presentForm } from './room-booking.mapper';
import { findForm, roomNames, selectForms } from './room-booking.repo';
import { buildRoomSheet } from './room-booking.sheet';
import { createRoomWrites, formNotFound } from './room-booking.write';
import { renderRoomForm, roomFormFileName } from './room-form.pdf';

/** Named-room bookings (冠名房预约, seed 003 附件一): the form's versions, the list, the printable form. */
export function createRoomBookingService(deps: RoomDeps) {
  const { db, clock } = deps;
  const writes = createRoomWrites(deps);

  async function get(ctx: Ctx, id: string): Promise<RoomBooking> {
    const f = await findForm(db, ctx.actor, id);
    if (!f) throw formNotFound();
    return presentForm(db, f);
  }

  /** The current version of each form, arrival newest first; cancelled forms only when asked. */
  async function list(
    ctx: Ctx,
    q: { q?: string | undefined; from?: string | undefined; includeCancelled?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined },
  ) {
    const after = readCursor(q.cursor, ['text', 'uuid']);
    let query = selectForms(db, ctx.actor)
      .where('f.is_current', '=', true)
      .orderBy('f.arrival', 'desc')
      .orderBy('f.id', 'desc')
      .limit(q.limit + 1);
    if (q.includeCancelled !== 'true') query = query.where('f.kind', '<>', 'cancel');
    if (q.from) query = query.where('f.departure', '>', q.from);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb('f.number', 'ilike', like), eb('f.guest_name', 'ilike', like), eb('f.company', 'ilike', like), eb('c.name', 'ilike', like)]),
      );
    }
    if (after) query = query.where(sql<boolean>`(f.arrival, f.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const names = await roomNames(db, [...new Set(page.flatMap((f) => f.room_ids))]);
    const items: RoomBookingListItem[] = page.map((f) => ({
      id: f.id,
      number: f.number,
      revision: f.revision,
      kind: f.kind,
      guestName: f.guest_name,
      customerName: f.customer_name,
      company: f.company,
      arrival: f.arrival,
      departure: f.departure,
      roomType: f.room_type,
      rooms: f.rooms,
      rateFen: f.rate_fen,
      roomNames: f.room_ids.map((r) => names.get(r) ?? ''),
    }));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.arrival, last.id]) : null };
  }

  /** The 附件一 form of one version, as PDF (read outside any transaction; rendering is CPU only). */
  async function pdf(ctx: Ctx, id: string): Promise<{ body: Buffer; disposition: string }> {
    const form = await get(ctx, id);
    const previous = form.previousId
      ? await db.selectFrom('room_bookings').select(['number', 'revision']).where('id', '=', form.previousId).executeTakeFirst()
      : undefined;
    const body = await renderRoomForm({
      form,
      previous: previous ?? null,
      timeZone: await deps.timeZone(),
      lang: ctx.lang,
      printedBy: ctx.actor.name,
      printedAt: clock.now(),
    });
    return { body, disposition: roomFormFileName(form) };
  }

  /** The list as xlsx for the manager: the current form of every booking staying on or after `from`, up to 5,000. */
  async function sheet(ctx: Ctx, q: { q?: string | undefined; from?: string | undefined; includeCancelled?: 'true' | 'false' | undefined }): Promise<Buffer> {
    const page = await list(ctx, { ...q, limit: 5000 });
    const ids = page.items.map((i) => i.id);
    const rows = ids.length ? await selectForms(db, ctx.actor).where('f.id', 'in', ids).orderBy('f.arrival', 'desc').orderBy('f.id', 'desc').execute() : [];
    const names = await roomNames(db, [...new Set(rows.flatMap((r) => r.room_ids))]);
    return buildRoomSheet({ rows, roomNames: names, exporter: ctx.actor.name, exportedAt: clock.now(), timeZone: await deps.timeZone(), lang: ctx.lang });
  }

  return { create: writes.create, change: writes.change, cancel: writes.cancel, get, list, pdf, sheet };
}
export type RoomBookingService = ReturnType<typeof createRoomBookingService>;
