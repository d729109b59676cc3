import type { Db } from '../../db/client';
import type { RequestActor } from '../../lib/context';
import { canSeeCard } from './card.policy';

export type HoldStateName = 'held' | 'charged' | 'released';
export interface CardLabel {
  number: string;
  typeName: string;
}

/**
 * What the bookings area shows of the cards its bookings and waiting-list entries name (decision 018): the
 * number and type name of each card the reader may see (the cards' own scope rule; a card outside it is
 * left out, as the card page would answer 404).
 */
export async function cardLabels(db: Db, actor: RequestActor, cardIds: (string | null)[]): Promise<Map<string, CardLabel>> {
  const ids = [...new Set(cardIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('cards')
    .innerJoin('card_types as t', 't.id', 'cards.type_id')
    .innerJoin('customers as c', 'c.id', 'cards.customer_id')
    .select(['cards.id', 'cards.number', 't.name as type_name', 'c.owner_id'])
    .where('cards.id', 'in', ids)
    .execute();
  return new Map(rows.filter((r) => canSeeCard(actor, r)).map((r) => [r.id, { number: r.number, typeName: r.type_name }]));
}

/** Where each booking's lesson stands on its card: held, charged or released (a booking without a hold is absent). */
export async function holdStates(db: Db, bookingIds: string[]): Promise<Map<string, HoldStateName>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await db.selectFrom('card_holds').select(['booking_id', 'state']).where('booking_id', 'in', bookingIds).execute();
  return new Map(rows.map((r) => [r.booking_id, r.state as HoldStateName]));
}
