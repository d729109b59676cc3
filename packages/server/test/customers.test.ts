import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('customer archive', (env) => {
  let agent: Client;
  let otherAgent: Client;
  let supervisor: Client;
  let manager: Client;
  let handler: Client;
  let admin: Client;

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '张晓燕');
    otherAgent = await userClient(env(), ['agent'], '刘子豪');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    manager = await userClient(env(), ['manager'], '王经理');
    handler = await userClient(env(), ['handler'], '周前台');
    admin = await userClient(env(), ['admin'], '管理员');
  });

  describe('create', () => {
    it('normalises the mobile and makes the agent the owner', async () => {
      const res = await agent.post('/api/v1/customers', buildCustomer({ name: '张三', mobile: '+86 138-0013-8000' }));
      expect(res.status).toBe(201);
      expect(res.body.mobile).toBe('13800138000');
      expect(res.body.ownerId).toBe(agent.userId);
      expect(res.body.lifecycle).toBe('prospect');
      expect(res.body.version).toBe(1);
    });

    it('refuses bad input with field errors in the request language and stores nothing', async () => {
      const before = await manager.get('/api/v1/customers?q=13912');
      const zh = await agent.post('/api/v1/customers', { name: '', mobile: '1391234' });
      expect(zh.status).toBe(400);
      expect(zh.headers['content-type']).toContain('application/problem+json');
      expect(zh.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'name', message: '请填写姓名（1-50 个字）' },
          { path: 'mobile', message: '手机号码格式不正确，应为 11 位中国大陆手机号' },
        ]),
      );
      const en = await agent.post('/api/v1/customers', { name: '李四', mobile: 'abc' }, { 'accept-language': 'en' });
      expect(en.body.title).toBe('The request has invalid fields');
      expect(en.body.errors[0].message).toContain('mobile');
      const after = await manager.get('/api/v1/customers?q=13912');
      expect(after.body.items.length).toBe(before.body.items.length);
    });

    it('refuses a second customer with the same mobile (409) and names the first only to who may see it', async () => {
      const first = await agent.post('/api/v1/customers', buildCustomer({ name: '王五', mobile: '13911112222' }));
      expect(first.status).toBe(201);
      const dupOwn = await agent.post('/api/v1/customers', buildCustomer({ name: '王五二', mobile: '139 1111 2222' }));
      expect(dupOwn.status).toBe(409);
      expect(dupOwn.body.detail).toContain('王五');
      const dupOther = await otherAgent.post('/api/v1/customers', buildCustomer({ name: '王六', mobile: '13911112222' }));
      expect(dupOther.status).toBe(409);
      expect(dupOther.body.detail).not.toContain('王五');
      expect(dupOther.text).not.toContain('13911112222');
    });
  });

  describe('scopes and permissions', () => {
    it("an agent sees only their own customers; another's is 404, not 403", async () => {
      const mine = await agent.post('/api/v1/customers', buildCustomer({ name: '赵敏' }));
      const res = await otherAgent.get(`/api/v1/customers/${mine.body.id}`);
      expect(res.status).toBe(404);
      const list = await otherAgent.get('/api/v1/customers?q=赵敏');
      expect(list.body.items).toEqual([]);
      const patch = await otherAgent.patch(`/api/v1/customers/${mine.body.id}`, { name: 'x', version: 1 });
      expect(patch.status).toBe(404);
    });

    it('a department handler and the admin have no access to the archive (403)', async () => {
      for (const c of [handler, admin]) {
        expect((await c.get('/api/v1/customers')).status).toBe(403);
        expect((await c.post('/api/v1/customers', buildCustomer())).status).toBe(403);
      }
    });

    it('without a session: 401; a malformed id: 404', async () => {
      const res = await env().app.inject({ method: 'GET', url: '/api/v1/customers' });
      expect(res.statusCode).toBe(401);
      expect((await manager.get('/api/v1/customers/not-a-uuid')).status).toBe(404);
    });

    it('a state change without the CSRF token is refused', async () => {
      const login = await env().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: agent.username, password: 'test-password-1' } });
      const cookie = login.cookies.find((c) => c.name === 'kefu_session')!;
      const res = await env().app.inject({ method: 'POST', url: '/api/v1/customers', cookies: { kefu_session: cookie.value }, payload: buildCustomer() });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('error.csrf');
    });
  });

  describe('masking', () => {
    it('numbers are masked for everyone but the owner, in the record, lists, search, history and timeline', async () => {
      const created = await agent.post('/api/v1/customers', buildCustomer({ name: '钱多多', mobile: '13612345678', otherPhones: ['010-8888 6666'], idNumber: '11010119900307123X' }));
      const id = created.body.id;
      await agent.patch(`/api/v1/customers/${id}`, { mobile: '13612340000', version: 1 });
      expect((await agent.get(`/api/v1/customers/${id}`)).body.mobile).toBe('13612340000');
      for (const who of [supervisor, manager]) {
        const answers = [
          await who.get(`/api/v1/customers/${id}`),
          await who.get('/api/v1/customers?q=钱多多'),
          await who.get('/api/v1/customers?q=0000'),
          await who.get('/api/v1/customers?q=13612340000'),
          await who.get(`/api/v1/customers/${id}/history`),
          await who.get(`/api/v1/customers/${id}/timeline`),
        ];
        for (const a of answers) {
          expect(a.status).toBe(200);
          expect(a.text).not.toMatch(/1361234\d{4}/);
          expect(a.text).not.toContain('88886666');
          expect(a.text).not.toContain('19900307');
        }
        expect(answers[0]!.body.mobile).toBe('136****0000');
        expect(answers[0]!.body.masked).toBe(true);
        expect(answers[2]!.body.items.map((c: { id: string }) => c.id)).toContain(id);
        const hist = answers[4]!.body.items.find((h: { field: string }) => h.field === 'mobile');
        expect(hist).toMatchObject({ oldValue: '136****5678', newValue: '136****0000' });
      }
      const ownHistory = await agent.get(`/api/v1/customers/${id}/history`);
      expect(ownHistory.body.items.find((h: { field: string }) => h.field === 'mobile')).toMatchObject({ oldValue: '13612345678', newValue: '13612340000' });
    });

    it('"show number" is one click for customer:reveal, and is audited; others are refused', async () => {
      const created = await agent.post('/api/v1/customers', buildCustomer({ name: '孙小美', mobile: '13787654321' }));
      const id = created.body.id;
      const revealed = await supervisor.post(`/api/v1/customers/${id}/reveal`);
      expect(revealed.status).toBe(200);
      expect(revealed.body.mobile).toBe('13787654321');
      const complaints = await userClient(env(), ['complaints']);
      expect((await complaints.post(`/api/v1/customers/${id}/reveal`)).status).toBe(403);
      const audit = await manager.get(`/api/v1/audit-log?action=customer.reveal&entityId=${id}`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].actorName).toBe('李主管');
      expect(audit.text).not.toContain('13787654321');
    });
  });

  describe('edit', () => {
    it('records the history field by field and refuses a stale edit with 409, nothing lost', async () => {
      const created = await agent.post('/api/v1/customers', buildCustomer({ name: '周杰', region: '北京市朝阳区' }));
      const id = created.body.id;
      const a = await agent.patch(`/api/v1/customers/${id}`, { region: '北京市海淀区', tags: ['瑜伽'], version: 1 });
      expect(a.status).toBe(200);
      expect(a.body.version).toBe(2);
      const stale = await supervisor.patch(`/api/v1/customers/${id}`, { region: '上海市', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('customer.version_conflict');
      const now = await agent.get(`/api/v1/customers/${id}`);
      expect(now.body.region).toBe('北京市海淀区');
      expect(now.body.version).toBe(2);
      const history = await agent.get(`/api/v1/customers/${id}/history`);
      expect(history.body.items.map((h: { field: string; oldValue: unknown; newValue: unknown; actorName: string }) => [h.field, h.oldValue, h.newValue, h.actorName])).toEqual(
        expect.arrayContaining([
          ['region', '北京市朝阳区', '北京市海淀区', '张晓燕'],
          ['tags', [], ['瑜伽']],
        ].map((x) => (x.length === 3 ? [...x, '张晓燕'] : x))),
      );
    });

    it('two stale edits at once: exactly one wins', async () => {
      const created = await agent.post('/api/v1/customers', buildCustomer({ name: '吴用' }));
      const id = created.body.id;
      const [x, y] = await Promise.all([
        agent.patch(`/api/v1/customers/${id}`, { notes: '来自 A', version: 1 }),
        supervisor.patch(`/api/v1/customers/${id}`, { notes: '来自 B', version: 1 }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const winner = x.status === 200 ? '来自 A' : '来自 B';
      const now = await agent.get(`/api/v1/customers/${id}`);
      expect(now.body.notes).toBe(winner);
      expect(now.body.version).toBe(2);
      const history = await agent.get(`/api/v1/customers/${id}/history`);
      expect(history.body.items.filter((h: { field: string }) => h.field === 'notes')).toHaveLength(1);
    });
  });
});
