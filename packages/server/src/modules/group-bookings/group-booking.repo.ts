import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { RequestActor } from '../../lib/context';

/** Typed SQL of group bookings; every function takes the db or the caller's transaction first. */

/** The next number of the day for a prefix (TD group, GM named-room form): 'TD20261009-0001'. */
export async function nextFormNumber(db: Db, prefix: 'TD' | 'GM', day: string): Promise<string> {
  const row = await db
    .insertInto('group_room_counters')
    .values({ prefix, day, last_no: 1 })
    .onConflict((oc) => oc.columns(['prefix', 'day']).doUpdateSet({ last_no: sql`group_room_counters.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return `${prefix}${day.replaceAll('-', '')}-${String(row.last_no).padStart(4, '0')}`;
}

/** Group bookings with the organiser's name, limited to the customers the reader may see (SPEC §1 scopes). */
export function selectGroups(db: Db, actor: RequestActor) {
  let q = db.selectFrom('group_bookings as g').innerJoin('customers as c', 'c.id', 'g.organiser_id').selectAll('g').select(['c.name as organiser_name']);
  if (!actor.permissions.has('customer:read')) q = q.where(sql<boolean>`false`);
  else if (!actor.permissions.has('customer:read_all')) q = q.where('c.owner_id', '=', actor.id);
  return q;
}
export type GroupRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectGroups>['executeTakeFirst']>>>;

export async function findGroup(db: Db, actor: RequestActor, id: string, forUpdate = false): Promise<GroupRow | undefined> {
  let q = selectGroups(db, actor).where('g.id', '=', id);
  if (forUpdate) q = q.forUpdate('g');
  return q.executeTakeFirst();
}

export async function holdsOf(db: Db, groupId: string) {
  return db
    .selectFrom('group_booking_holds as h')
    .innerJoin('bookings as b', 'b.id', 'h.booking_id')
    .innerJoin('resources as r', 'r.id', 'h.resource_id')
    .select(['h.booking_id', 'h.resource_id', 'h.places', 'b.number', 'b.status', 'r.name as resource_name'])
    .where('h.group_booking_id', '=', groupId)
    .orderBy('r.name')
    .execute();
}

export async function rosterOf(db: Db, groupId: string) {
  return db.selectFrom('group_booking_members').selectAll().where('group_booking_id', '=', groupId).orderBy('position').execute();
}

export async function checklistOf(db: Db, groupId: string) {
  return db.selectFrom('group_booking_checklist').selectAll().where('group_booking_id', '=', groupId).execute();
}

export async function eventsOf(db: Db, groupId: string) {
  return db.selectFrom('group_booking_events').selectAll().where('group_booking_id', '=', groupId).orderBy('at').orderBy('id').execute();
}

export async function addEvent(db: Db, groupId: string, kind: string, actorName: string, at: Date, data: Record<string, unknown> = {}) {
  await db
    .insertInto('group_booking_events')
    .values({ group_booking_id: groupId, kind, actor_name: actorName, at, data: JSON.stringify(data) })
    .execute();
}
