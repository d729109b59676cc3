import { beforeAll, describe, expect, it } from 'vitest';
import type { bearer } from './clients';
import { call, createApiKey } from './clients';
import { buildCustomer, createUser, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';
import { agentWithExtension, listening, openStream, pbxClient } from './telephony-fixtures';

describeEachDb('telephony events and the screen pop', (env) => {
  let admin: Client;
  let manager: Client;
  let pbx: ReturnType<typeof bearer>;
  let base: string;
  let callNo = 0;
  const callId = () => `1760000000.${++callNo}`;

  beforeAll(async () => {
    admin = await userClient(env(), ['admin']);
    manager = await userClient(env(), ['manager']);
    pbx = await pbxClient(env(), admin);
    base = await listening(env());
  });

  describe('the event endpoint', () => {
    it('needs an API key with telephony:events (401 without, 403 with a session or another key) and a valid body (400)', async () => {
      const event = { type: 'ringing', callId: 'x-1', caller: '13800138000', called: '4008001234', extension: '701' };
      expect((await call(env(), { method: 'POST', url: '/api/v1/telephony/events', body: event })).status).toBe(401);
      expect((await call(env(), { method: 'POST', url: '/api/v1/telephony/events', body: event, headers: { authorization: 'Bearer nope' } })).status).toBe(401);
      const agent = await userClient(env(), ['agent']);
      expect((await agent.post('/api/v1/telephony/events', event)).status).toBe(403);
      const other = await createApiKey(env(), admin, ['customer:read'], 'shop');
      expect((await other.client.post('/api/v1/telephony/events', event)).status).toBe(403);
      const bad = await pbx.post('/api/v1/telephony/events', { type: 'hangup', callId: '' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['callId', 'type']);
    });
  });

  describe('extensions', () => {
    it('the admin sets a user’s extension; one extension per user, refused in Chinese; cleared with an empty value', async () => {
      const a = await createUser(env(), ['agent']);
      const b = await createUser(env(), ['agent']);
      const set = await admin.patch(`/api/v1/users/${a.id}`, { extension: '6601', version: a.version });
      expect(set.status).toBe(200);
      expect(set.body.extension).toBe('6601');
      const taken = await admin.patch(`/api/v1/users/${b.id}`, { extension: '6601', version: b.version });
      expect(taken.status).toBe(400);
      expect(taken.body.errors).toEqual([{ path: 'extension', message: '分机号已分配给其他用户' }]);
      expect((await admin.patch(`/api/v1/users/${b.id}`, { extension: '66a', version: b.version })).body.errors[0].path).toBe('extension');
      const cleared = await admin.patch(`/api/v1/users/${a.id}`, { extension: '', version: set.body.version });
      expect(cleared.body.extension).toBeNull();
    });
  });

  describe('ringing', () => {
    it('pops the caller card on the stream of the agent whose extension rings, and on no one else’s', async () => {
      const a = await agentWithExtension(env());
      const b = await agentWithExtension(env());
      const input = buildCustomer({ name: '王丽', tierCode: 'vip' });
      const customer = (await manager.post('/api/v1/customers', input)).body;
      const sa = await openStream(base, a.cookie);
      const sb = await openStream(base, b.cookie);
      expect(sa.status).toBe(200);
      expect(sa.contentType).toMatch(/text\/event-stream/);
      await sa.next((e) => e.event === 'current');
      await sb.next((e) => e.event === 'current');
      const id = callId();
      const res = await pbx.post('/api/v1/telephony/events', {
        type: 'ringing',
        callId: id,
        caller: `+86 ${input.mobile}`,
        called: '4008001234',
        extension: a.extension,
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ callId: id, state: 'ringing', customerId: customer.id, agentId: a.user.id });
      const pop = await sa.next((e) => e.event === 'call' && e.data.callId === id);
      expect(pop.data).toMatchObject({ state: 'ringing', customerId: customer.id });
      expect(pop.id).toBe(`${id}:ringing`);
      // B's stream heard nothing of A's call (a second event for B proves its stream is alive)
      const idB = callId();
      await pbx.post('/api/v1/telephony/events', { type: 'ringing', callId: idB, caller: '02166668888', called: '4008001234', extension: b.extension });
      await sb.next((e) => e.event === 'call' && e.data.callId === idB);
      expect(sb.events.some((e) => e.event === 'call' && e.data.callId === id)).toBe(false);

      // the card: the agent does not own the customer, yet sees the card because the call rings for them (audited)
      const card = await a.client.get(`/api/v1/telephony/calls/${encodeURIComponent(id)}/card`);
      expect(card.status).toBe(200);
      expect(card.body.customer).toMatchObject({
        id: customer.id,
        name: '王丽',
        tierCode: 'vip',
        canOpen: false,
        openComplaints: 0,
        nextBooking: null,
        cards: [],
        lastContacts: [],
      });
      expect(card.body.call.number).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(card.body.newCustomerMobile).toBeNull();
      const audit = await env()
        .handle.db.selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('entity_id', '=', customer.id)
        .where('action', '=', 'customer.read_by_call')
        .execute();
      expect(audit).toEqual([{ action: 'customer.read_by_call', actor_id: a.user.id }]);
      // anyone else without the customer in scope: 404; the manager (read_all) sees it
      expect((await b.client.get(`/api/v1/telephony/calls/${encodeURIComponent(id)}/card`)).status).toBe(404);
      expect((await manager.get(`/api/v1/telephony/calls/${encodeURIComponent(id)}/card`)).status).toBe(200);
      sa.close();
      sb.close();
    });

    it('an unknown number pops as unknown, with the number to open a new customer with', async () => {
      const a = await agentWithExtension(env());
      const s = await openStream(base, a.cookie);
      await s.next((e) => e.event === 'current');
      const id = callId();
      await pbx.post('/api/v1/telephony/events', { type: 'ringing', callId: id, caller: '008613912345678', called: '4008001234', extension: a.extension });
      const pop = await s.next((e) => e.event === 'call' && e.data.callId === id);
      expect(pop.data.customerId).toBeNull();
      const card = await a.client.get(`/api/v1/telephony/calls/${id}/card`);
      expect(card.body).toMatchObject({ customer: null, newCustomerMobile: '13912345678', call: { number: '13912345678', state: 'ringing' } });
      s.close();
    });

    it('finds the customer by a landline among their other phones, dialled in any form', async () => {
      const a = await agentWithExtension(env());
      const customer = (await a.client.post('/api/v1/customers', buildCustomer({ name: '陈刚', otherPhones: ['010-8888 6666'] }))).body;
      for (const caller of ['+86 10 8888 6666', '861088886666', '01088886666']) {
        const res = await pbx.post('/api/v1/telephony/events', { type: 'ringing', callId: callId(), caller, called: '4008001234', extension: a.extension });
        expect(res.body.customerId, caller).toBe(customer.id);
      }
      // a mobile with the trunk 0 a PBX puts before calls from other cities
      const res = await pbx.post('/api/v1/telephony/events', {
        type: 'ringing',
        callId: callId(),
        caller: `0${customer.mobile}`,
        called: '4008001234',
        extension: a.extension,
      });
      expect(res.body.customerId).toBe(customer.id);
    });

    it('a reopened stream is sent the agent’s current call first', async () => {
      const a = await agentWithExtension(env());
      const id = callId();
      await pbx.post('/api/v1/telephony/events', { type: 'ringing', callId: id, caller: '13700001111', called: '4008001234', extension: a.extension });
      const s = await openStream(base, a.cookie);
      const current = await s.next((e) => e.event === 'current');
      expect(current.data).toMatchObject({ callId: id, state: 'ringing' });
      s.close();
      expect((await call(env(), { url: '/api/v1/telephony/stream' })).status).toBe(401);
    });
  });

  describe('ended', () => {
    it('writes one interaction with the talk time, however often the PBX repeats it', async () => {
      const a = await agentWithExtension(env());
      const customer = (await a.client.post('/api/v1/customers', buildCustomer({ name: '赵敏' }))).body;
      const id = callId();
      const ev = { callId: id, caller: customer.mobile, called: '4008001234', extension: a.extension };
      await pbx.post('/api/v1/telephony/events', { ...ev, type: 'ringing', at: '2026-10-09T09:58:00+08:00' });
      await pbx.post('/api/v1/telephony/events', { ...ev, type: 'answered', at: '2026-10-09T09:58:10+08:00' });
      const first = await pbx.post('/api/v1/telephony/events', { ...ev, type: 'ended', at: '2026-10-09T10:01:15+08:00', recordingRef: 'rec/1.wav' });
      expect(first.status).toBe(202);
      const again = await Promise.all([1, 2, 3].map(() => pbx.post('/api/v1/telephony/events', { ...ev, type: 'ended', at: '2026-10-09T10:09:00+08:00' })));
      expect(again.map((r) => r.body.interactionId)).toEqual([1, 2, 3].map(() => first.body.interactionId));
      const rows = await env().handle.db.selectFrom('interactions').selectAll().where('call_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        customer_id: customer.id,
        agent_id: a.user.id,
        channel: 'phone',
        direction: 'inbound',
        duration_seconds: 185,
        outcome: 'pending',
        recording_ref: 'rec/1.wav',
      });
      // a late `ringing` does not reopen the call
      await pbx.post('/api/v1/telephony/events', { ...ev, type: 'ringing' });
      const card = await a.client.get(`/api/v1/telephony/calls/${id}/card`);
      expect(card.body.call).toMatchObject({ state: 'ended', durationSeconds: 185, interactionId: first.body.interactionId });
      // on the customer's timeline, once
      const timeline = await env()
        .handle.db.selectFrom('timeline_events')
        .select('kind')
        .where('customer_id', '=', customer.id)
        .where('kind', '=', 'interaction.recorded')
        .execute();
      expect(timeline).toHaveLength(1);
      // the agent's list and the next pop's last contacts show it
      const list = await a.client.get(`/api/v1/interactions?customerId=${customer.id}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ durationSeconds: 185, phone: customer.mobile, agentId: a.user.id });
    });

    it('a call never answered is recorded as no answer, with the duration the PBX gives or none', async () => {
      const a = await agentWithExtension(env());
      const id = callId();
      await pbx.post('/api/v1/telephony/events', { type: 'ringing', callId: id, caller: '13600002222', called: '4008001234', extension: a.extension });
      const res = await pbx.post('/api/v1/telephony/events', { type: 'ended', callId: id, caller: '13600002222', called: '4008001234' });
      const row = await env().handle.db.selectFrom('interactions').selectAll().where('id', '=', res.body.interactionId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ outcome: 'no_answer', duration_seconds: 0, customer_id: null, agent_id: a.user.id, phone: '13600002222' });
    });
  });
});
