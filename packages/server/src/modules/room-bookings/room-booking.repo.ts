import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { RequestActor } from '../../lib/context';

/** Typed SQL of named-room bookings (冠名房预订表); every function takes the db or the caller's transaction first. */

/** Form versions with the customer's name, limited to the customers the reader may see (SPEC §1 scopes). */
export function selectForms(db: Db, actor: RequestActor) {
  let q = db.selectFrom('room_bookings as f').innerJoin('customers as c', 'c.id', 'f.customer_id').selectAll('f').select(['c.name as customer_name']);
  if (!actor.permissions.has('customer:read')) q = q.where(sql<boolean>`false`);
  else if (!actor.permissions.has('customer:read_all')) q = q.where('c.owner_id', '=', actor.id);
  return q;
}
export type FormRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectForms>['executeTakeFirst']>>>;

export async function findForm(db: Db, actor: RequestActor, id: string, forUpdate = false): Promise<FormRow | undefined> {
  let q = selectForms(db, actor).where('f.id', '=', id);
  if (forUpdate) q = q.forUpdate('f');
  return q.executeTakeFirst();
}

/** Every version of the form's chain, oldest first. */
export async function versionsOf(db: Db, f: Pick<FormRow, 'id' | 'original_id'>) {
  const root = f.original_id ?? f.id;
  return db
    .selectFrom('room_bookings')
    .select(['id', 'revision', 'kind', 'entered_by_name', 'confirmed_by', 'created_at', 'is_current'])
    .where((eb) => eb.or([eb('id', '=', root), eb('original_id', '=', root)]))
    .orderBy('revision')
    .execute();
}

export async function holdsOf(db: Db, formId: string) {
  return db
    .selectFrom('room_booking_holds as h')
    .innerJoin('bookings as b', 'b.id', 'h.booking_id')
    .innerJoin('resources as r', 'r.id', 'h.resource_id')
    .select(['h.booking_id', 'h.resource_id', 'b.number', 'b.status', 'r.name as resource_name'])
    .where('h.room_booking_id', '=', formId)
    .orderBy('r.name')
    .execute();
}

export async function roomNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('resources').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
