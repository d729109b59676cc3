import { beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { call } from './clients';
import { describeEachDb } from './helpers';

describeEachDb('calendar feeds by a secret token', (env) => {
  let manager: Client;
  let agent: Client;
  let other: Client;
  let resourceId: string;
  let customerId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    other = await userClient(env(), ['agent'], '刘子豪');
    resourceId = (await createResource(manager, { name: '秦老师' })).id;
    customerId = (await createCustomer(agent, '李娜')).id;
    await takeBooking(agent, bookingBody(customerId, resourceId, '2026-10-12', '09:00', '10:00'));
  });

  it('a token URL serves the feed without a session, stores only the hash, and stops when revoked', async () => {
    const made = await agent.post('/api/v1/bookings/feed-tokens', { customerId, label: '李娜的手机日历' });
    expect(made.status, made.text).toBe(201);
    expect(made.body.path).toBe(`/api/v1/bookings/feed/${made.body.token}.ics`);
    const stored = await env().handle.db.selectFrom('booking_feed_tokens').select('token_hash').where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(made.body.token);

    const feed = await call(env(), { url: made.body.path });
    expect(feed.status, feed.text).toBe(200);
    expect(String(feed.headers['content-type'])).toMatch(/^text\/calendar/);
    expect(feed.text).toContain('X-WR-CALNAME:李娜的预约');
    expect(feed.text).toContain('SUMMARY:秦老师');

    // a resource's token URL never names customers
    const res = await manager.post('/api/v1/bookings/feed-tokens', { resourceId });
    const rfeed = await call(env(), { url: res.body.path });
    expect(rfeed.text).toContain('SUMMARY:已预约');
    expect(rfeed.text).not.toContain('李娜');

    // only the maker (or a manager) sees and revokes it
    expect((await agent.get('/api/v1/bookings/feed-tokens')).body.items.map((t: { id: string }) => t.id)).toEqual([made.body.id]);
    expect((await other.delete(`/api/v1/bookings/feed-tokens/${made.body.id}`)).status).toBe(404);
    const revoked = await agent.delete(`/api/v1/bookings/feed-tokens/${made.body.id}`);
    expect(revoked.body.revokedAt).toBe('2026-10-09T02:00:00.000Z');
    expect((await call(env(), { url: made.body.path })).status).toBe(404);
    expect((await call(env(), { url: `/api/v1/bookings/feed/${'x'.repeat(32)}.ics` })).status).toBe(404);
  });

  it('a customer out of scope gets no token; one of resource or customer is required', async () => {
    expect((await other.post('/api/v1/bookings/feed-tokens', { customerId })).status).toBe(404);
    expect((await agent.post('/api/v1/bookings/feed-tokens', {})).status).toBe(400);
    expect((await agent.post('/api/v1/bookings/feed-tokens', { customerId, resourceId })).status).toBe(400);
    expect((await call(env(), { method: 'POST', url: '/api/v1/bookings/feed-tokens', body: { resourceId } })).status).toBe(401);
  });
});
