import {
  checklistTickSchema,
  groupCancelSchema,
  rosterProblems,
  rosterUpdateSchema,
  type ChecklistTickInput,
  type GroupBooking,
  type GroupChecklistItem,
  type RosterUpdateInput,
} from '@kefu/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { insertTimeline } from '../customers';
import type { GroupDeps } from './group-booking.deps';
import { presentGroup } from './group-booking.mapper';
import { addEvent, findGroup, holdsOf, type GroupRow } from './group-booking.repo';

export const groupNotFound = () => new AppError('group_booking.not_found', 404);

/** Changes to a group booking: the roster and grouping, a checklist item, cancelling. Each one transaction with its audit row. */
export function createGroupSteps(deps: GroupDeps) {
  const { db, clock, holds } = deps;

  /** The group, locked, in the reader's scope, still booked, at the version the screen showed (when given). */
  async function load(trx: Db, ctx: Ctx, id: string, version?: number): Promise<GroupRow> {
    const g = await findGroup(trx, ctx.actor, id, true);
    if (!g) throw groupNotFound();
    if (version !== undefined && g.version !== version) throw conflict('group_booking.version_conflict');
    if (g.status !== 'booked') throw conflict('group_booking.not_booked');
    return g;
  }

  const reread = async (ctx: Ctx, id: string): Promise<GroupBooking> => presentGroup(db, (await findGroup(db, ctx.actor, id))!);

  /** 团体名单及差点 and 分组: the whole roster replaced at once, checked against the size and the flight size. */
  async function saveRoster(ctx: Ctx, id: string, raw: RosterUpdateInput): Promise<GroupBooking> {
    const input = rosterUpdateSchema.parse(raw);
    const settings = await deps.settings.read();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const g = await load(trx, ctx, id, input.version);
      const problems = rosterProblems(input.members, g.size, settings.maxPerTeam);
      if (problems.length) throw new AppError('error.validation', 422, {}, { errors: problems });
      await trx.deleteFrom('group_booking_members').where('group_booking_id', '=', id).execute();
      if (input.members.length)
        await trx
          .insertInto('group_booking_members')
          .values(input.members.map((m, position) => ({ group_booking_id: id, position, name: m.name, phone: m.phone, handicap: m.handicap, team: m.team })))
          .execute();
      await trx
        .updateTable('group_bookings')
        .set({ grouping_mode: input.groupingMode, updated_at: now, version: g.version + 1 })
        .where('id', '=', id)
        .execute();
      const teams = new Set(input.members.map((m) => m.team).filter((t) => t !== null)).size;
      await addEvent(trx, id, 'roster', ctx.actor.name, now, { count: input.members.length, teams, groupingMode: input.groupingMode });
      await appendAudit(trx, ctx, {
        action: 'group_booking.roster',
        entityType: 'group_booking',
        entityId: id,
        detail: { number: g.number, count: input.members.length, teams },
      });
    });
    return reread(ctx, id);
  }

  /**
   * Ticks or opens one item of the seed's checklist, by the item's own version: two people ticking the
   * same item at once, the second gets 409; different items never collide.
   */
  async function tick(ctx: Ctx, id: string, item: GroupChecklistItem, raw: ChecklistTickInput): Promise<GroupBooking> {
    const input = checklistTickSchema.parse(raw);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const g = await findGroup(trx, ctx.actor, id);
      if (!g) throw groupNotFound();
      if (g.status === 'cancelled') throw conflict('group_booking.not_booked');
      // the item's row is made on its first tick; until then it is open at version 1
      await trx
        .insertInto('group_booking_checklist')
        .values({ group_booking_id: id, item })
        .onConflict((oc) => oc.columns(['group_booking_id', 'item']).doNothing())
        .execute();
      const done = await trx
        .updateTable('group_booking_checklist')
        .set({
          done: input.done,
          note: input.note,
          done_by_name: ctx.actor.name,
          done_at: now,
          version: (eb) => eb('version', '+', 1),
        })
        .where('group_booking_id', '=', id)
        .where('item', '=', item)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!done) throw conflict('group_booking.checklist_conflict');
      await addEvent(trx, id, input.done ? 'ticked' : 'unticked', ctx.actor.name, now, { item, note: input.note });
      await appendAudit(trx, ctx, {
        action: 'group_booking.checklist',
        entityType: 'group_booking',
        entityId: id,
        detail: { number: g.number, item, done: input.done, note: input.note },
      });
    });
    return reread(ctx, id);
  }

  /** Cancelling gives every resource's places back in the same transaction. */
  async function cancel(ctx: Ctx, id: string, raw: z.input<typeof groupCancelSchema>): Promise<GroupBooking> {
    const input = groupCancelSchema.parse(raw);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const g = await load(trx, ctx, id, input.version);
      for (const h of await holdsOf(trx, id)) await holds.release(trx, h.booking_id, `团体预约 ${g.number} 取消：${input.reason}`);
      await trx
        .updateTable('group_bookings')
        .set({ status: 'cancelled', cancel_reason: input.reason, updated_at: now, version: g.version + 1 })
        .where('id', '=', id)
        .execute();
      await addEvent(trx, id, 'cancelled', ctx.actor.name, now, { reason: input.reason });
      await appendAudit(trx, ctx, {
        action: 'group_booking.cancel',
        entityType: 'group_booking',
        entityId: id,
        detail: { number: g.number, reason: input.reason },
      });
      await insertTimeline(trx, [
        {
          customerId: g.organiser_id,
          kind: 'group_booking.cancelled',
          data: { number: g.number, name: g.name, reason: input.reason },
          at: now,
          actor: { id: ctx.actor.id, name: ctx.actor.name },
          refType: 'group_booking',
          refId: id,
        },
      ]);
    });
    return reread(ctx, id);
  }

  /** After the day has begun, the desk closes the group as done (its places stay as they were taken). */
  async function complete(ctx: Ctx, id: string, version: number): Promise<GroupBooking> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const g = await load(trx, ctx, id, version);
      if (g.starts_at.getTime() > now.getTime()) throw conflict('group_booking.not_started');
      await trx
        .updateTable('group_bookings')
        .set({ status: 'done', updated_at: now, version: g.version + 1 })
        .where('id', '=', id)
        .execute();
      await addEvent(trx, id, 'done', ctx.actor.name, now);
      await appendAudit(trx, ctx, { action: 'group_booking.done', entityType: 'group_booking', entityId: id, detail: { number: g.number } });
    });
    return reread(ctx, id);
  }

  return { saveRoster, tick, cancel, complete, reread };
}
