import type { RequestActor } from '../../lib/context';
import type { CardRow } from './card.repo';

/**
 * Who sees a card (SPEC §1 row scope, the customer archive's rule): a card shows its customer's name, so
 * it is seen by whoever sees the customer — `customer:read_all` (membership officer, manager), otherwise
 * only the cards of the customers the user owns (an agent at the desk). Not seen is 404, as not found.
 */
export function seesAllCards(actor: RequestActor): boolean {
  return actor.permissions.has('customer:read_all');
}

export function canSeeCard(actor: RequestActor, card: Pick<CardRow, 'owner_id'>): boolean {
  return seesAllCards(actor) || (card.owner_id !== null && card.owner_id === actor.id);
}
