import { applyEntry, blockedWhenExpired, CARD_UNITS, formatCardAmount, signedAmount, type CardKind, type EntryKind } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { insertTimeline } from '../customers';
import type { CardRow, EntryRow } from './card.repo';
import { selectEntries } from './card.repo';

export interface PostInput {
  kind: EntryKind;
  /** > 0 for kinds with a sign; signed for adjustments and reversals */
  amount: number;
  note?: string | null | undefined;
  reversesId?: string;
  transferId?: string;
  bookingId?: string;
}

/**
 * Writes one ledger entry on a card the caller has LOCKED in this transaction, and the balance with it:
 * the cached balance moves in the same statement sequence as the entry, so it always equals their sum.
 * The pure rules (shared/card-ledger.ts) decide; the CHECK (balance >= 0) is the database's last word.
 */
export async function postEntry(
  trx: Db,
  ctx: Ctx,
  card: CardRow,
  input: PostInput,
  opts: { refundsAllowed: boolean; now: Date; settlesHold?: number },
): Promise<{ card: CardRow; entry: EntryRow }> {
  const correcting = input.kind === 'reversal' || input.kind === 'adjustment';
  // a booking's held lesson is charged whatever happened to the card since: it was promised while valid
  const settling = opts.settlesHold !== undefined;
  if (card.status === 'closed' || (card.status === 'frozen' && !correcting && !settling)) throw conflict('card.inactive');
  if (card.expires_at && card.expires_at <= opts.now && blockedWhenExpired(input.kind) && !settling) {
    throw conflict('card.expired', { date: card.expires_at.toISOString().slice(0, 10) });
  }
  const balance = Number(card.balance);
  const verdict = applyEntry(balance, input.kind, card.kind as CardKind, input.amount, opts);
  if (!verdict.ok) {
    const unit = CARD_UNITS[card.kind as CardKind];
    const params = { balance: formatCardAmount(balance, unit), amount: formatCardAmount(Math.abs(input.amount), unit) };
    throw new AppError(verdict.code, verdict.code === 'card.entry_not_allowed' ? 400 : verdict.code === 'card.refund_not_allowed' ? 403 : 409, params);
  }
  const amount = signedAmount(input.kind, input.amount);
  // lessons held by live bookings are not for spending (CHECK held <= balance says so too)
  const heldAfter = Number(card.held) - (opts.settlesHold ?? 0);
  if (amount < 0 && verdict.balanceAfter < heldAfter) {
    const unit = CARD_UNITS[card.kind as CardKind];
    throw conflict('card.held_by_bookings', { held: formatCardAmount(heldAfter, unit), balance: formatCardAmount(balance, unit) });
  }
  const updated = await trx
    .updateTable('cards')
    .set((eb) => ({ balance: verdict.balanceAfter, held: heldAfter, version: eb('version', '+', 1) }))
    .where('id', '=', card.id)
    .returning(['balance', 'held', 'version'])
    .executeTakeFirstOrThrow();
  const actor = ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? ctx.actor.id : null;
  const { id } = await trx
    .insertInto('card_entries')
    .values({
      card_id: card.id,
      kind: input.kind,
      amount,
      balance_after: verdict.balanceAfter,
      reverses_id: input.reversesId ?? null,
      transfer_id: input.transferId ?? null,
      booking_id: input.bookingId ?? null,
      note: input.note ?? null,
      actor_id: actor,
      actor_name: ctx.actor.name,
      at: opts.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const detail = { number: card.number, kind: input.kind, amount, balanceAfter: verdict.balanceAfter, unit: CARD_UNITS[card.kind as CardKind] };
  await appendAudit(trx, ctx, { action: `card.${input.kind}`, entityType: 'card', entityId: card.id, detail });
  // the customer's timeline: the card number and amounts, never a phone number
  await insertTimeline(trx, [
    {
      customerId: card.customer_id,
      kind: 'card.entry',
      data: detail,
      at: opts.now,
      actor: actor ? { id: actor, name: ctx.actor.name } : null,
      refType: 'card',
      refId: card.id,
    },
  ]);
  const entry = await selectEntries(trx).where('e.id', '=', id).executeTakeFirstOrThrow();
  return { card: { ...card, balance: updated.balance, held: updated.held, version: updated.version }, entry };
}
