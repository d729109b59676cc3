import { GROUP_CHECKLIST_ITEMS, type GroupBooking, type GroupBookingListItem, type GroupStatus } from '@kefu/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context';
import { encodeCursor, readCursor } from '../../lib/pagination';
import { createGroupCreate } from './group-booking.create';
import { buildGroupSheet } from './group-booking.sheet';
import type { GroupDeps } from './group-booking.deps';
import { presentGroup } from './group-booking.mapper';
import { findGroup, selectGroups } from './group-booking.repo';
import { createGroupSteps, groupNotFound } from './group-booking.steps';

/** Group bookings (团体预约, seed 003): take, read, list, roster, checklist, cancel. */
export function createGroupBookingService(deps: GroupDeps) {
  const { db } = deps;
  const steps = createGroupSteps(deps);

  async function get(ctx: Ctx, id: string): Promise<GroupBooking> {
    const g = await findGroup(db, ctx.actor, id);
    if (!g) throw groupNotFound();
    return presentGroup(db, g);
  }

  /** Newest day first, keyset-paged; the search box finds a number, a group's name or the organiser. */
  async function list(ctx: Ctx, q: { q?: string | undefined; status?: GroupStatus | undefined; limit: number; cursor?: string | undefined }) {
    const after = readCursor(q.cursor, ['time', 'uuid']);
    let query = selectGroups(db, ctx.actor)
      .select((eb) => [
        eb
          .selectFrom('group_booking_checklist as k')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('k.group_booking_id', '=', 'g.id')
          .where('k.done', '=', true)
          .as('checklist_done'),
      ])
      .orderBy('g.starts_at', 'desc')
      .orderBy('g.id', 'desc')
      .limit(q.limit + 1);
    if (q.status) query = query.where('g.status', '=', q.status);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('g.number', 'ilike', like), eb('g.name', 'ilike', like), eb('c.name', 'ilike', like)]));
    }
    if (after) query = query.where(sql<boolean>`(g.starts_at, g.id) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`);
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const items: GroupBookingListItem[] = page.map((g) => ({
      id: g.id,
      number: g.number,
      name: g.name,
      organiserName: g.organiser_name,
      size: g.size,
      startsAt: g.starts_at.toISOString(),
      status: g.status,
      checklistDone: Number(g.checklist_done ?? 0),
      checklistTotal: GROUP_CHECKLIST_ITEMS.length,
    }));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.starts_at.toISOString(), last.id]) : null };
  }

  /** The list as xlsx (up to 2,000 groups of the filter), with the checklist ticked per item. */
  async function sheet(ctx: Ctx, q: { q?: string | undefined; status?: GroupStatus | undefined }): Promise<Buffer> {
    const page = await list(ctx, { ...q, limit: 2000 });
    const groups: GroupBooking[] = [];
    for (const item of page.items) groups.push(await get(ctx, item.id));
    return buildGroupSheet({ groups, exporter: ctx.actor.name, exportedAt: deps.clock.now(), timeZone: await deps.timeZone(), lang: ctx.lang });
  }

  return {
    sheet,
    create: createGroupCreate(deps).create,
    get,
    list,
    saveRoster: steps.saveRoster,
    tick: steps.tick,
    cancel: steps.cancel,
    complete: steps.complete,
    settings: deps.settings,
  };
}
export type GroupBookingService = ReturnType<typeof createGroupBookingService>;
