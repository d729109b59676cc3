import { cardNumber, reversalOf, statusChange, type Card, type CardMovementInput, type EntryKind } from '@kefu/shared';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { idempotent } from '../../lib/idempotency';
import { readCursor, encodeCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { insertTimeline } from '../customers';
import { postEntry } from './card.ledger';
import { toCard, toEntry } from './card.mapper';
import { findCard, lockCard, lockCards, nextCardNo, selectCardRows, selectEntries } from './card.repo';
import { createCardAdjustments } from './card.adjustments';
import { canSeeCard, seesAllCards } from './card.policy';
import { createCardTypes } from './card.types';
import { createCardBookings } from './card.bookings';
import { moveCardsOnMerge } from './card.merge';

const cardNotFound = () => new AppError('card.not_found', 404);
/** What a request that moves a balance carries besides its body: the Idempotency-Key and the route it names. */
export interface Idem {
  key: string | undefined;
  route: string;
}

/** A person's top-up of a customer's card (a purchase), heard inside its transaction: referrals qualify on it. */
export type TopUpHook = (trx: Db, ctx: Ctx, e: { customerId: string; cardId: string; at: Date }) => Promise<void>;

/** Member cards: issuing, movements, transfers, reversals; each movement is one ledger entry (card.ledger.ts). */
export function createCardService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const types = createCardTypes(deps);
  const adjustments = createCardAdjustments(deps);
  // bookings charged to a lessons card: hooks the bookings service calls inside its transactions (app.ts)
  const bookingLink = createCardBookings(deps);
  const topUpHooks: TopUpHook[] = [];
  const onTopUp = (hook: TopUpHook) => void topUpHooks.push(hook);

  async function get(ctx: Ctx, id: string): Promise<Card> {
    const row = await findCard(db, id);
    if (!row || !canSeeCard(ctx.actor, row)) throw cardNotFound();
    return toCard(row);
  }

  async function issue(ctx: Ctx, input: { typeId: string; customerId: string }): Promise<Card> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const type = await trx.selectFrom('card_types').selectAll().where('id', '=', input.typeId).executeTakeFirst();
      if (!type) throw new AppError('card.type_not_found', 404);
      if (!type.active) throw conflict('card.type_inactive');
      const customer = await trx.selectFrom('customers').select(['id', 'merged_into', 'owner_id']).where('id', '=', input.customerId).executeTakeFirst();
      if (!customer || customer.merged_into || !canSeeCard(ctx.actor, customer)) throw new AppError('error.not_found', 404);
      const number = cardNumber(type.prefix, await nextCardNo(trx, type.prefix));
      const expires = type.validity_days ? new Date(now.getTime() + type.validity_days * 86_400_000) : null;
      const actor = ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? ctx.actor.id : null;
      const row = await trx
        .insertInto('cards')
        .values({ number, type_id: type.id, customer_id: customer.id, expires_at: expires, issued_at: now, issued_by: actor })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'card.issue', entityType: 'card', entityId: row.id, detail: { number, type: type.name } });
      await insertTimeline(trx, [
        {
          customerId: customer.id,
          kind: 'card.issued',
          data: { number, typeName: type.name },
          at: now,
          actor: actor ? { id: actor, name: ctx.actor.name } : null,
          refType: 'card',
          refId: row.id,
        },
      ]);
      return row.id;
    });
    return get(ctx, id);
  }

  async function list(ctx: Ctx, q: { customerId?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined }) {
    const after = readCursor(q.cursor, ['text']);
    let query = selectCardRows(db)
      .orderBy('cards.number')
      .limit(q.limit + 1);
    if (q.customerId) query = query.where('cards.customer_id', '=', q.customerId);
    if (!seesAllCards(ctx.actor)) query = query.where('c.owner_id', '=', ctx.actor.id);
    if (q.q) query = query.where('cards.number', 'like', `%${q.q.toUpperCase().replace(/[%_\\]/g, '')}%`);
    if (after) query = query.where('cards.number', '>', String(after[0]));
    const rows = await query.execute();
    const items = rows.slice(0, q.limit).map(toCard);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor([items.at(-1)!.number]) : null };
  }

  async function entries(ctx: Ctx, id: string, limit: number, cursor?: string) {
    await get(ctx, id);
    const after = readCursor(cursor, ['int']);
    let query = selectEntries(db)
      .where('e.card_id', '=', id)
      .orderBy('e.seq', 'desc')
      .limit(limit + 1);
    if (after) query = query.where('e.seq', '<', Number(after[0]));
    const rows = await query.execute();
    const items = rows.slice(0, limit).map(toEntry);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items.at(-1)!.seq]) : null };
  }

  /** Top-up, spend, refund, points earned or redeemed: one entry, applied once per Idempotency-Key. */
  async function move(ctx: Ctx, id: string, input: CardMovementInput, idem: Idem) {
    const policy = await types.settings();
    return idempotent(db, { ...idem, actorId: ctx.actor.id, body: input, now: clock.now() }, async (trx) => {
      const card = await lockCard(trx, id);
      if (!card || !canSeeCard(ctx.actor, card)) throw cardNotFound();
      const out = await postEntry(trx, ctx, card, input, { refundsAllowed: policy.refundsAllowed, now: clock.now() });
      if (input.kind === 'top_up') for (const hook of topUpHooks) await hook(trx, ctx, { customerId: card.customer_id, cardId: card.id, at: clock.now() });
      return { status: 201, body: { card: toCard(out.card), entry: toEntry(out.entry) } };
    });
  }

  /** Between two cards of the same type, in one transaction: both entries or neither. */
  async function transfer(ctx: Ctx, id: string, input: { toCardId: string; amount: number; note?: string | undefined }, idem: Idem) {
    if (id === input.toCardId) throw conflict('card.transfer_same_card');
    return idempotent(db, { ...idem, actorId: ctx.actor.id, body: input, now: clock.now() }, async (trx) => {
      const locked = await lockCards(trx, [id, input.toCardId]);
      const from = locked.find((c) => c.id === id);
      const to = locked.find((c) => c.id === input.toCardId);
      if (!from || !to || !canSeeCard(ctx.actor, from) || !canSeeCard(ctx.actor, to)) throw cardNotFound();
      if (from.type_id !== to.type_id) throw conflict('card.transfer_type_mismatch');
      const transferId = randomUUID();
      const opts = { refundsAllowed: false, now: clock.now() };
      const out = await postEntry(trx, ctx, from, { kind: 'transfer_out', amount: input.amount, note: input.note ?? to.number, transferId }, opts);
      await postEntry(trx, ctx, to, { kind: 'transfer_in', amount: input.amount, note: input.note ?? from.number, transferId }, opts);
      return { status: 201, body: { card: toCard(out.card), entry: toEntry(out.entry) } };
    });
  }

  /** A correction: the opposite amount, referencing the original (once; the unique key says so under any race). */
  async function reverse(ctx: Ctx, entryId: string, reason: string, idem: Idem) {
    return idempotent(db, { ...idem, actorId: ctx.actor.id, body: { reason }, now: clock.now() }, async (trx) => {
      const original = await selectEntries(trx).where('e.id', '=', entryId).executeTakeFirst();
      if (!original) throw new AppError('card.entry_not_found', 404);
      const card = await lockCard(trx, original.card_id);
      if (!card || !canSeeCard(ctx.actor, card)) throw new AppError('card.entry_not_found', 404);
      const again = await trx.selectFrom('card_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
      if (again) throw conflict('card.already_reversed');
      const rev = reversalOf({ kind: original.kind as EntryKind, amount: Number(original.amount) });
      if (!rev.ok) throw conflict(rev.code);
      const out = await postEntry(
        trx,
        ctx,
        card,
        { kind: 'reversal', amount: rev.amount, note: reason, reversesId: entryId },
        { refundsAllowed: true, now: clock.now() },
      );
      return { status: 201, body: { card: toCard(out.card), entry: toEntry(out.entry) } };
    });
  }

  /** Freeze (a pause: only corrections pass), unfreeze, or close for good (nothing left on it); by version. */
  async function changeStatus(ctx: Ctx, id: string, input: { status: 'active' | 'frozen' | 'closed'; version: number }): Promise<Card> {
    await db.transaction().execute(async (trx) => {
      const card = await lockCard(trx, id);
      if (!card || !canSeeCard(ctx.actor, card)) throw cardNotFound();
      if (card.version !== input.version) throw conflict('card.version_conflict');
      const verdict = statusChange(card.status, input.status, Number(card.balance));
      if (!verdict.ok) throw conflict(verdict.code);
      await trx
        .updateTable('cards')
        .set({ status: input.status, version: card.version + 1 })
        .where('id', '=', id)
        .execute();
      const detail = { number: card.number, from: card.status, to: input.status };
      await appendAudit(trx, ctx, { action: 'card.status', entityType: 'card', entityId: id, detail });
      const actor = ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? { id: ctx.actor.id, name: ctx.actor.name } : null;
      await insertTimeline(trx, [{ customerId: card.customer_id, kind: 'card.status', data: detail, at: clock.now(), actor, refType: 'card', refId: id }]);
    });
    return get(ctx, id);
  }

  /**
   * For the bookings area (through index.ts): a booking charge or a no-show deduction written in the
   * caller's own transaction, so the booking and its charge commit together.
   */
  async function chargeInTransaction(
    trx: Db,
    ctx: Ctx,
    cardId: string,
    input: { kind: 'booking_charge' | 'no_show_deduction'; amount: number; bookingId: string; note?: string },
  ) {
    const card = await lockCard(trx, cardId);
    if (!card) throw cardNotFound();
    const out = await postEntry(trx, ctx, card, input, { refundsAllowed: false, now: clock.now() });
    return { card: toCard(out.card), entry: toEntry(out.entry) };
  }

  /** The receipt of one entry (the web prints it): card, customer's name, amount, balance after, who, when. */
  async function receipt(ctx: Ctx, entryId: string) {
    const e = await selectEntries(db).where('e.id', '=', entryId).executeTakeFirst();
    const row = e ? await findCard(db, e.card_id) : undefined;
    if (!e || !row || !canSeeCard(ctx.actor, row)) throw new AppError('card.entry_not_found', 404);
    const card = toCard(row);
    const entry = toEntry(e);
    return {
      cardNumber: card.number,
      typeName: card.typeName,
      unit: card.unit,
      customerName: card.customerName,
      kind: entry.kind,
      amount: entry.amount,
      balanceAfter: entry.balanceAfter,
      actorName: entry.actorName,
      at: entry.at,
      entryId: entry.id,
      seq: entry.seq,
    };
  }

  return {
    types,
    adjustments,
    bookingLink,
    moveCardsOnMerge,
    onTopUp,
    get,
    issue,
    changeStatus,
    list,
    entries,
    move,
    transfer,
    reverse,
    chargeInTransaction,
    receipt,
  };
}
export type CardService = ReturnType<typeof createCardService>;
