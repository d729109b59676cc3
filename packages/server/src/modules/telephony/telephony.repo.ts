import { OPEN_COMPLAINT_STATES } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * Typed SQL of the telephony area. The pop card reads other areas' tables through its own SQL, as
 * reports do (docs/decisions/014): one short round of reads within the second the agent waits.
 */
export async function findCall(db: Db, callId: string) {
  return db.selectFrom('telephony_calls').selectAll().where('call_id', '=', callId).executeTakeFirst();
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export async function agentByExtension(db: Db, extension: string | undefined) {
  if (!extension) return undefined;
  return db.selectFrom('users').select(['id', 'display_name']).where('extension', '=', extension).where('active', '=', true).executeTakeFirst();
}

/**
 * The live customer with this number: the search keys' GIN index finds candidates (they hold every
 * normalised phone), the exact comparison drops the last-4-digits keys; the mobile before other phones.
 */
export async function customerByPhone(db: Db, phone: string | null) {
  if (!phone) return undefined;
  return db
    .selectFrom('customers')
    .select(['id', 'owner_id'])
    .where('merged_into', 'is', null)
    .where('search_keys', '@>', sql<string[]>`array[${phone}]::text[]`)
    .where((eb) => eb.or([eb('mobile', '=', phone), sql<boolean>`${phone} = any(other_phones)`]))
    .orderBy(sql`mobile = ${phone}`, 'desc')
    .orderBy(sql`last_contact_at desc nulls last`)
    .limit(1)
    .executeTakeFirst();
}

export async function cardCustomer(db: Db, id: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('customer_categories as t', (j) => j.onRef('t.code', '=', 'c.tier_code').on('t.kind', '=', 'tier'))
    .select([
      'c.id',
      'c.name',
      'c.title',
      'c.tier_code',
      'c.owner_id',
      'c.lifecycle',
      'c.merged_into',
      'c.mobile',
      'c.other_phones',
      'o.display_name as owner_name',
      't.label_zh',
      't.label_en',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function openComplaints(db: Db, customerId: string): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .where('state', 'in', [...OPEN_COMPLAINT_STATES])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function nextBooking(db: Db, customerId: string, now: Date) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('resources as r', 'r.id', 'b.resource_id')
    .select(['b.id', 'b.number', 'b.starts_at', 'r.name as resource_name'])
    .where('b.customer_id', '=', customerId)
    .where('b.status', '=', 'booked')
    .where('b.starts_at', '>=', now)
    .orderBy('b.starts_at')
    .limit(1)
    .executeTakeFirst();
}

export async function customerCards(db: Db, customerId: string) {
  return db
    .selectFrom('cards')
    .innerJoin('card_types as t', 't.id', 'cards.type_id')
    .select(['cards.id', 'cards.number', 'cards.balance', 'cards.status', 't.name as type_name', 't.kind'])
    .where('cards.customer_id', '=', customerId)
    .where('cards.status', '<>', 'closed')
    .orderBy('cards.issued_at', 'desc')
    .limit(5)
    .execute();
}

export async function lastContacts(db: Db, customerId: string) {
  return db
    .selectFrom('interactions as i')
    .leftJoin('users as a', 'a.id', 'i.agent_id')
    .select(['i.id', 'i.channel', 'i.direction', 'i.started_at', 'i.summary', 'a.display_name as agent_name'])
    .where('i.customer_id', '=', customerId)
    .orderBy('i.started_at', 'desc')
    .limit(5)
    .execute();
}

/** The agent's live call (ringing or talking, begun in the last hour): what a reopened stream shows again. */
export async function currentCall(db: Db, agentId: string, since: Date) {
  return db
    .selectFrom('telephony_calls')
    .select(['call_id', 'state', 'customer_id', 'started_at'])
    .where('agent_id', '=', agentId)
    .where('state', 'in', ['ringing', 'answered', 'dialing'])
    .where('started_at', '>=', since)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
