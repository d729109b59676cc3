import { holdVerdict, settlementFor, type BookingStep, type CardKind } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import type { BookingEvent, BookingEventName, BookingHook } from '../bookings';
import { postEntry } from './card.ledger';
import { canSeeCard } from './card.policy';
import { findCard, lockCard, selectEntries, type CardRow } from './card.repo';

const badCard = () => new AppError('card.not_found', 400, {}, { errors: [{ path: 'cardId', message: 'card.not_found' }] });

/**
 * Bookings charged to a lessons card (seed 004 约课排课 / 旷课 / 临时取消课), run INSIDE the booking's own
 * transaction through its hooks, so a booking and its hold or charge commit together or not at all.
 * Every step locks the card row first: two bookings of the last lesson queue there, and the second reads
 * what the first left (the CHECK held <= balance is the last word). Each hold is settled once: its row
 * moves from `held` only by a conditional update, and one charge per booking is a unique index.
 */
export function createCardBookings(deps: { clock: Clock }) {
  const { clock } = deps;

  /**
   * The card `e` names, judged for it: the customer's own active lessons card, valid on the day, with the
   * lessons available (balance less what other bookings hold); otherwise the refusal is thrown. A waiting-list
   * offer skips the reader's scope: the card was checked when the entry joined, by someone who saw it.
   */
  function judge(ctx: Ctx, e: BookingEvent, card: CardRow | undefined) {
    if (!card || (!e.offer && !canSeeCard(ctx.actor, card))) throw badCard();
    const verdict = holdVerdict(
      {
        kind: card.kind as CardKind,
        status: card.status,
        customerId: card.customer_id,
        balance: Number(card.balance),
        held: Number(card.held),
        expiresAt: card.expires_at,
      },
      { customerId: e.customerId, places: e.places, startsAt: e.startsAt },
    );
    if (!verdict.ok) {
      const params = { number: card.number, available: verdict.available, date: card.expires_at?.toISOString().slice(0, 10) ?? '' };
      if (verdict.code === 'card.booking_other_customer' || verdict.code === 'card.booking_not_lessons')
        throw new AppError(verdict.code, 400, params, { errors: [{ path: 'cardId', message: verdict.code }] });
      throw conflict(verdict.code, params);
    }
    return { card, amount: verdict.amount };
  }

  /** `booked`: the card's lessons are held for the booking, or the booking is refused. */
  async function hold(trx: Db, ctx: Ctx, e: BookingEvent) {
    if (!e.cardId) return;
    const { card, amount } = judge(ctx, e, await lockCard(trx, e.cardId));
    await trx
      .updateTable('cards')
      .set((eb) => ({ held: eb('held', '+', amount) }))
      .where('id', '=', card.id)
      .execute();
    await trx.insertInto('card_holds').values({ booking_id: e.bookingId, card_id: card.id, amount, created_at: clock.now() }).execute();
  }

  /** `waitlisted`: the card a waiting-list entry names is judged as a booking's would be; nothing is held until a place is offered. */
  async function check(trx: Db, ctx: Ctx, e: BookingEvent) {
    if (e.cardId) judge(ctx, e, await findCard(trx, e.cardId));
  }

  /** attended / no_show / cancelled / waived: charge the hold, give it back, or reverse the charge already made. */
  async function settle(trx: Db, ctx: Ctx, e: BookingEvent, step: BookingStep) {
    const h = await trx.selectFrom('card_holds').selectAll().where('booking_id', '=', e.bookingId).forUpdate().executeTakeFirst();
    const plan = settlementFor(step, h?.state ?? null);
    if (!h || plan.do === 'nothing') return;
    const card = await lockCard(trx, h.card_id);
    if (!card) throw new AppError('card.not_found', 404);
    const now = clock.now();
    const amount = Number(h.amount);
    if (plan.do === 'charge') {
      const note = e.number;
      const out = await postEntry(
        trx,
        ctx,
        card,
        { kind: plan.kind, amount, bookingId: e.bookingId, note },
        { refundsAllowed: false, now, settlesHold: amount },
      );
      await trx
        .updateTable('card_holds')
        .set({ state: 'charged', entry_id: out.entry.id, settled_at: now })
        .where('booking_id', '=', e.bookingId)
        .where('state', '=', 'held')
        .execute();
    } else if (plan.do === 'release') {
      await trx
        .updateTable('cards')
        .set((eb) => ({ held: eb('held', '-', amount), version: eb('version', '+', 1) }))
        .where('id', '=', card.id)
        .execute();
      await trx
        .updateTable('card_holds')
        .set({ state: 'released', settled_at: now })
        .where('booking_id', '=', e.bookingId)
        .where('state', '=', 'held')
        .execute();
    } else {
      const charged = await selectEntries(trx).where('e.id', '=', h.entry_id!).executeTakeFirstOrThrow();
      if (charged.reversed_by) return; // already given back (the unique reverses_id holds it under any race)
      await postEntry(
        trx,
        ctx,
        card,
        { kind: 'reversal', amount: -Number(charged.amount), reversesId: charged.id, note: e.number, bookingId: e.bookingId },
        { refundsAllowed: true, now },
      );
    }
  }

  const hooks: Record<BookingEventName, BookingHook> = {
    booked: hold,
    attended: (trx, ctx, e) => settle(trx, ctx, e, 'attended'),
    no_show: (trx, ctx, e) => settle(trx, ctx, e, 'no_show'),
    cancelled: (trx, ctx, e) => settle(trx, ctx, e, 'cancelled'),
    waived: (trx, ctx, e) => settle(trx, ctx, e, 'waived'),
    waitlisted: check,
  };

  /** Registers the hooks on the bookings service (app.ts). */
  function attach(bookings: { on(name: BookingEventName, hook: BookingHook): void }) {
    for (const [name, hook] of Object.entries(hooks) as [BookingEventName, BookingHook][]) bookings.on(name, hook);
  }

  return { hold, check, settle, attach };
}
