import { afterEach, beforeAll, expect, it } from 'vitest';
import { bookingBody, createResource, takeBooking } from './booking-fixtures';
import { createCardType, issueCard, move } from './card-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const MON = '2026-10-12'; // the test clock stands at Friday 9 October 2026, 10:00 in Shanghai
const TUE = '2026-10-13';

type Entry = {
  id: string;
  status: string;
  cardId: string | null;
  offerBookingId: string | null;
  offerCardRefusal: { code: string; message: string } | null;
  version: number;
};

/**
 * The waiting list charged to a lessons card (issue 6, seed 004 约课排课 / 候补; decision 018): the entry
 * names the customer's card, judged as a booking's would be; the offer (a real held booking) holds the
 * lesson in its own transaction, or is made without the card and says why; a declined or expired offer
 * gives the lesson back; two offers of one last lesson never hold more than the balance.
 */
describeEachDb('waiting list charged to a lessons card', (env) => {
  let manager: Client;
  let officer: Client;
  let lessonsType: string;
  let storedType: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    officer = await userClient(env(), ['membership'], '周会籍');
    lessonsType = (await createCardType(manager, { kind: 'lessons', name: '私教课时卡', course: '私教' })).id;
    storedType = (await createCardType(manager)).id;
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  const member = async (lessons: number, name: string) => {
    const card = await issueCard(officer, lessonsType, name);
    if (lessons) expect((await move(officer, card.id, 'top_up', lessons)).status).toBe(201);
    return card;
  };
  const teacher = async () => (await createResource(manager, { name: `秦老师-${Math.random().toString(36).slice(2, 6)}` })).id;
  const cardOf = async (id: string) => (await officer.get(`/api/v1/cards/${id}`)).body as { balance: number; held: number; version: number };
  const entry = async (id: string): Promise<Entry> =>
    (await officer.get('/api/v1/bookings/waitlist?status=all', { 'accept-language': 'zh-CN' })).body.items.find((e: Entry) => e.id === id);
  const holdOf = (bookingId: string) => env().handle.db.selectFrom('card_holds').selectAll().where('booking_id', '=', bookingId).executeTakeFirst();
  /** A one-place time taken by someone else, and the card's customer waiting for it with the card. */
  const fullTime = async (resourceId: string, day: string, from: string, to: string) => {
    const other = await member(0, '占位客户');
    const taken = await takeBooking(officer, bookingBody(other.customerId, resourceId, day, from, to));
    expect(taken.status, taken.text).toBe(201);
    return taken.body as { id: string; version: number };
  };
  const join = (card: { id: string; customerId: string }, resourceId: string, day: string, from: string, to: string) =>
    officer.post('/api/v1/bookings/waitlist', bookingBody(card.customerId, resourceId, day, from, to, { cardId: card.id }), { 'accept-language': 'zh-CN' });
  const cancel = (b: { id: string; version: number }) => officer.post(`/api/v1/bookings/${b.id}/cancel`, { via: 'phone', reason: '改期', version: b.version });

  it('the card is judged when joining: only the customer’s own lessons card with lessons left', async () => {
    const t = await teacher();
    await fullTime(t, MON, '09:00', '10:00');
    const card = await member(1, '陈学员');
    const other = await member(3, '李学员');
    const wrongOwner = await officer.post('/api/v1/bookings/waitlist', bookingBody(card.customerId, t, MON, '09:00', '10:00', { cardId: other.id }));
    expect([wrongOwner.status, wrongOwner.body.code]).toEqual([400, 'card.booking_other_customer']);
    const stored = await issueCard(officer, storedType, '储值客户');
    const notLessons = await join(stored, t, MON, '09:00', '10:00');
    expect([notLessons.status, notLessons.body.code]).toEqual([400, 'card.booking_not_lessons']);
    const empty = await member(0, '钱学员');
    const none = await join(empty, t, MON, '09:00', '10:00');
    expect([none.status, none.body.code]).toEqual([409, 'card.insufficient_lessons']);
    expect(none.body.title).toBe(`课时不足：会员卡 ${empty.number} 可用课时 0（已扣除其他预约占用），请先续卡`);
    // a refused card leaves no entry behind
    const live = (await officer.get(`/api/v1/bookings/waitlist?customerId=${empty.customerId}`)).body.items;
    expect(live).toEqual([]);
    const ok = await join(card, t, MON, '09:00', '10:00');
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ status: 'waiting', cardId: card.id, offerCardRefusal: null });
    // joining holds nothing yet
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 0 });
  });

  it('the offer holds the lesson on the card; declined, the hold is released; accepted and attended, it is charged', async () => {
    const t = await teacher();
    const first = await fullTime(t, MON, '14:00', '15:00');
    const card = await member(2, '孙学员');
    const w = (await join(card, t, MON, '14:00', '15:00')).body as Entry;
    expect((await cancel(first)).status).toBe(200);
    const offered = await entry(w.id);
    expect(offered).toMatchObject({ status: 'offered', cardId: card.id, offerCardRefusal: null });
    const held = (await officer.get(`/api/v1/bookings/${offered.offerBookingId}`)).body;
    expect(held).toMatchObject({ status: 'booked', cardId: card.id });
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 1 });
    expect(await holdOf(offered.offerBookingId!)).toMatchObject({ card_id: card.id, state: 'held' });

    // the customer declines: the held booking is cancelled and the lesson comes back
    const dec = await officer.post(`/api/v1/bookings/waitlist/${w.id}/decline`, { version: offered.version });
    expect(dec.body.status, dec.text).toBe('declined');
    expect((await officer.get(`/api/v1/bookings/${offered.offerBookingId}`)).body.status).toBe('cancelled');
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 0 });
    expect(await holdOf(offered.offerBookingId!)).toMatchObject({ state: 'released' });

    // again on another time, accepted and attended: the held lesson is charged once
    const second = await fullTime(t, TUE, '14:00', '15:00');
    const w2 = (await join(card, t, TUE, '14:00', '15:00')).body as Entry;
    await cancel(second);
    const o2 = await entry(w2.id);
    const acc = await officer.post(`/api/v1/bookings/waitlist/${w2.id}/accept`, { version: o2.version });
    expect(acc.body.status, acc.text).toBe('accepted');
    expect(await cardOf(card.id)).toMatchObject({ balance: 2, held: 1 });
    env().clock.set('2026-10-13T07:10:00Z'); // Tuesday 15:10: the lesson is over (a new session: the old one idled out)
    const desk = await userClient(env(), ['membership'], '吴会籍');
    const b = (await desk.get(`/api/v1/bookings/${o2.offerBookingId}`)).body;
    const marked = await desk.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'attended', version: b.version });
    expect(marked.status, marked.text).toBe(200);
    const after = (await desk.get(`/api/v1/cards/${card.id}`)).body;
    expect(after).toMatchObject({ balance: 1, held: 0 });
    const entries = (await desk.get(`/api/v1/cards/${card.id}/entries`)).body.items;
    expect(entries[0]).toMatchObject({ kind: 'booking_charge', amount: -1, bookingId: b.id, note: b.number });
  });

  it('an offer nobody confirms expires and gives the lesson back', async () => {
    const t = await teacher();
    const first = await fullTime(t, MON, '16:00', '17:00');
    const card = await member(1, '周学员');
    const w = (await join(card, t, MON, '16:00', '17:00')).body as Entry;
    await cancel(first);
    expect(await cardOf(card.id)).toMatchObject({ held: 1 });
    env().clock.set('2026-10-09T04:00:00Z'); // two hours later
    expect((await env().app.services.bookings.waitlist.sweep()).expired).toBeGreaterThanOrEqual(1);
    expect((await entry(w.id)).status).toBe('expired');
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 0 });
  });

  it('a card that can no longer hold the lesson at offer time: the place is offered without the card, and the entry says why', async () => {
    const t = await teacher();
    const first = await fullTime(t, MON, '18:00', '19:00');
    const card = await member(1, '吴学员');
    const w = (await join(card, t, MON, '18:00', '19:00')).body as Entry;
    // meanwhile the last lesson is spent at the desk
    expect((await move(officer, card.id, 'spend', 1)).status).toBe(201);
    await cancel(first);
    const offered = await entry(w.id);
    expect(offered.status).toBe('offered');
    expect(offered.offerCardRefusal).toEqual({
      code: 'card.insufficient_lessons',
      message: `课时不足：会员卡 ${card.number} 可用课时 0（已扣除其他预约占用），请先续卡`,
    });
    expect((await officer.get(`/api/v1/bookings/${offered.offerBookingId}`)).body).toMatchObject({ status: 'booked', cardId: null });
    expect(await holdOf(offered.offerBookingId!)).toBeUndefined();
    expect(await cardOf(card.id)).toMatchObject({ balance: 0, held: 0 });

    // a frozen card: the same, with its own reason (in the reader's language)
    const t2 = await teacher();
    const f = await fullTime(t2, TUE, '09:00', '10:00');
    const frozen = await member(3, '郑学员');
    const wf = (await join(frozen, t2, TUE, '09:00', '10:00')).body as Entry;
    const c = await cardOf(frozen.id);
    expect((await officer.post(`/api/v1/cards/${frozen.id}/status`, { status: 'frozen', version: c.version })).status).toBe(200);
    await cancel(f);
    const ef = (await officer.get('/api/v1/bookings/waitlist?status=all', { 'accept-language': 'en' })).body.items.find((e: Entry) => e.id === wf.id);
    expect(ef).toMatchObject({ status: 'offered', offerCardRefusal: { code: 'card.inactive', message: 'The card is frozen or closed' } });
    expect(await cardOf(frozen.id)).toMatchObject({ balance: 3, held: 0 });
  });

  it('two places freed at once for one customer’s last lesson: two offers, the card holds one lesson', async () => {
    const [t1, t2] = [await teacher(), await teacher()];
    const a = await fullTime(t1, TUE, '14:00', '15:00');
    const b = await fullTime(t2, TUE, '16:00', '17:00');
    const card = await member(1, '冯学员');
    const w1 = (await join(card, t1, TUE, '14:00', '15:00')).body as Entry;
    const w2 = (await join(card, t2, TUE, '16:00', '17:00')).body as Entry;
    const res = await Promise.all([cancel(a), cancel(b)]);
    expect(res.map((r) => r.status)).toEqual([200, 200]);
    const offers = [await entry(w1.id), await entry(w2.id)];
    expect(offers.map((o) => o.status)).toEqual(['offered', 'offered']);
    const withCard = offers.filter((o) => o.offerCardRefusal === null);
    const without = offers.filter((o) => o.offerCardRefusal !== null);
    expect(withCard).toHaveLength(1);
    expect(without.map((o) => o.offerCardRefusal!.code)).toEqual(['card.insufficient_lessons']);
    expect(await cardOf(card.id)).toMatchObject({ balance: 1, held: 1 });
    const holds = await env().handle.db.selectFrom('card_holds').select(['booking_id', 'state']).where('card_id', '=', card.id).execute();
    expect(holds).toEqual([{ booking_id: withCard[0]!.offerBookingId, state: 'held' }]);
  });
});
