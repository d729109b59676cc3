import type { Db } from '../../db/client';

/** Typed SQL of the cards area; every function takes the db or the caller's transaction first. */
export function selectCardRows(db: Db) {
  return db
    .selectFrom('cards')
    .innerJoin('card_types as t', 't.id', 'cards.type_id')
    .innerJoin('customers as c', 'c.id', 'cards.customer_id')
    .select([
      'cards.id',
      'cards.number',
      'cards.type_id',
      'cards.customer_id',
      'cards.status',
      'cards.balance',
      'cards.held',
      'cards.expires_at',
      'cards.issued_at',
      'cards.version',
      't.name as type_name',
      't.kind',
      't.low_balance_threshold',
      'c.name as customer_name',
      'c.owner_id',
    ]);
}
export type CardRow = Awaited<ReturnType<ReturnType<typeof selectCardRows>['executeTakeFirstOrThrow']>>;

export async function findCard(db: Db, id: string): Promise<CardRow | undefined> {
  return selectCardRows(db).where('cards.id', '=', id).executeTakeFirst();
}

/**
 * The card row locked for the rest of the transaction: two spends on one card queue here on PostgreSQL
 * (the second reads the balance the first left); on PGlite the one session already serialises them.
 */
export async function lockCard(trx: Db, id: string): Promise<CardRow | undefined> {
  return selectCardRows(trx).where('cards.id', '=', id).forUpdate('cards').executeTakeFirst();
}

/** Two cards locked in id order (transfers), so two opposite transfers never deadlock. */
export async function lockCards(trx: Db, ids: [string, string]): Promise<CardRow[]> {
  return selectCardRows(trx).where('cards.id', 'in', ids).orderBy('cards.id').forUpdate('cards').execute();
}

export function selectEntries(db: Db) {
  return db
    .selectFrom('card_entries as e')
    .leftJoin('card_entries as r', 'r.reverses_id', 'e.id')
    .select([
      'e.id',
      'e.seq',
      'e.card_id',
      'e.kind',
      'e.amount',
      'e.balance_after',
      'e.reverses_id',
      'r.id as reversed_by',
      'e.transfer_id',
      'e.booking_id',
      'e.note',
      'e.actor_name',
      'e.at',
    ]);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirstOrThrow']>>;

/** The next number of a prefix (HY-000123): one upsert, so two instances issuing at once differ. */
export async function nextCardNo(trx: Db, prefix: string): Promise<number> {
  const row = await trx
    .insertInto('card_counters')
    .values({ prefix, last_no: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last_no: eb('card_counters.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return row.last_no;
}
