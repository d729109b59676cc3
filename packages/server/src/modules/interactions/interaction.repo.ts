import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Typed SQL of the interactions area; every function takes the db or the caller's transaction first. */
export function selectInteractions(db: Db) {
  return db
    .selectFrom('interactions as i')
    .leftJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('users as a', 'a.id', 'i.agent_id')
    .select([
      'i.id',
      'i.customer_id',
      'i.channel',
      'i.direction',
      'i.agent_id',
      'i.started_at',
      'i.duration_seconds',
      'i.summary',
      'i.outcome',
      'i.recording_ref',
      'i.phone',
      'i.call_id',
      'i.created_at',
      'i.version',
      'c.name as customer_name',
      'c.owner_id as customer_owner_id',
      'a.display_name as agent_name',
    ]);
}
export type InteractionRow = Awaited<ReturnType<ReturnType<typeof selectInteractions>['executeTakeFirstOrThrow']>>;

/** The facts the scope rules need about a customer (customer.policy's CustomerFacts). */
export async function customerFacts(db: Db, id: string) {
  return db.selectFrom('customers').select(['id', 'name', 'owner_id', 'lifecycle', 'merged_into']).where('id', '=', id).executeTakeFirst();
}

/** Start of a department day (YYYY-MM-DD in its time zone) as an instant, computed by the database. */
export function dayStart(day: string, timeZone: string) {
  return sql<Date>`(${day}::date::timestamp at time zone ${timeZone})`;
}

/** End of a department day (exclusive): the start of the next one. */
export function dayEnd(day: string, timeZone: string) {
  return sql<Date>`((${day}::date + 1)::timestamp at time zone ${timeZone})`;
}

/**
 * A contact moves the customer's `last_contact_at` forward, never back: a late event for an older call
 * (or a visit recorded afterwards) leaves a later contact in place. Inside the caller's transaction.
 */
export async function touchLastContact(trx: Db, customerId: string, at: Date): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ last_contact_at: at })
    .where('id', '=', customerId)
    .where((eb) => eb.or([eb('last_contact_at', 'is', null), eb('last_contact_at', '<', at)]))
    .execute();
}
