import { CARD_UNITS, type Card, type CardEntry, type CardKind, type EntryKind } from '@kefu/shared';
import type { CardRow, EntryRow } from './card.repo';

/** The only ways a card and its entries leave the server (no phone numbers: the customer's name only). */
export function toCard(r: CardRow): Card {
  return {
    id: r.id,
    number: r.number,
    typeId: r.type_id,
    typeName: r.type_name,
    kind: r.kind,
    unit: CARD_UNITS[r.kind as CardKind],
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    balance: Number(r.balance),
    held: Number(r.held),
    expiresAt: r.expires_at?.toISOString() ?? null,
    issuedAt: r.issued_at.toISOString(),
    version: r.version,
  };
}

export function toEntry(r: EntryRow): CardEntry {
  return {
    id: r.id,
    seq: Number(r.seq),
    cardId: r.card_id,
    kind: r.kind as EntryKind,
    amount: Number(r.amount),
    balanceAfter: Number(r.balance_after),
    reversesId: r.reverses_id,
    reversedBy: r.reversed_by,
    transferId: r.transfer_id,
    bookingId: r.booking_id,
    note: r.note,
    actorName: r.actor_name,
    at: r.at.toISOString(),
  };
}
