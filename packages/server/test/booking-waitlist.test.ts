import ExcelJS from 'exceljs';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, sh, takeBooking } from './booking-fixtures';
import { createCardType, issueCard, move } from './card-fixtures';
import { userClient, type Client } from './factories';
import { rawClient } from './files';
import { describeEachDb } from './helpers';

const MON = '2026-10-12'; // the test clock stands at Friday 9 October 2026, 10:00 in Shanghai

describeEachDb('waiting list and the refused-twice flag', (env) => {
  let manager: Client;
  let agent: Client;
  let other: Client;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    other = await userClient(env(), ['agent'], '刘子豪');
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  const join = (c: Client, customerId: string, resourceId: string, from: string, to: string) =>
    c.post('/api/v1/bookings/waitlist', bookingBody(customerId, resourceId, MON, from, to));
  const entry = async (id: string) => (await manager.get(`/api/v1/bookings/waitlist?status=all`)).body.items.find((e: { id: string }) => e.id === id);
  /** The waiting list's xlsx as the reader downloads it: its rows (the header first) and its file name. */
  const read = async (c: Client, query: string) => {
    const res = await (await rawClient(env(), c)).get(`/api/v1/bookings/waitlist.xlsx?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    return { rows, disposition: res.headers['content-disposition'] };
  };

  it('two refusals in a row flag the customer; the waiting list offers a freed place in order, a decline passes it on, expiry frees it', async () => {
    const teacher = (await createResource(manager, { name: '秦老师' })).id;
    const a = (await createCustomer(agent, '张伟')).id;
    const b = (await createCustomer(agent, '李娜')).id;
    const c = (await createCustomer(other, '王芳')).id;
    const taken = await takeBooking(agent, bookingBody(a, teacher, MON, '09:00', '10:00'));
    expect(taken.status).toBe(201);

    // refused twice for a full time: flagged, with the count in the refusal
    const r1 = await takeBooking(agent, bookingBody(b, teacher, MON, '09:00', '10:00'));
    expect(r1.status).toBe(409);
    expect(r1.body).toMatchObject({ code: 'booking.slot_full', refusedInRow: 1, flagged: false });
    const r2 = await takeBooking(agent, bookingBody(b, teacher, MON, '09:30', '10:30'));
    expect(r2.body).toMatchObject({ code: 'booking.slot_full', refusedInRow: 2, flagged: true });
    expect((await agent.get(`/api/v1/bookings/refusals/${b}`)).body).toMatchObject({ refusedInRow: 2, flagged: true });
    expect((await agent.get('/api/v1/bookings/refusals')).body.items.map((i: { customerId: string }) => i.customerId)).toContain(b);
    expect((await other.get(`/api/v1/bookings/refusals/${b}`)).status).toBe(404);

    // both wait, in order
    const wb = await join(agent, b, teacher, '09:00', '10:00');
    expect(wb.status, wb.text).toBe(201);
    expect(wb.body).toMatchObject({ status: 'waiting', position: 1, customerName: '李娜' });
    expect((await join(agent, b, teacher, '09:00', '10:00')).body.code).toBe('waitlist.already_waiting');
    const wc = await join(other, c, teacher, '09:00', '10:00');
    expect(wc.body).toMatchObject({ status: 'waiting', position: 2 });

    // the booked customer cancels: the place is held for 李娜 (a real booking), 王芳 moves up
    await agent.post(`/api/v1/bookings/${taken.body.id}/cancel`, { via: 'phone', version: taken.body.version });
    const offered = await entry(wb.body.id);
    expect(offered).toMatchObject({ status: 'offered', position: null, offerExpiresAt: '2026-10-09T04:00:00.000Z' });
    const held = await agent.get(`/api/v1/bookings/${offered.offerBookingId}`);
    expect(held.body).toMatchObject({ status: 'booked', customerId: b, startsAt: '2026-10-12T01:00:00.000Z' });
    expect((await entry(wc.body.id)).position).toBe(1);
    // nobody else can take the held place
    const d = (await createCustomer(agent, '赵敏')).id;
    expect((await takeBooking(agent, bookingBody(d, teacher, MON, '09:00', '10:00'))).status).toBe(409);
    // the agent who put 李娜 on the list is told
    const notes = (await agent.get('/api/v1/notifications')).body.items;
    expect(notes[0]).toMatchObject({ kind: 'booking_waitlist_offer', link: `/bookings/${offered.offerBookingId}` });
    expect(notes[0].title).toContain('李娜');

    // 李娜 declines: the place goes to 王芳 (told to 刘子豪, who took her entry)
    const dec = await agent.post(`/api/v1/bookings/waitlist/${wb.body.id}/decline`, { version: offered.version });
    expect(dec.body.status, dec.text).toBe('declined');
    expect((await agent.get(`/api/v1/bookings/${offered.offerBookingId}`)).body.status).toBe('cancelled');
    const toC = await entry(wc.body.id);
    expect(toC.status).toBe('offered');
    expect((await other.get('/api/v1/notifications')).body.items[0].title).toContain('王芳');

    // nobody answers for 2 hours: the offer expires, the place is free again
    env().clock.set('2026-10-09T04:00:00Z');
    expect(await env().app.services.bookings.waitlist.sweep()).toEqual({ expired: 1 });
    expect((await entry(wc.body.id)).status).toBe('expired');
    expect((await other.get(`/api/v1/bookings/${toC.offerBookingId}`)).body.status).toBe('cancelled');
    const free = await takeBooking(agent, bookingBody(d, teacher, MON, '09:00', '10:00'));
    expect(free.status).toBe(201);
  });

  it('an accepted offer is a booking and clears the flag; stale versions and wrong states are refused', async () => {
    const teacher = (await createResource(manager, { name: '何老师' })).id;
    const a = (await createCustomer(agent, '周杰')).id;
    const b = (await createCustomer(agent, '吴磊')).id;
    const taken = await takeBooking(agent, bookingBody(a, teacher, MON, '14:00', '15:00'));
    await takeBooking(agent, bookingBody(b, teacher, MON, '14:00', '15:00'));
    await takeBooking(agent, bookingBody(b, teacher, MON, '14:00', '15:00'));
    expect((await agent.get(`/api/v1/bookings/refusals/${b}`)).body.flagged).toBe(true);
    const w = await join(agent, b, teacher, '14:00', '15:00');
    expect((await agent.post(`/api/v1/bookings/waitlist/${w.body.id}/accept`, { version: w.body.version })).body.code).toBe('waitlist.invalid_state');
    await agent.post(`/api/v1/bookings/${taken.body.id}/cancel`, { via: 'phone', version: taken.body.version });
    const offered = await entry(w.body.id);
    expect((await agent.post(`/api/v1/bookings/waitlist/${w.body.id}/accept`, { version: w.body.version })).status).toBe(409);
    const ok = await agent.post(`/api/v1/bookings/waitlist/${w.body.id}/accept`, { version: offered.version });
    expect(ok.body.status, ok.text).toBe('accepted');
    expect((await agent.get(`/api/v1/bookings/refusals/${b}`)).body).toMatchObject({ refusedInRow: 0, flagged: false });
    // a later sweep leaves an accepted booking alone
    env().clock.set('2026-10-09T06:00:00Z');
    await env().app.services.bookings.waitlist.sweep();
    expect((await agent.get(`/api/v1/bookings/${offered.offerBookingId}`)).body.status).toBe('booked');
  });

  it('two cancellations at once make two offers to the first two waiting, never one place twice', async () => {
    const cls = (await createResource(manager, { name: '瑜伽班', kind: 'room', capacity: 2 })).id;
    const booked = [];
    for (const name of ['甲', '乙']) {
      const id = (await createCustomer(agent, `学员${name}`)).id;
      booked.push((await takeBooking(agent, bookingBody(id, cls, MON, '18:00', '19:00'))).body);
    }
    const waiting = [];
    for (const name of ['丙', '丁', '戊']) {
      const id = (await createCustomer(agent, `学员${name}`)).id;
      waiting.push((await join(agent, id, cls, '18:00', '19:00')).body);
    }
    const res = await Promise.all(booked.map((b) => agent.post(`/api/v1/bookings/${b.id}/cancel`, { via: 'phone', version: b.version })));
    expect(res.map((r) => r.status)).toEqual([200, 200]);
    const states = await Promise.all(waiting.map((w) => entry(w.id)));
    expect(states.map((s) => s.status)).toEqual(['offered', 'offered', 'waiting']);
    expect(new Set(states.slice(0, 2).map((s) => s.offerBookingId)).size).toBe(2);
    const slot = await env()
      .handle.db.selectFrom('booking_slots')
      .select('taken')
      .where('resource_id', '=', cls)
      .where('starts_at', '=', new Date(sh(MON, '18:00')))
      .executeTakeFirstOrThrow();
    expect(slot.taken).toBe(2);
  });

  it('needs booking:take to join, and a customer one may see', async () => {
    const teacher = (await createResource(manager, { name: '孙老师' })).id;
    const mine = (await createCustomer(agent, '钱多多')).id;
    const archivist = await userClient(env(), ['archivist'], '档案员');
    expect((await archivist.post('/api/v1/bookings/waitlist', bookingBody(mine, teacher, MON, '09:00', '10:00'))).status).toBe(403);
    expect((await other.post('/api/v1/bookings/waitlist', bookingBody(mine, teacher, MON, '09:00', '10:00'))).body.code).toBe('booking.unknown_customer');
  });
  it("exports the list as xlsx: the day's entries in the department's zone, and only the customers the reader may see", async () => {
    const teacher = (await createResource(manager, { name: '冯老师' })).id;
    const a = (await createCustomer(agent, '郑爽')).id;
    const b = (await createCustomer(other, '罗晋')).id;
    await takeBooking(agent, bookingBody(a, teacher, MON, '16:00', '17:00'));
    expect((await join(other, b, teacher, '16:00', '17:00')).status).toBe(201);
    const mine = await read(manager, `resourceId=${teacher}&date=${MON}`);
    expect(mine.disposition).toBe(`attachment; filename="waitlist-${MON}.xlsx"`);
    expect(mine.rows[0]).toEqual(['客户', '项目', '日期', '时间', '人数', '状态', '候补位次', '留位截止', '扣课卡', '未扣课原因', '登记人', '登记时间']);
    expect(mine.rows.slice(1)).toEqual([['罗晋', '冯老师', MON, '16:00-17:00', 1, '候补中', 1, '', '不扣课', '', '刘子豪', '2026-10-09 10:00']]);
    // another day: none; the agent who does not own 罗晋 does not see the entry
    expect((await read(manager, `resourceId=${teacher}&date=2026-10-13`)).rows).toHaveLength(1);
    expect((await read(agent, `resourceId=${teacher}`)).rows.slice(1).map((r) => r[0])).toEqual([]);
    expect((await (await rawClient(env(), manager)).get('/api/v1/bookings/waitlist.xlsx?date=10-12')).status).toBe(400);
  });

  it('the list and its xlsx name the card an entry is charged to (扣课卡), and why the offer was made without it', async () => {
    const officer = await userClient(env(), ['membership'], '周会籍');
    const lessons = (await createCardType(manager, { kind: 'lessons', name: '私教课时卡', course: '私教' })).id;
    const teacher = (await createResource(manager, { name: '韩老师' })).id;
    const card = await issueCard(officer, lessons, '孔学员');
    expect((await move(officer, card.id, 'top_up', 1)).status).toBe(201);
    const first = await takeBooking(officer, bookingBody((await createCustomer(officer, '占位客户')).id, teacher, MON, '18:00', '19:00'));
    expect(first.status, first.text).toBe(201);
    const joined = await officer.post('/api/v1/bookings/waitlist', bookingBody(card.customerId, teacher, MON, '18:00', '19:00', { cardId: card.id }));
    expect(joined.status, joined.text).toBe(201);
    expect(joined.body).toMatchObject({ cardId: card.id, cardNumber: card.number, offerCardRefusal: null });
    const waiting = await read(manager, `resourceId=${teacher}`);
    expect(waiting.rows.slice(1)).toEqual([['孔学员', '韩老师', MON, '18:00-19:00', 1, '候补中', 1, '', card.number, '', '周会籍', '2026-10-09 10:00']]);
    // the last lesson is spent at the desk, then the place frees: offered without the card, and the row says why
    expect((await move(officer, card.id, 'spend', 1)).status).toBe(201);
    expect((await officer.post(`/api/v1/bookings/${first.body.id}/cancel`, { via: 'phone', version: first.body.version })).status).toBe(200);
    const why = `课时不足：会员卡 ${card.number} 可用课时 0（已扣除其他预约占用），请先续卡`;
    expect(await entry(joined.body.id)).toMatchObject({ status: 'offered', cardNumber: card.number, offerCardRefusal: { message: why } });
    const offered = await read(manager, `resourceId=${teacher}`);
    expect(offered.rows.slice(1)).toEqual([
      ['孔学员', '韩老师', MON, '18:00-19:00', 1, '已留位待确认', '', '2026-10-09 12:00', card.number, why, '周会籍', '2026-10-09 10:00'],
    ]);
  });
});
