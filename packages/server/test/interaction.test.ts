import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, PASSWORD, userClient, type Client } from './factories';
import { describeEachDb, type TestEnv } from './helpers';
import { agentWithExtension, pbxClient } from './telephony-fixtures';

describeEachDb('interactions', (env) => {
  let agent: Client;
  let other: Client;
  let supervisor: Client;
  let customer: { id: string };
  const customerInput = buildCustomer({ name: '钱多多' });
  const visit = (over: Record<string, unknown> = {}) => ({
    customerId: customer.id,
    channel: 'visit',
    direction: 'inbound',
    startedAt: '2026-10-09T09:30:00+08:00',
    durationSeconds: 900,
    summary: '到店咨询私教课价格，已介绍 10 节课套餐',
    outcome: 'inquiry',
    ...over,
  });

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '张晓燕');
    other = await userClient(env(), ['agent'], '刘子豪');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    customer = (await agent.post('/api/v1/customers', customerInput)).body;
  });

  describe('recorded by hand', () => {
    it('a visit goes on the customer’s timeline and is audited', async () => {
      const res = await agent.post('/api/v1/interactions', visit());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel: 'visit',
        direction: 'inbound',
        durationSeconds: 900,
        outcome: 'inquiry',
        customerName: '钱多多',
        agentName: '张晓燕',
        phone: null,
      });
      const timeline = await agent.get(`/api/v1/customers/${customer.id}/timeline`);
      const line = timeline.body.items.find((e: { kind: string }) => e.kind === 'interaction.recorded');
      expect(line).toBeTruthy();
      const audit = await env().handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.body.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['interaction.record']);
    });

    it.each([
      [{ summary: '' }, 'summary', '请填写沟通内容'],
      [{ channel: 'fax' }, 'channel', '必填'],
      [{ durationSeconds: -1 }, 'durationSeconds', '时长须为'],
      [{ startedAt: 'yesterday' }, 'startedAt', '时间格式不正确'],
      [{ startedAt: '2026-10-09T12:00:00+08:00' }, 'startedAt', '开始时间不能晚于现在'],
    ])('refuses %j with a Chinese message at %s, and writes nothing', async (change, path, message) => {
      const before = await env()
        .handle.db.selectFrom('interactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await agent.post('/api/v1/interactions', visit(change));
      expect(res.status).toBe(400);
      const err = res.body.errors.find((e: { path: string }) => e.path === path);
      expect(err.message).toContain(message);
      const after = await env()
        .handle.db.selectFrom('interactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('401 signed out, 403 without interaction:record, 404 for a customer outside the agent’s scope', async () => {
      const { call } = await import('./clients');
      expect((await call(env(), { method: 'POST', url: '/api/v1/interactions', body: visit() })).status).toBe(401);
      const handler = await userClient(env(), ['handler']);
      expect((await handler.post('/api/v1/interactions', visit())).status).toBe(403);
      expect((await handler.get('/api/v1/interactions')).status).toBe(403);
      expect((await other.post('/api/v1/interactions', visit())).status).toBe(404);
    });
  });

  describe('the summary after a call, and the call log', () => {
    it('the agent writes the summary of their call by its version; a stale version is 409; others cannot see it', async () => {
      const admin = await userClient(env(), ['admin']);
      const pbx = await pbxClient(env(), admin);
      const a = await agentWithExtension(env());
      const id = `call-${Date.now()}`;
      await pbx.post('/api/v1/telephony/events', { type: 'answered', callId: id, caller: '13987654321', called: '4008001234', extension: a.extension });
      const ended = await pbx.post('/api/v1/telephony/events', { type: 'ended', callId: id, caller: '13987654321', called: '4008001234', durationSeconds: 75 });
      const iid = ended.body.interactionId as string;
      const got = await a.client.get(`/api/v1/interactions/${iid}`);
      expect(got.body).toMatchObject({ customerId: null, outcome: 'pending', summary: '', phone: '13987654321', abilities: { update: true } });
      const ok = await a.client.patch(`/api/v1/interactions/${iid}`, { summary: '新客户咨询会员卡', outcome: 'inquiry', version: 1 });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ summary: '新客户咨询会员卡', version: 2 });
      const stale = await a.client.patch(`/api/v1/interactions/${iid}`, { summary: '改', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.title).toContain('已被他人修改');
      expect((await other.get(`/api/v1/interactions/${iid}`)).status).toBe(404);
      // the unknown caller becomes a customer: the call joins their timeline
      const created = (await a.client.post('/api/v1/customers', buildCustomer({ name: '新来电', mobile: '13987654321' }))).body;
      const linked = await a.client.patch(`/api/v1/interactions/${iid}`, { customerId: created.id, version: 2 });
      expect(linked.body).toMatchObject({ customerId: created.id, customerName: '新来电' });
      expect((await a.client.patch(`/api/v1/interactions/${iid}`, { customerId: customer.id, version: 3 })).status).toBe(409);
    });

    it('the supervisor’s call log filters by channel, agent and day, pages, and exports xlsx with masked numbers', async () => {
      await agent.post(
        '/api/v1/interactions',
        visit({ channel: 'email', direction: 'outbound', summary: '发送课程表', startedAt: '2026-10-08T15:00:00+08:00' }),
      );
      await agent.post('/api/v1/interactions', visit({ channel: 'chat', summary: '微信咨询停车', startedAt: '2026-10-07T11:00:00+08:00' }));
      const emails = await supervisor.get('/api/v1/interactions?channel=email');
      expect(emails.body.items.map((i: { summary: string }) => i.summary)).toEqual(['发送课程表']);
      const day = await supervisor.get('/api/v1/interactions?from=2026-10-07&to=2026-10-07');
      expect(day.body.items.map((i: { summary: string }) => i.summary)).toEqual(['微信咨询停车']);
      const mine = await supervisor.get(`/api/v1/interactions?agentId=${agent.userId}&limit=1`);
      expect(mine.body.items).toHaveLength(1);
      const next = await supervisor.get(`/api/v1/interactions?agentId=${agent.userId}&limit=1&cursor=${mine.body.nextCursor}`);
      expect(next.body.items[0].id).not.toBe(mine.body.items[0].id);
      // an agent sees only their own and their customers' contacts
      expect((await other.get('/api/v1/interactions')).body.items).toEqual([]);

      // a call with the customer's number: the supervisor (not the owner) gets it masked in the file
      const pbx = await pbxClient(env(), await userClient(env(), ['admin']));
      await pbx.post('/api/v1/telephony/events', {
        type: 'ended',
        callId: `log-${Date.now()}`,
        caller: customerInput.mobile,
        called: '4008001234',
        durationSeconds: 30,
      });
      const { call } = await import('./clients');
      expect((await call(env(), { url: '/api/v1/interactions/export.xlsx' })).status).toBe(401);
      const res = await supervisor.get('/api/v1/interactions/export.xlsx');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      const bytes = await exportBytes(env(), supervisor);
      await wb.xlsx.load(bytes);
      const ws = wb.worksheets[0]!;
      const texts = ws.getSheetValues().flat().map(String);
      expect(texts).toContain('李主管');
      expect(texts).toContain('发送课程表');
      expect(texts.some((t) => /^\d{11}$/.test(t))).toBe(false); // numbers are masked for the supervisor
      expect(texts).toContain(`${customerInput.mobile!.slice(0, 3)}****${customerInput.mobile!.slice(7)}`);
    });
  });
});

/** The workbook's bytes as the supervisor downloads them (inject keeps binary payloads as a buffer). */
async function exportBytes(env: TestEnv, who: Client): Promise<ArrayBuffer> {
  const login = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: who.username, password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'kefu_session')!.value;
  const r = await env.app.inject({ method: 'GET', url: '/api/v1/interactions/export.xlsx', cookies: { kefu_session: cookie } });
  const buf = r.rawPayload;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
