import { expect, it } from 'vitest';
import { systemCtx } from '../src/lib/context';
import { call } from './clients';
import { buildCustomer, createUser, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('standard scripts', (env) => {
  let manager: Client;
  let agent: Client;
  let agentId: string;
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '王经理');
    if (!agent) {
      const user = await createUser(env(), ['agent'], '客服小周');
      await env().app.services.users.update(systemCtx(), user.id, { agentNo: '008', version: user.version });
      agent = await signIn(env(), user.username);
      agentId = user.id;
    }
  };

  it('ships the seed’s scripts for every department', async () => {
    await setup();
    const res = await agent.get('/api/v1/scripts');
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual([
      'opening',
      'holiday_opening',
      'inquiry_call',
      'order_confirmation',
      'follow_up_opening',
    ]);
    expect(res.body.items[0]).toMatchObject({ name: '常规开场白', builtin: true, version: 1 });
    expect(res.body.items[0].body).toContain('{name}，您好，这里是{company}，我是{agentNo}号客服人员。');
  });

  it('renders a script for the agent’s customer: 姓 + 称谓, the agent’s number, the company, the department’s time of day', async () => {
    await setup();
    const saved = await manager.put('/api/v1/script-settings', { companyName: '桔子树健身会所' });
    expect(saved.status, saved.text).toBe(200);
    const customer = (await agent.post('/api/v1/customers', buildCustomer({ name: '欧阳娜娜', title: 'ms', gender: 'female' }))).body;
    const r = await agent.get(`/api/v1/scripts/holiday_opening/render?customerId=${customer.id}`);
    expect(r.status, r.text).toBe(200);
    // the fixed clock is 10:00 in Shanghai on 2026-10-09: after the 国庆 season, 上午好
    expect(r.body.text.split('\n')[0]).toBe('欧阳女士，上午好，这里是桔子树健身会所，我是008号客服人员。');
    expect(r.body).toMatchObject({ code: 'holiday_opening', missing: [], festival: null, values: { agentNo: '008', greeting: '上午好' } });
    // an unknown caller: no name guessed (seed 000: 无法判断则优先说“您好”)
    const anonymous = await agent.get('/api/v1/scripts/opening/render');
    expect(anonymous.body.text.split('\n')[0]).toBe('您好，这里是桔子树健身会所，我是008号客服人员。');
    // in the Spring Festival season the greeting is the festival's
    env().clock.set('2027-02-05T01:00:00Z');
    try {
      // a new sign-in: the session of four months ago has long expired
      const later = await signIn(env(), agent.username);
      const spring = await later.get(`/api/v1/scripts/holiday_opening/render?customerId=${customer.id}`);
      expect(spring.body.text.split('\n')[0]).toBe('欧阳女士，春节好，这里是桔子树健身会所，我是008号客服人员。');
      expect(spring.body.festival).toBe('spring_festival');
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
    // a customer outside the agent's scope is not found
    const other = await userClient(env(), ['agent'], '客服小吴');
    expect((await other.get(`/api/v1/scripts/opening/render?customerId=${customer.id}`)).status).toBe(404);
    expect((await agent.get('/api/v1/scripts/nope/render')).status).toBe(404);
    expect(agentId).toBeTruthy();
  });

  it('edits a script by version; unknown variables and unmatched braces are refused in Chinese and change nothing', async () => {
    await setup();
    const before = (await manager.get('/api/v1/scripts/opening')).body;
    const unknown = await manager.patch('/api/v1/scripts/opening', {
      name: before.name,
      body: '{name}您好，您的手机是{phone}，{mobile}',
      version: before.version,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('script.unknown_variable');
    expect(unknown.body.title).toContain('{phone}、{mobile}');
    const braces = await manager.patch('/api/v1/scripts/opening', { name: before.name, body: '{name 您好', version: before.version });
    expect(braces.status).toBe(422);
    expect(braces.body.code).toBe('script.unbalanced_braces');
    const body = '{name}，{greeting}！这里是{company}，{agentNo}号为您服务。';
    const ok = await manager.patch('/api/v1/scripts/opening', { name: '开场白', body, version: before.version });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ name: '开场白', body, version: before.version + 1, updatedByName: '王经理' });
    const stale = await manager.patch('/api/v1/scripts/opening', { name: '旧', body: '您好', version: before.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('script.version_conflict');
    expect((await manager.get('/api/v1/scripts/opening')).body.body).toBe(body);
  });

  it('adds a script with a new code (a follow-up rule may name it); a taken code is 409', async () => {
    await setup();
    const created = await manager.post('/api/v1/scripts', { code: 'birthday_call', name: '生日关怀', body: '{name}，{greeting}！祝您生日快乐。' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: 'birthday_call', builtin: false, version: 1 });
    expect((await manager.post('/api/v1/scripts', { code: 'birthday_call', name: '重复', body: '您好' })).status).toBe(409);
    const bad = await manager.post('/api/v1/scripts', { code: 'x_call', name: '坏', body: '{客户}' });
    expect(bad.status).toBe(422);
  });

  it('checks permissions: 401 without a session, 403 for editing without script:manage', async () => {
    await setup();
    expect((await call(env(), { url: '/api/v1/scripts' })).status).toBe(401);
    expect((await call(env(), { url: '/api/v1/scripts/opening/render' })).status).toBe(401);
    const s = (await agent.get('/api/v1/scripts/opening')).body;
    expect((await agent.patch('/api/v1/scripts/opening', { name: s.name, body: s.body, version: s.version })).status).toBe(403);
    expect((await agent.put('/api/v1/script-settings', { companyName: 'x' })).status).toBe(403);
    const handler = await userClient(env(), ['handler'], '部门处理人');
    expect((await handler.get('/api/v1/scripts')).status).toBe(403);
  });
});
