import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const SAT = '2026-10-10';
const MON = '2026-10-12';

describeEachDb('booking capacity, enforced by the database', (env) => {
  let manager: Client;
  let agent: Client;
  let customerId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['membership'], '陈会籍');
    customerId = (await createCustomer(agent)).id;
  });

  it('takes a booking with a number, who took it and the channel; the same time on the one-place resource is full', async () => {
    const teacher = await createResource(manager, { name: '周老师', kind: 'teacher' });
    const res = await takeBooking(agent, bookingBody(customerId, teacher.id, SAT, '10:00', '11:00', { notes: '第一次课' }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      status: 'booked',
      channel: 'phone',
      takenBy: '陈会籍',
      resourceName: '周老师',
      customerName: '李娜',
      places: 1,
      notes: '第一次课',
    });
    expect(res.body.number).toMatch(/^YY20261009-\d{4}$/);

    const overlap = await takeBooking(agent, bookingBody(customerId, teacher.id, SAT, '10:30', '11:30'), { 'accept-language': 'zh-CN' });
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({ code: 'booking.slot_full', title: expect.stringContaining('该时段已约满') });
    // seed 004 引导合理排课: quieter times offered, weekday mornings first
    expect(overlap.body.suggestions.length).toBeGreaterThan(0);
    const first = new Date(overlap.body.suggestions[0].startsAt);
    expect(first.getTime()).toBeGreaterThan(env().clock.now().getTime());
    expect(new Date(first.getTime() + 8 * 3_600_000).getUTCHours()).toBeLessThan(12);

    // back to back ([) ranges) and another resource at the same time are fine
    expect((await takeBooking(agent, bookingBody(customerId, teacher.id, SAT, '11:00', '12:00'))).status).toBe(201);
    const other = await createResource(manager, { name: '吴老师' });
    expect((await takeBooking(agent, bookingBody(customerId, other.id, SAT, '10:00', '11:00'))).status).toBe(201);
  });

  it('50 requests at once for a one-place resource: exactly one succeeds, 49 get 409 with quieter slots', async () => {
    const court = await createResource(manager, { name: '1号球场', kind: 'court' });
    const results = await Promise.all(Array.from({ length: 50 }, () => takeBooking(agent, bookingBody(customerId, court.id, MON, '09:00', '10:00'))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.body).toMatchObject({ status: 409, code: 'booking.slot_full', suggestions: expect.any(Array) });
    const count = await env()
      .handle.db.selectFrom('bookings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('resource_id', '=', court.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('50 requests at once for the last place of a class of 12: exactly one succeeds, the slot holds 12', async () => {
    const cls = await createResource(manager, { name: '少儿舞蹈班', kind: 'room', capacity: 12 });
    for (let i = 0; i < 11; i++) {
      const r = await takeBooking(agent, bookingBody(customerId, cls.id, MON, '10:00', '11:00'));
      expect(r.status, r.text).toBe(201);
    }
    const results = await Promise.all(Array.from({ length: 50 }, () => takeBooking(agent, bookingBody(customerId, cls.id, MON, '10:00', '11:00'))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(49);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'booking.slot_full', title: '该时段已约满；可以引导客户改约较空闲的时段（工作日上午老师时间较宽裕）' });
    const slot = await env().handle.db.selectFrom('booking_slots').select(['taken', 'capacity']).where('resource_id', '=', cls.id).executeTakeFirstOrThrow();
    expect(slot).toEqual({ taken: 12, capacity: 12 });
    const day = await agent.get(`/api/v1/bookings?resourceId=${cls.id}&date=${MON}`);
    expect(day.body.items).toHaveLength(12);
  });

  it('a class is booked at its scheduled times; a party takes several places; cancelling frees them', async () => {
    const cls = await createResource(manager, { name: '成人瑜伽', kind: 'room', capacity: 3 });
    const party = await takeBooking(agent, bookingBody(customerId, cls.id, MON, '14:00', '15:00', { places: 2 }));
    expect(party.status, party.text).toBe(201);
    expect((await takeBooking(agent, bookingBody(customerId, cls.id, MON, '14:30', '15:30'))).body.code).toBe('booking.slot_mismatch');
    expect((await takeBooking(agent, bookingBody(customerId, cls.id, MON, '14:00', '15:00', { places: 2 }))).body.code).toBe('booking.slot_full');
    const cancel = await agent.post(`/api/v1/bookings/${party.body.id}/cancel`, { via: 'phone', reason: '改天', version: party.body.version });
    expect(cancel.status, cancel.text).toBe(200);
    expect((await takeBooking(agent, bookingBody(customerId, cls.id, MON, '14:00', '15:00', { places: 3 }))).status).toBe(201);
  });

  it('10 cancellations of one booking at once: one succeeds, the places come back once', async () => {
    const cls = await createResource(manager, { name: '亲子游泳', kind: 'room', capacity: 3 });
    const b = await takeBooking(agent, bookingBody(customerId, cls.id, MON, '16:00', '17:00', { places: 2 }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => agent.post(`/api/v1/bookings/${b.body.id}/cancel`, { via: 'phone', version: b.body.version })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([r.status, r.body.code]).toEqual([409, 'booking.version_conflict']);
    const slot = await env().handle.db.selectFrom('booking_slots').select('taken').where('resource_id', '=', cls.id).executeTakeFirstOrThrow();
    expect(slot.taken).toBe(0);
  });

  it('refuses the past, closed hours, maintenance closures and more places than the resource has', async () => {
    const court = await createResource(manager, { name: '2号球场', kind: 'court', capacity: 4 });
    const closure = await manager.post(`/api/v1/resources/${court.id}/closures`, {
      startsAt: '2026-10-13T08:00:00+08:00',
      endsAt: '2026-10-13T21:00:00+08:00',
      reason: '草皮保养',
    });
    expect(closure.status, closure.text).toBe(201);
    expect(closure.body.closures).toMatchObject([{ reason: '草皮保养' }]);
    const cases: [Record<string, unknown>, number, string][] = [
      [bookingBody(customerId, court.id, '2026-10-09', '09:00', '10:00'), 400, 'booking.in_past'],
      [bookingBody(customerId, court.id, '2026-10-11', '10:00', '11:00'), 409, 'booking.closed_hours'], // Sunday
      [bookingBody(customerId, court.id, MON, '11:30', '12:30'), 409, 'booking.closed_hours'],
      [bookingBody(customerId, court.id, '2026-10-13', '10:00', '11:00'), 409, 'booking.closure'],
      [bookingBody(customerId, court.id, MON, '15:00', '16:00', { places: 5 }), 400, 'booking.places_exceed_capacity'],
    ];
    for (const [body, status, code] of cases) {
      const r = await takeBooking(agent, body);
      expect([r.status, r.body.code], JSON.stringify(body)).toEqual([status, code]);
    }
  });

  it('an agent books only customers in their scope; others are "no such customer"', async () => {
    const teacher = await createResource(manager, { name: '郑老师' });
    const agentA = await userClient(env(), ['agent'], '张晓燕');
    const r = await takeBooking(agentA, bookingBody(customerId, teacher.id, SAT, '09:00', '10:00'));
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'customerId']);
    const own = await createCustomer(agentA, '刘洋');
    expect((await takeBooking(agentA, bookingBody(own.id, teacher.id, SAT, '09:00', '10:00'))).status).toBe(201);
    // the schedule shows the other booking without the name of a customer the agent may not see
    await takeBooking(agent, bookingBody(customerId, teacher.id, SAT, '13:00', '14:00'));
    const day = await agentA.get(`/api/v1/bookings?resourceId=${teacher.id}&date=${SAT}`);
    expect(day.body.items.map((b: { customerName: string | null }) => b.customerName)).toEqual(['刘洋', null]);
  });

  describe('the guards themselves', () => {
    it('the database refuses an overlapping one-place booking and an over-full slot written past the service', async () => {
      const db = env().handle.db;
      const teacher = await createResource(manager, { name: '孙老师' });
      await takeBooking(agent, bookingBody(customerId, teacher.id, SAT, '15:00', '16:00'));
      const raw = sql`insert into bookings (number, customer_id, resource_id, starts_at, ends_at, exclusive, channel, taken_by_name)
        values ('YY20261009-9999', ${customerId}, ${teacher.id}, ${'2026-10-10T15:30:00+08:00'}, ${'2026-10-10T16:30:00+08:00'}, true, 'phone', 'x')`;
      await expect(raw.execute(db)).rejects.toMatchObject({ code: '23P01' });
      const cls = await createResource(manager, { name: '篮球班', kind: 'court', capacity: 2 });
      await takeBooking(agent, bookingBody(customerId, cls.id, SAT, '15:00', '16:00', { places: 2 }));
      await expect(sql`update booking_slots set taken = taken + 1 where resource_id = ${cls.id}`.execute(db)).rejects.toMatchObject({ code: '23514' });
    });
  });
});
