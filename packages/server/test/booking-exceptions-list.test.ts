import type { ExceptionListItem } from '@kefu/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { call } from './clients';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const FRI = '2026-10-09'; // the test clock: Friday 10:00 in Shanghai, so this afternoon is inside the frozen window

describeEachDb("the manager's list of exception requests", (env) => {
  let manager: Client;
  let agent: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    const customerId = (await createCustomer(agent, '黄蓉')).id;
    const teacherId = (await createResource(manager, { name: '郭老师' })).id;
    // three requests filed at 10:00, 10:05 and 10:10: the list must not depend on insertion order alone
    for (const [i, from, to, at] of [
      [0, '17:00', '18:00', '2026-10-09T02:10:00Z'],
      [1, '15:00', '16:00', '2026-10-09T02:00:00Z'],
      [2, '16:00', '17:00', '2026-10-09T02:05:00Z'],
    ] as const) {
      const b = await takeBooking(agent, bookingBody(customerId, teacherId, FRI, from, to));
      expect(b.status, b.text).toBe(201);
      env().clock.set(at);
      const asked = await agent.post(`/api/v1/bookings/${b.body.id}/exception`, { reason: 'illness', proofNote: `病历 ${i}` });
      expect(asked.status, asked.text).toBe(201);
      ids[i] = b.body.id;
    }
  });
  afterAll(() => env().clock.set('2026-10-09T02:00:00Z'));

  const mine = (items: ExceptionListItem[]) => items.filter((e) => ids.includes(e.bookingId));

  it('lists the waiting requests oldest first with their booking; a decided one moves to status=decided', async () => {
    const res = await manager.get('/api/v1/bookings/exceptions?status=pending');
    expect(res.status, res.text).toBe(200);
    expect(mine(res.body.items).map((e) => e.bookingId)).toEqual([ids[1], ids[2], ids[0]]);
    expect(res.body.items[0]).toMatchObject({
      bookingNumber: expect.any(String),
      customerName: '黄蓉',
      resourceName: '郭老师',
      startsAt: '2026-10-09T07:00:00.000Z',
      requestedBy: '张晓燕',
      requestedAt: '2026-10-09T02:00:00.000Z',
      proofNote: '病历 1',
      reason: 'illness',
      status: 'pending',
    });

    // paging: one at a time, in the same order
    const first = await manager.get('/api/v1/bookings/exceptions?status=pending&limit=1');
    const second = await manager.get(`/api/v1/bookings/exceptions?status=pending&limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].bookingId, second.body.items[0].bookingId]).toEqual([ids[1], ids[2]]);

    env().clock.set('2026-10-09T02:20:00Z');
    expect((await manager.post(`/api/v1/bookings/${ids[2]}/exception/decision`, { approve: true, note: '病历属实' })).status).toBe(200);
    const pending = await manager.get('/api/v1/bookings/exceptions');
    expect(mine(pending.body.items).map((e) => e.bookingId)).toEqual([ids[1], ids[0]]);
    const decided = await manager.get('/api/v1/bookings/exceptions?status=decided');
    expect(mine(decided.body.items)).toMatchObject([{ bookingId: ids[2], status: 'approved', decidedBy: '王经理', decisionNote: '病历属实' }]);
  });

  it('refuses an agent (no booking:approve) with 403 and a caller without a session with 401; a bad status is 400', async () => {
    expect((await agent.get('/api/v1/bookings/exceptions')).status).toBe(403);
    expect((await call(env(), { method: 'GET', url: '/api/v1/bookings/exceptions' })).status).toBe(401);
    expect((await manager.get('/api/v1/bookings/exceptions?status=all')).status).toBe(400);
    expect((await manager.get('/api/v1/bookings/exceptions?cursor=abc')).status).toBe(400);
  });
});
