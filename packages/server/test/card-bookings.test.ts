import { afterEach, beforeAll, expect, it } from 'vitest';
import { bookingBody, createResource, takeBooking } from './booking-fixtures';
import { createCardType, issueCard, move } from './card-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const FRI = '2026-10-09'; // the test clock: Friday 10:00 in Shanghai
const MON = '2026-10-12';
const TUE = '2026-10-13';

/**
 * Bookings charged to a lessons card (issue 6, seed 004 约课排课 / 旷课 / 临时取消课): the booking holds
 * the lesson, attendance charges it, a no-show deducts it, a cancellation in time or an excuse gives it
 * back, and nothing is ever charged twice.
 */
describeEachDb('bookings charged to a lessons card', (env) => {
  let manager: Client;
  let officer: Client;
  let lessonsType: string;
  let storedType: string;
  let teacherId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    officer = await userClient(env(), ['membership'], '周会籍');
    lessonsType = (await createCardType(manager, { kind: 'lessons', name: '私教课时卡', course: '私教' })).id;
    storedType = (await createCardType(manager)).id;
    teacherId = (await createResource(manager, { name: `刘教练-${Math.random().toString(36).slice(2, 6)}` })).id;
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  /** A member with a lessons card holding `lessons`. */
  const member = async (lessons: number, name = '陈学员') => {
    const card = await issueCard(officer, lessonsType, name);
    if (lessons) expect((await move(officer, card.id, 'top_up', lessons)).status).toBe(201);
    return card;
  };
  const cardOf = async (id: string) => (await officer.get(`/api/v1/cards/${id}`)).body as { balance: number; held: number };
  const entriesOf = async (id: string) => (await officer.get(`/api/v1/cards/${id}/entries`)).body.items as { kind: string; amount: number; note: string }[];
  const book = async (card: { id: string; customerId: string }, day: string, from: string, to: string, client = officer) => {
    const r = await takeBooking(client, bookingBody(card.customerId, teacherId, day, from, to, { cardId: card.id }), { 'accept-language': 'zh-CN' });
    return r;
  };

  it('a booking holds a lesson; attendance charges it once (booking_charge), the hold is gone', async () => {
    const card = await member(2);
    const b = await book(card, FRI, '14:00', '15:00');
    expect(b.status, b.text).toBe(201);
    expect(b.body.cardId).toBe(card.id);
    // the booking says which card it is charged to and where the lesson stands (the booking page shows it)
    expect(b.body.card).toEqual({ number: card.number, typeName: '私教课时卡', hold: 'held' });
    expect((await officer.get(`/api/v1/bookings/${b.body.id}`)).body.card).toEqual({ number: card.number, typeName: '私教课时卡', hold: 'held' });
    // an agent sees the booking on the schedule, but not the card of a customer outside their scope
    const agent = await userClient(env(), ['agent'], '赵客服');
    const day = (await agent.get(`/api/v1/bookings?resourceId=${teacherId}&date=${FRI}`)).body.items as {
      id: string;
      customerName: string | null;
      card: unknown;
    }[];
    expect(day.find((x) => x.id === b.body.id)).toMatchObject({ customerName: null, card: null });
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 1 });
    env().clock.set('2026-10-09T07:10:00Z'); // 15:10
    const marked = await officer.post(`/api/v1/bookings/${b.body.id}/attendance`, { outcome: 'attended', version: b.body.version });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.body.card).toMatchObject({ number: card.number, hold: 'charged' });
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 0 });
    const [charge] = await entriesOf(card.id);
    expect(charge).toMatchObject({ kind: 'booking_charge', amount: -1, note: b.body.number });
    // the same step again is refused by the booking's own rules; the ledger still has one charge
    const again = await officer.post(`/api/v1/bookings/${b.body.id}/attendance`, { outcome: 'attended', version: marked.body.version });
    expect(again.status).toBe(409);
    expect((await entriesOf(card.id)).filter((e) => e.kind === 'booking_charge')).toHaveLength(1);
    // and the database refuses a second charge of one booking, whatever the code does
    const db = env().handle.db;
    const cardRow = await db.selectFrom('cards').select(['balance']).where('id', '=', card.id).executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('card_entries')
        .values({
          card_id: card.id,
          kind: 'booking_charge',
          amount: -1,
          balance_after: Number(cardRow.balance) - 1,
          booking_id: b.body.id,
          actor_name: 'x',
          at: new Date(),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('a no-show deducts the lesson (no_show_deduction); the approved illness exception reverses it', async () => {
    const card = await member(3);
    const b = (await book(card, FRI, '16:00', '17:00')).body;
    env().clock.set('2026-10-09T09:10:00Z'); // 17:10
    const marked = await officer.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'no_show', version: b.version });
    expect(marked.status, marked.text).toBe(200);
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 0 });
    expect((await entriesOf(card.id))[0]).toMatchObject({ kind: 'no_show_deduction', amount: -1 });
    expect((await officer.post(`/api/v1/bookings/${b.id}/exception`, { reason: 'illness', proofNote: '医院病历' })).status).toBe(201);
    const excused = await manager.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: true });
    expect(excused.body).toMatchObject({ status: 'cancelled', chargeWaived: true });
    expect(await cardOf(card.id)).toMatchObject({ balance: 3, held: 0 });
    const [reversal, deduction] = await entriesOf(card.id);
    expect(reversal).toMatchObject({ kind: 'reversal', amount: 1 });
    expect(deduction).toMatchObject({ kind: 'no_show_deduction' });
  });

  it('a cancellation in time, or an approved exception before the lesson, charges nothing and frees the lesson', async () => {
    const card = await member(1);
    const b = (await book(card, MON, '14:00', '15:00')).body;
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 1 });
    const cancelled = await officer.post(`/api/v1/bookings/${b.id}/cancel`, { via: 'phone', reason: '出差', version: b.version });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.card).toMatchObject({ number: card.number, hold: 'released' });
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 0 });
    // the lesson is free again: inside the frozen window only an excuse cancels, and gives it back
    const late = (await book(card, FRI, '19:00', '20:00')).body;
    expect(await cardOf(card.id)).toMatchObject({ held: 1 });
    await officer.post(`/api/v1/bookings/${late.id}/exception`, { reason: 'illness', proofNote: '发烧' });
    expect((await manager.post(`/api/v1/bookings/${late.id}/exception/decision`, { approve: true })).body.status).toBe('cancelled');
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 0 });
    expect((await entriesOf(card.id)).map((e) => e.kind)).toEqual(['top_up']);
  });

  it('refuses a booking the card cannot pay (约课 requires remaining lessons), and a spend of a held lesson', async () => {
    const card = await member(1, '赵学员');
    expect((await book(card, MON, '16:00', '17:00')).status).toBe(201);
    const second = await book(card, TUE, '16:00', '17:00');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('card.insufficient_lessons');
    expect(second.body.title).toBe(`课时不足：会员卡 ${card.number} 可用课时 0（已扣除其他预约占用），请先续卡`);
    const spend = await move(officer, card.id, 'spend', 1, undefined, { 'accept-language': 'zh-CN' });
    expect(spend.status).toBe(409);
    expect(spend.body.code).toBe('card.held_by_bookings');
    // nothing was written by the refusals: one booking, one hold
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 1 });
    const empty = await member(0, '钱学员');
    expect((await book(empty, TUE, '18:00', '19:00')).body.code).toBe('card.insufficient_lessons');
  });

  it('only a lessons card of the booking customer; a booking without a card is not charged', async () => {
    const card = await member(2, '孙学员');
    const other = await member(2, '李学员');
    const wrongOwner = await takeBooking(officer, bookingBody(card.customerId, teacherId, TUE, '09:00', '10:00', { cardId: other.id }));
    expect([wrongOwner.status, wrongOwner.body.code]).toEqual([400, 'card.booking_other_customer']);
    const stored = await issueCard(officer, storedType, '孙储值');
    const notLessons = await takeBooking(officer, bookingBody(stored.customerId, teacherId, TUE, '09:00', '10:00', { cardId: stored.id }));
    expect([notLessons.status, notLessons.body.code]).toEqual([400, 'card.booking_not_lessons']);
    const missing = await takeBooking(
      officer,
      bookingBody(card.customerId, teacherId, TUE, '09:00', '10:00', { cardId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect([missing.status, missing.body.code]).toEqual([400, 'card.not_found']);
    const plain = await takeBooking(officer, bookingBody(card.customerId, teacherId, TUE, '10:00', '11:00'));
    expect(plain.status, plain.text).toBe(201);
    expect([plain.body.cardId, plain.body.card]).toEqual([null, null]);
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 0 });
  });

  it('the last lesson booked at five times at once: one booking succeeds, the card holds one lesson', async () => {
    const card = await member(1, '吴学员');
    const times = ['09:00', '10:00', '11:00', '14:00', '15:00'];
    const results = await Promise.all(times.map((t) => book(card, '2026-10-14', t, `${String(Number(t.slice(0, 2)) + 1).padStart(2, '0')}:00`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('card.insufficient_lessons');
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 1 });
    const holds = await env().handle.db.selectFrom('card_holds').select('state').where('card_id', '=', card.id).execute();
    expect(holds).toEqual([{ state: 'held' }]);
  });

  it('the ledger check still holds: balances equal the sum of entries, holds equal the open ones', async () => {
    const res = await manager.post('/api/v1/cards/verify', {});
    expect(res.status).toBe(200);
    expect(res.body.mismatches).toEqual([]);
    const db = env().handle.db;
    const cards = await db.selectFrom('cards').select(['id', 'held']).execute();
    const open = await db.selectFrom('card_holds').select(['card_id', 'amount']).where('state', '=', 'held').execute();
    for (const c of cards) expect(Number(c.held), c.id).toBe(open.filter((h) => h.card_id === c.id).reduce((s, h) => s + Number(h.amount), 0));
  });
});
