import { beforeAll, describe, expect, it } from 'vitest';
import { call, type bearer } from './clients';
import { buildCustomer, uniqueMobile, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';
import { agentWithExtension, pbxClient } from './telephony-fixtures';

/**
 * An unknown caller becomes a customer from the pop, and every contact moves the customer's last
 * contact forward (never back), in the transaction that records it. The test clock is 2026-10-09 10:00
 * in Shanghai; events carry their own times before it.
 */
describeEachDb('telephony: the unknown caller’s new customer, and last contact', (env) => {
  let admin: Client;
  let manager: Client;
  let pbx: ReturnType<typeof bearer>;
  let callNo = 0;
  const callId = () => `1770000000.${++callNo}`;

  beforeAll(async () => {
    admin = await userClient(env(), ['admin']);
    manager = await userClient(env(), ['manager']);
    pbx = await pbxClient(env(), admin);
  });

  const db = () => env().handle.db;
  const event = (type: string, id: string, caller: string, extension: string, at: string, extra: Record<string, unknown> = {}) =>
    pbx.post('/api/v1/telephony/events', { type, callId: id, caller, called: '4008001234', extension, at, ...extra });
  const interactionOf = (id: string) => db().selectFrom('interactions').selectAll().where('call_id', '=', id).executeTakeFirst();
  const lastContact = async (customerId: string) =>
    (await db().selectFrom('customers').select('last_contact_at').where('id', '=', customerId).executeTakeFirstOrThrow()).last_contact_at?.toISOString() ??
    null;
  const countByName = async (name: string) =>
    Number(
      (
        await db()
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const timelineOf = (customerId: string) =>
    db().selectFrom('timeline_events').select(['kind', 'ref_id']).where('customer_id', '=', customerId).where('kind', '=', 'interaction.recorded').execute();

  describe('the new customer from the pop', () => {
    it('saved while ringing: the call names the customer, and `ended` writes the interaction on their timeline', async () => {
      const a = await agentWithExtension(env());
      const mobile = uniqueMobile();
      const id = callId();
      await event('ringing', id, `+86 ${mobile}`, a.extension, '2026-10-09T09:20:00+08:00');
      const made = await a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '来电新客甲', mobile }));
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ name: '来电新客甲', mobile, ownerId: a.user.id });
      const card = await a.client.get(`/api/v1/telephony/calls/${id}/card`);
      expect(card.body.customer).toMatchObject({ id: made.body.id, name: '来电新客甲' });
      await event('answered', id, `+86 ${mobile}`, a.extension, '2026-10-09T09:20:05+08:00');
      const ended = await event('ended', id, `+86 ${mobile}`, a.extension, '2026-10-09T09:23:05+08:00');
      expect(ended.body.customerId).toBe(made.body.id);
      const row = await interactionOf(id);
      expect(row).toMatchObject({ customer_id: made.body.id, duration_seconds: 180 });
      expect(await timelineOf(made.body.id)).toEqual([{ kind: 'interaction.recorded', ref_id: row!.id }]);
      expect(await lastContact(made.body.id)).toBe('2026-10-09T01:23:05.000Z');
    });

    it('saved after the call ended: the interaction already written is linked in the same transaction', async () => {
      const a = await agentWithExtension(env());
      const number = '02166661234'; // a landline: it goes to the other phones
      const id = callId();
      await event('ringing', id, '+86 21 6666 1234', a.extension, '2026-10-09T09:30:00+08:00');
      await event('answered', id, '+86 21 6666 1234', a.extension, '2026-10-09T09:30:10+08:00');
      await event('ended', id, '+86 21 6666 1234', a.extension, '2026-10-09T09:32:10+08:00');
      expect((await interactionOf(id))!.customer_id).toBeNull();
      const made = await a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '来电新客乙', mobile: null, otherPhones: [number] }));
      expect(made.status).toBe(201);
      const row = await interactionOf(id);
      expect(row).toMatchObject({ customer_id: made.body.id, version: 2 });
      expect(await timelineOf(made.body.id)).toEqual([{ kind: 'interaction.recorded', ref_id: row!.id }]);
      expect(await lastContact(made.body.id)).toBe('2026-10-09T01:32:10.000Z');
      const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', row!.id).orderBy('at').execute();
      expect(audit.map((r) => r.action)).toEqual(['interaction.call_recorded', 'interaction.link_call']);
      // the pop and the customer's list show the call as theirs
      const list = await a.client.get(`/api/v1/interactions?customerId=${made.body.id}`);
      expect(list.body.items.map((i: { callId: string }) => i.callId)).toEqual([id]);
    });

    it('saved at the same moment as `ended`: the interaction names the customer whichever commits first', async () => {
      const a = await agentWithExtension(env());
      for (let i = 0; i < 3; i++) {
        const mobile = uniqueMobile();
        const id = callId();
        await event('ringing', id, mobile, a.extension, '2026-10-09T09:40:00+08:00');
        await event('answered', id, mobile, a.extension, '2026-10-09T09:40:03+08:00');
        const [made, ended] = await Promise.all([
          a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: `同时新客${i}`, mobile })),
          event('ended', id, mobile, a.extension, '2026-10-09T09:41:03+08:00'),
        ]);
        expect(made.status).toBe(201);
        expect(ended.status).toBe(202);
        const row = await interactionOf(id);
        expect(row!.customer_id).toBe(made.body.id);
        expect(await timelineOf(made.body.id)).toHaveLength(1);
        expect(await lastContact(made.body.id)).toBe('2026-10-09T01:41:03.000Z');
      }
    });

    it('a call that has its customer refuses a second one in Chinese (409), and nothing is created', async () => {
      const a = await agentWithExtension(env());
      const id = callId();
      const mobile = uniqueMobile();
      await event('ringing', id, mobile, a.extension, '2026-10-09T09:50:00+08:00');
      expect((await a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '先到的新客', mobile }))).status).toBe(201);
      const again = await a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '重复的新客' }));
      expect(again.status).toBe(409);
      expect(again.body.title).toBe('该来电已关联客户 先到的新客，无需再新建');
      expect(await countByName('重复的新客')).toBe(0);
    });

    it('two saves at once (two tabs): one customer, the other refused and rolled back', async () => {
      const a = await agentWithExtension(env());
      const id = callId();
      await event('ringing', id, uniqueMobile(), a.extension, '2026-10-09T09:51:00+08:00');
      const results = await Promise.all(
        ['双击新客甲', '双击新客乙'].map((name) => a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect((await countByName('双击新客甲')) + (await countByName('双击新客乙'))).toBe(1);
    });

    it('another agent’s call is not found (404); a bad form is refused field by field (400); neither creates anyone', async () => {
      const a = await agentWithExtension(env());
      const b = await agentWithExtension(env());
      const id = callId();
      await event('ringing', id, uniqueMobile(), a.extension, '2026-10-09T09:52:00+08:00');
      const other = await b.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '别人的来电' }));
      expect(other.status).toBe(404);
      expect(other.body.title).toBe('通话不存在或无权查看');
      const bad = await a.client.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '', mobile: '12345' }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['mobile', 'name']);
      expect(await countByName('别人的来电')).toBe(0);
      expect((await db().selectFrom('telephony_calls').select('customer_id').where('call_id', '=', id).executeTakeFirstOrThrow()).customer_id).toBeNull();
      // no session: 401; a role that may not create customers (a department handler): 403
      expect((await call(env(), { method: 'POST', url: `/api/v1/telephony/calls/${id}/customer`, body: buildCustomer({ name: '匿名' }) })).status).toBe(401);
      const handler = await userClient(env(), ['handler']);
      expect((await handler.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '部门处理人' }))).status).toBe(403);
      expect((await countByName('匿名')) + (await countByName('部门处理人'))).toBe(0);
      // the manager (all customers) may do it for the agent
      expect((await manager.post(`/api/v1/telephony/calls/${id}/customer`, buildCustomer({ name: '主管代建' }))).status).toBe(201);
    });
  });

  describe('last contact moves forward only', () => {
    it('an answered call moves it; a late `ended` of an older call and a missed call do not', async () => {
      const a = await agentWithExtension(env());
      const customer = (await a.client.post('/api/v1/customers', buildCustomer({ name: '联系时间客' }))).body;
      const newer = callId();
      await event('ringing', newer, customer.mobile, a.extension, '2026-10-09T09:00:00+08:00');
      await event('answered', newer, customer.mobile, a.extension, '2026-10-09T09:00:05+08:00');
      await event('ended', newer, customer.mobile, a.extension, '2026-10-09T09:05:00+08:00');
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:05:00.000Z');
      // an older call's events arrive late: its interaction is written, the last contact stays
      const older = callId();
      await event('ringing', older, customer.mobile, a.extension, '2026-10-09T08:00:00+08:00');
      await event('answered', older, customer.mobile, a.extension, '2026-10-09T08:00:05+08:00');
      await event('ended', older, customer.mobile, a.extension, '2026-10-09T08:10:00+08:00');
      expect((await interactionOf(older))!.customer_id).toBe(customer.id);
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:05:00.000Z');
      // a later call nobody answered is an attempt, not a contact
      const missed = callId();
      await event('ringing', missed, customer.mobile, a.extension, '2026-10-09T09:30:00+08:00');
      await event('ended', missed, customer.mobile, a.extension, '2026-10-09T09:30:30+08:00');
      expect((await interactionOf(missed))!.outcome).toBe('no_answer');
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:05:00.000Z');
    });

    it('a visit recorded by hand moves it to the visit’s end; an older visit recorded later does not move it back', async () => {
      const agent = await userClient(env(), ['agent']);
      const customer = (await agent.post('/api/v1/customers', buildCustomer({ name: '到店客' }))).body;
      expect(await lastContact(customer.id)).toBeNull();
      const visit = (startedAt: string, over: Record<string, unknown> = {}) =>
        agent.post('/api/v1/interactions', {
          customerId: customer.id,
          channel: 'visit',
          direction: 'inbound',
          startedAt,
          durationSeconds: 600,
          summary: '到店咨询',
          outcome: 'inquiry',
          ...over,
        });
      expect((await visit('2026-10-09T09:00:00+08:00')).status).toBe(201);
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:10:00.000Z');
      expect((await visit('2026-10-08T15:00:00+08:00')).status).toBe(201);
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:10:00.000Z');
      // a phone attempt noted by hand as no answer is not a contact
      expect((await visit('2026-10-09T09:40:00+08:00', { channel: 'phone', direction: 'outbound', durationSeconds: 0, outcome: 'no_answer' })).status).toBe(
        201,
      );
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:10:00.000Z');
      // a visit still going on (its end after now) counts as now
      expect((await visit('2026-10-09T09:55:00+08:00', { durationSeconds: 3600 })).status).toBe(201);
      expect(await lastContact(customer.id)).toBe('2026-10-09T02:00:00.000Z');
      // refused input changes nothing
      expect((await visit('2026-10-09T09:58:00+08:00', { summary: '' })).status).toBe(400);
      expect(await lastContact(customer.id)).toBe('2026-10-09T02:00:00.000Z');
    });

    it('an unknown caller’s interaction linked by hand to an existing customer moves their last contact', async () => {
      const a = await agentWithExtension(env());
      const customer = (await a.client.post('/api/v1/customers', buildCustomer({ name: '换号老客' }))).body;
      const id = callId();
      await event('ringing', id, '13500009999', a.extension, '2026-10-09T09:10:00+08:00');
      await event('answered', id, '13500009999', a.extension, '2026-10-09T09:10:05+08:00');
      const ended = await event('ended', id, '13500009999', a.extension, '2026-10-09T09:12:05+08:00');
      const patched = await a.client.patch(`/api/v1/interactions/${ended.body.interactionId}`, {
        version: 1,
        customerId: customer.id,
        summary: '用新号码来电',
      });
      expect(patched.status).toBe(200);
      expect(await lastContact(customer.id)).toBe('2026-10-09T01:12:05.000Z');
    });
  });
});
