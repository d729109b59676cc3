import type { Booking } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx, RequestActor } from '../../lib/context';
import { cardLabels, holdStates, type CardLabel, type HoldStateName } from '../cards';
import { canSee } from '../customers';
import { exceptionsOf, type BookingRow, type ExceptionRow } from './booking.repo';

export const customerFacts = (r: BookingRow) => ({ owner_id: r.customer_owner_id, lifecycle: r.customer_lifecycle, merged_into: r.customer_merged_into });

/** The schedule shows every booking; the customer's name only to those who may see that customer. */
export function toBooking(actor: RequestActor, r: BookingRow, exceptions: ExceptionRow[], cards: CardFacts = noCards): Booking {
  const card = r.card_id ? cards.labels.get(r.card_id) : undefined;
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: canSee(actor, customerFacts(r)) ? r.customer_name : null,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    places: r.places,
    channel: r.channel,
    notes: r.notes,
    status: r.status,
    takenBy: r.taken_by_name,
    createdAt: r.created_at.toISOString(),
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
    chargeWaived: r.charge_waived,
    cardId: r.card_id,
    card: card ? { ...card, hold: cards.holds.get(r.id) ?? null } : null,
    exceptions: exceptions
      .filter((e) => e.booking_id === r.id)
      .map((e) => ({
        id: e.id,
        reason: e.reason,
        proofNote: e.proof_note,
        attachmentRef: e.attachment_ref,
        status: e.status,
        requestedBy: e.requested_by_name,
        requestedAt: e.requested_at.toISOString(),
        decidedBy: e.decided_by_name,
        decidedAt: e.decided_at?.toISOString() ?? null,
        decisionNote: e.decision_note,
      })),
    version: r.version,
  };
}

/** The cards the bookings name (read through the cards module) and where each booking's lesson stands. */
export interface CardFacts {
  labels: Map<string, CardLabel>;
  holds: Map<string, HoldStateName>;
}
const noCards: CardFacts = { labels: new Map(), holds: new Map() };

async function cardFactsOf(db: Db, ctx: Ctx, rows: BookingRow[]): Promise<CardFacts> {
  const charged = rows.filter((r) => r.card_id !== null);
  if (charged.length === 0) return noCards;
  return {
    labels: await cardLabels(
      db,
      ctx.actor,
      charged.map((r) => r.card_id),
    ),
    holds: await holdStates(
      db,
      charged.map((r) => r.id),
    ),
  };
}

export async function presentOne(db: Db, ctx: Ctx, r: BookingRow): Promise<Booking> {
  return (await presentMany(db, ctx, [r]))[0]!;
}

export async function presentMany(db: Db, ctx: Ctx, rows: BookingRow[]): Promise<Booking[]> {
  const exceptions = await exceptionsOf(
    db,
    rows.map((r) => r.id),
  );
  const cards = await cardFactsOf(db, ctx, rows);
  return rows.map((r) => toBooking(ctx.actor, r, exceptions, cards));
}
