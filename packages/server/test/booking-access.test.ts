import { beforeAll, expect, it } from 'vitest';
import { bookingBody, buildResource, createCustomer, createResource, HOURS, takeBooking } from './booking-fixtures';
import { call } from './clients';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('booking and resource routes: who may do what', (env) => {
  let manager: Client;
  let agent: Client;
  let handler: Client;
  let resourceId: string;
  let bookingId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    handler = await userClient(env(), ['handler'], '餐厅');
    resourceId = (await createResource(manager, { name: '冯老师' })).id;
    const customer = await createCustomer(agent, '黄蓉');
    bookingId = (await takeBooking(agent, bookingBody(customer.id, resourceId, '2026-10-12', '09:00', '10:00'))).body.id;
  });

  const v = { version: 1 };
  const routes = () =>
    [
      ['GET', '/api/v1/resources', undefined, 'booking:read'],
      ['POST', '/api/v1/resources', buildResource(), 'resource:manage'],
      ['GET', `/api/v1/resources/${resourceId}`, undefined, 'booking:read'],
      ['PATCH', `/api/v1/resources/${resourceId}`, { notes: 'x', ...v }, 'resource:manage'],
      [
        'POST',
        `/api/v1/resources/${resourceId}/closures`,
        { startsAt: '2026-11-01T09:00:00+08:00', endsAt: '2026-11-01T12:00:00+08:00', reason: '维护' },
        'resource:manage',
      ],
      ['GET', '/api/v1/bookings/settings', undefined, 'booking:read'],
      ['PUT', '/api/v1/bookings/settings', { phoneHoursAhead: 24, selfServiceHoursAhead: 12 }, 'resource:manage'],
      ['GET', `/api/v1/bookings?resourceId=${resourceId}&date=2026-10-12`, undefined, 'booking:read'],
      [
        'POST',
        '/api/v1/bookings',
        { customerId: resourceId, resourceId, startsAt: '2026-10-12T09:00:00+08:00', endsAt: '2026-10-12T10:00:00+08:00', channel: 'phone' },
        'booking:take',
      ],
      ['GET', '/api/v1/bookings/exceptions?status=pending', undefined, 'booking:approve'],
      ['GET', '/api/v1/bookings/waitlist.xlsx', undefined, 'booking:read'],
      ['GET', `/api/v1/bookings/${bookingId}`, undefined, 'booking:read'],
      ['GET', `/api/v1/bookings/feed.ics?resourceId=${resourceId}`, undefined, 'booking:read'],
      ['POST', `/api/v1/bookings/${bookingId}/cancel`, { via: 'phone', ...v }, 'booking:take'],
      [
        'POST',
        `/api/v1/bookings/${bookingId}/move`,
        { via: 'phone', startsAt: '2026-10-12T10:00:00+08:00', endsAt: '2026-10-12T11:00:00+08:00', ...v },
        'booking:take',
      ],
      ['POST', `/api/v1/bookings/${bookingId}/attendance`, { outcome: 'attended', ...v }, 'booking:take'],
      ['POST', `/api/v1/bookings/${bookingId}/exception`, { reason: 'illness', proofNote: '病历' }, 'booking:take'],
      ['POST', `/api/v1/bookings/${bookingId}/exception/decision`, { approve: true }, 'booking:approve'],
    ] as const;

  it('every route answers 401 without a session', async () => {
    for (const [method, url, body] of routes()) {
      const res = await call(env(), { method, url, ...(body ? { body } : {}) });
      expect([method, url, res.status]).toEqual([method, url, 401]);
    }
  });

  it('every route answers 403 to a role without the permission (the department handler has none of them)', async () => {
    for (const [method, url, body] of routes()) {
      const res = await (method === 'GET'
        ? handler.get(url)
        : method === 'PATCH'
          ? handler.patch(url, body)
          : method === 'PUT'
            ? handler.put(url, body)
            : handler.post(url, body));
      expect([method, url, res.status]).toEqual([method, url, 403]);
    }
  });

  it('an agent reads and books but neither keeps resources nor approves exceptions', async () => {
    expect((await agent.get('/api/v1/resources')).status).toBe(200);
    expect((await agent.post('/api/v1/resources', buildResource())).status).toBe(403);
    expect((await agent.post(`/api/v1/bookings/${bookingId}/exception/decision`, { approve: true })).status).toBe(403);
  });

  it("a booking of a customer out of the reader's scope is not found; an unknown resource is 404", async () => {
    const other = await userClient(env(), ['agent'], '刘子豪');
    expect((await other.get(`/api/v1/bookings/${bookingId}`)).status).toBe(404);
    expect((await other.post(`/api/v1/bookings/${bookingId}/cancel`, { via: 'phone', version: 1 })).status).toBe(404);
    expect((await manager.get(`/api/v1/resources/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('resources: a unique name, optimistic versions, capacity fixed at creation', async () => {
    const r = await createResource(manager, { name: '陈教练', kind: 'coach', openingHours: HOURS });
    expect((await manager.post('/api/v1/resources', buildResource({ name: '陈教练' }))).body).toMatchObject({ status: 409, code: 'resource.name_taken' });
    const ok = await manager.patch(`/api/v1/resources/${r.id}`, { name: '陈教练（网球）', version: r.version });
    expect([ok.status, ok.body.version, ok.body.name]).toEqual([200, 2, '陈教练（网球）']);
    expect((await manager.patch(`/api/v1/resources/${r.id}`, { notes: 'x', version: r.version })).body.code).toBe('resource.version_conflict');
    // capacity is not among the fields one may change: it is ignored
    const cap = await manager.patch(`/api/v1/resources/${r.id}`, { capacity: 5, version: 2 });
    expect([cap.status, cap.body.capacity]).toEqual([200, 1]);
    const off = await manager.patch(`/api/v1/resources/${r.id}`, { active: false, version: 3 });
    expect(off.body.active).toBe(false);
    expect((await agent.get('/api/v1/resources')).body.items.map((x: { id: string }) => x.id)).not.toContain(r.id);
    expect((await agent.get('/api/v1/resources?all=true')).body.items.map((x: { id: string }) => x.id)).toContain(r.id);
  });
});
