import { beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const MON = '2026-10-12';

describeEachDb('taking a booking with an Idempotency-Key', (env) => {
  let manager: Client;
  let agent: Client;
  let customerId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['membership'], '陈会籍');
    customerId = (await createCustomer(agent)).id;
  });

  it('the same key sent 10 times at once books once and answers the first result every time', async () => {
    const cls = await createResource(manager, { name: '拉丁舞班', kind: 'room', capacity: 12 });
    const body = bookingBody(customerId, cls.id, MON, '10:00', '11:00');
    const results = await Promise.all(Array.from({ length: 10 }, () => takeBooking(agent, body, { 'idempotency-key': 'retry-of-call-1' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const slot = await env().handle.db.selectFrom('booking_slots').select('taken').where('resource_id', '=', cls.id).executeTakeFirstOrThrow();
    expect(slot.taken).toBe(1);
  });

  it('without a key: 400; the same key with another body: refused', async () => {
    const teacher = await createResource(manager, { name: '钱老师' });
    const body = bookingBody(customerId, teacher.id, MON, '14:00', '15:00');
    const none = await agent.post('/api/v1/bookings', body);
    expect([none.status, none.body.code]).toEqual([400, 'idempotency.key_required']);
    expect((await takeBooking(agent, body, { 'idempotency-key': 'k-2' })).status).toBe(201);
    const other = await takeBooking(agent, { ...body, notes: '换了内容' }, { 'idempotency-key': 'k-2' });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency.key_reused']);
  });

  it('a refused request leaves its key unused: the retry after a cancellation books', async () => {
    const teacher = await createResource(manager, { name: '孔老师' });
    const first = await takeBooking(agent, bookingBody(customerId, teacher.id, MON, '16:00', '17:00'));
    const body = bookingBody(customerId, teacher.id, MON, '16:00', '17:00', { notes: '候补' });
    expect((await takeBooking(agent, body, { 'idempotency-key': 'k-3' })).body.code).toBe('booking.slot_full');
    await agent.post(`/api/v1/bookings/${first.body.id}/cancel`, { via: 'phone', version: first.body.version });
    const retry = await takeBooking(agent, body, { 'idempotency-key': 'k-3' });
    expect([retry.status, retry.body.notes, retry.headers['idempotent-replayed']]).toEqual([201, '候补', undefined]);
  });
});
