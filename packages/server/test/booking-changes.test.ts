import { afterEach, beforeAll, expect, it } from 'vitest';
import type { BookingEvent } from '../src/modules/bookings';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const FRI = '2026-10-09'; // the test clock: Friday 10:00 in Shanghai
const SAT = '2026-10-10';
const MON = '2026-10-12';

describeEachDb('booking changes under the windows of seed 004', (env) => {
  let manager: Client;
  let agent: Client;
  let customerId: string;
  let teacherId: string;
  const heard: { name: string; e: BookingEvent }[] = [];

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    customerId = (await createCustomer(agent, '李娜')).id;
    teacherId = (await createResource(manager, { name: '何老师' })).id;
    // the seam the cards module hooks: inside the booking's transaction
    env().app.services.bookings.on('no_show', async (_trx, _ctx, e) => void heard.push({ name: 'no_show', e }));
    env().app.services.bookings.on('waived', async (_trx, _ctx, e) => void heard.push({ name: 'waived', e }));
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  const book = async (day: string, from: string, to: string) => {
    const r = await takeBooking(agent, bookingBody(customerId, teacherId, day, from, to));
    expect(r.status, r.text).toBe(201);
    return r.body as { id: string; version: number; number: string };
  };

  it.each([
    // [day, from, to, via, allowed, hours in the refusal]
    [SAT, '10:00', '11:00', 'phone', true, 0], // exactly one day ahead
    [SAT, '09:00', '09:30', 'phone', false, 24], // 23 h ahead: too late by phone
    [SAT, '09:30', '10:00', 'self_service', true, 0], // 23.5 h ahead: fine in the app
    [FRI, '19:00', '20:00', 'front_desk', false, 24], // the desk works like the phone
    [FRI, '20:00', '21:00', 'self_service', false, 12], // 10 h ahead
  ] as const)('%s %s-%s cancelled by %s: allowed %s', async (day, from, to, via, allowed, hours) => {
    const b = await book(day, from, to);
    const res = await agent.post(`/api/v1/bookings/${b.id}/cancel`, { via, reason: '有事', version: b.version }, { 'accept-language': 'zh-CN' });
    if (allowed) {
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '有事', chargeWaived: false, version: b.version + 1 });
    } else {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('booking.frozen');
      expect(res.body.title).toBe(`距开始已不足 ${hours} 小时，预约已冻结，不能取消或改期；如因生病等特殊情况，请提交例外申请并附证明，由经理审批`);
      expect((await agent.get(`/api/v1/bookings/${b.id}`)).body.status).toBe('booked');
    }
  });

  it('the windows are settings: 48 hours by phone freezes a lesson 30 hours ahead', async () => {
    const b = await book(SAT, '16:00', '17:00');
    expect((await manager.put('/api/v1/bookings/settings', { phoneHoursAhead: 48, selfServiceHoursAhead: 12 })).status).toBe(200);
    try {
      const res = await agent.post(`/api/v1/bookings/${b.id}/cancel`, { via: 'phone', version: b.version }, { 'accept-language': 'en' });
      expect([res.status, res.body.code]).toEqual([409, 'booking.frozen']);
      expect(res.body.title).toMatch(/^Less than 48 hours/);
    } finally {
      await manager.put('/api/v1/bookings/settings', { phoneHoursAhead: 24, selfServiceHoursAhead: 12 });
    }
  });

  it('moves a booking outside the window; a taken time is full with quieter slots; a stale version is refused', async () => {
    const b = await book(MON, '14:00', '15:00');
    const other = await book(MON, '16:00', '17:00');
    const moved = await agent.post(`/api/v1/bookings/${b.id}/move`, {
      via: 'phone',
      startsAt: `${MON}T15:00:00+08:00`,
      endsAt: `${MON}T16:00:00+08:00`,
      version: b.version,
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-10-12T07:00:00.000Z', version: b.version + 1, status: 'booked' });
    const onto = await agent.post(`/api/v1/bookings/${b.id}/move`, {
      via: 'phone',
      startsAt: `${MON}T16:30:00+08:00`,
      endsAt: `${MON}T17:30:00+08:00`,
      version: b.version + 1,
    });
    expect([onto.status, onto.body.code]).toEqual([409, 'booking.slot_full']);
    expect(onto.body.suggestions.length).toBeGreaterThan(0);
    expect((await agent.get(`/api/v1/bookings/${b.id}`)).body.startsAt).toBe('2026-10-12T07:00:00.000Z');
    const stale = await agent.post(`/api/v1/bookings/${other.id}/cancel`, { via: 'phone', version: other.version + 5 });
    expect([stale.status, stale.body.code]).toEqual([409, 'booking.version_conflict']);
  });

  it('inside the window: an exception with proof, approved by the manager, cancels without charge and frees the time', async () => {
    const b = await book(FRI, '15:00', '16:00');
    expect((await agent.post(`/api/v1/bookings/${b.id}/cancel`, { via: 'phone', version: b.version })).body.code).toBe('booking.frozen');
    const asked = await agent.post(`/api/v1/bookings/${b.id}/exception`, {
      reason: 'illness',
      proofNote: '发烧，已发来医院病历照片',
      attachmentRef: 'wx-msg-20261009-001',
    });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.exceptions).toMatchObject([{ reason: 'illness', status: 'pending', requestedBy: '张晓燕', attachmentRef: 'wx-msg-20261009-001' }]);
    expect((await agent.post(`/api/v1/bookings/${b.id}/exception`, { reason: 'illness', proofNote: '再次提交' })).body.code).toBe('booking.exception_pending');
    expect((await agent.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: true })).status).toBe(403);
    const approved = await manager.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: true, note: '病历属实' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'cancelled',
      chargeWaived: true,
      exceptions: [{ status: 'approved', decidedBy: '王经理', decisionNote: '病历属实' }],
    });
    expect(heard.find((h) => h.name === 'waived' && h.e.bookingId === b.id)?.e).toMatchObject({ customerId, resourceId: teacherId, number: b.number });
    expect((await takeBooking(agent, bookingBody(customerId, teacherId, FRI, '15:00', '16:00'))).status).toBe(201);
  });

  it('a refused exception leaves the booking as it was', async () => {
    const b = await book(FRI, '17:00', '18:00');
    await agent.post(`/api/v1/bookings/${b.id}/exception`, { reason: 'other', proofNote: '临时加班' });
    const refused = await manager.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: false, note: '非特殊情况' });
    expect(refused.body).toMatchObject({ status: 'booked', chargeWaived: false, exceptions: [{ status: 'rejected' }] });
    expect((await manager.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: true })).body.code).toBe('booking.no_pending_exception');
  });

  it('attendance once the lesson has begun; a no-show tells the cards module and can still be excused', async () => {
    const b = await book(FRI, '14:00', '15:00');
    expect((await agent.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'no_show', version: b.version })).body.code).toBe('booking.not_started');
    env().clock.set('2026-10-09T07:10:00Z'); // 15:10
    const marked = await agent.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'no_show', version: b.version });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.body.status).toBe('no_show');
    expect(heard.filter((h) => h.name === 'no_show').map((h) => h.e.bookingId)).toEqual([b.id]);
    expect((await agent.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'attended', version: b.version + 1 })).body.code).toBe(
      'booking.invalid_transition',
    );
    await agent.post(`/api/v1/bookings/${b.id}/exception`, { reason: 'illness', proofNote: '急诊病历' });
    const excused = await manager.post(`/api/v1/bookings/${b.id}/exception/decision`, { approve: true });
    expect(excused.body).toMatchObject({ status: 'cancelled', chargeWaived: true });

    const c = await book(FRI, '18:00', '19:00');
    env().clock.set('2026-10-09T10:05:00Z'); // 18:05
    expect((await agent.post(`/api/v1/bookings/${c.id}/attendance`, { outcome: 'attended', version: c.version })).body.status).toBe('attended');
  });

  it("every step is on the customer's timeline and in the audit log", async () => {
    const timeline = await agent.get(`/api/v1/customers/${customerId}/timeline?limit=200`);
    const kinds = new Set(timeline.body.items.map((e: { kind: string }) => e.kind));
    for (const k of [
      'booking.booked',
      'booking.cancelled',
      'booking.moved',
      'booking.no_show',
      'booking.attended',
      'booking.exception_requested',
      'booking.exception_approved',
      'booking.exception_rejected',
    ]) {
      expect(kinds, k).toContain(k);
    }
    // in the department's zone, as people say it (the time after the move, and the one before)
    const moved = timeline.body.items.find((e: { kind: string }) => e.kind === 'booking.moved');
    expect(moved.summary).toMatch(/^预约 YY\d{8}-\d{4}（何老师，10月12日 15:00）已改期，原时间 10月12日 14:00$/);
    const audit = await env().handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'booking.%').execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'booking.create',
      'booking.cancel',
      'booking.move',
      'booking.no_show',
      'booking.attended',
      'booking.exception_request',
      'booking.exception_approved',
      'booking.exception_rejected',
    ]) {
      expect(actions, a).toContain(a);
    }
    const lists = await agent.get(`/api/v1/bookings?customerId=${customerId}`);
    expect(lists.body.items.length).toBeGreaterThan(5);
  });
});
