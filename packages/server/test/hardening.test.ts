import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../src/lib/context';
import { call, createApiKey, rawSignIn } from './clients';
import { PASSWORD, buildCustomer, createUser, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** What a review found and the fixes keep fixed: leaks, races, 500s on odd input, holes in rules. */
describeEachDb('hardening', (env) => {
  let agent: Client;
  let supervisor: Client;
  let complaints: Client;
  let admin: Client;
  let handlerId: string;

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '坐席甲');
    supervisor = await userClient(env(), ['supervisor'], '主管');
    complaints = await userClient(env(), ['complaints'], '客诉');
    admin = await userClient(env(), ['admin'], '管理员');
    handlerId = (await createUser(env(), ['handler'], '前台')).id;
  });

  it('sign-in throttling holds against parallel guesses: no more than the limit reach the password check', async () => {
    const user = await createUser(env(), ['agent']);
    const attempts = await Promise.all(Array.from({ length: 20 }, () => call(env(), { method: 'POST', url: '/api/v1/auth/login', body: { username: user.username, password: 'wrong-guess' } })));
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    const right = await call(env(), { method: 'POST', url: '/api/v1/auth/login', body: { username: user.username, password: PASSWORD } });
    expect(right.status).toBe(429);
  });

  it('a phone prefix searches only the reader’s own customers, so no cursor or hit reveals hidden digits', async () => {
    const mine = await agent.post('/api/v1/customers', buildCustomer({ name: '前缀甲', mobile: '13577123456' }));
    expect(mine.status).toBe(201);
    const own = await agent.get('/api/v1/customers?q=1357712&limit=1');
    expect(own.body.items.map((c: { name: string }) => c.name)).toEqual(['前缀甲']);
    for (const q of ['1357712', '135', '13577']) {
      const res = await complaints.get(`/api/v1/customers?q=${q}&limit=1`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.nextCursor).toBeNull();
    }
    // the whole number or its last 4 digits still find the customer, masked
    const whole = await complaints.get('/api/v1/customers?q=13577123456');
    expect(whole.body.items[0].mobile).toBe('135****3456');
    expect(whole.text).not.toContain('13577123456');
  });

  it.each(['/api/v1/customers', '/api/v1/audit-log'])('a malformed cursor on %s is a 400, not a 500', async (url) => {
    const manager = await userClient(env(), ['manager']);
    for (const cursor of ['WyJ4Il0', 'not-base64-json', Buffer.from('[1,2,3,4]').toString('base64url'), Buffer.from('["2026-01-01T00:00:00Z","x"]').toString('base64url')]) {
      const res = await manager.get(`${url}?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('cursor');
    }
  });

  it('a malformed cursor on history and timeline is a 400', async () => {
    const c = await agent.post('/api/v1/customers', buildCustomer({ name: '游标' }));
    for (const sub of ['history', 'timeline']) expect((await agent.get(`/api/v1/customers/${c.body.id}/${sub}?cursor=WyJ4Il0`)).status).toBe(400);
  });

  it('a NUL or other control character is refused with a field error, in names, notes and sign-in', async () => {
    const a = await agent.post('/api/v1/customers', buildCustomer({ name: '张\u0000三' }));
    expect(a.status).toBe(400);
    expect(a.body.errors[0]).toEqual({ path: 'name', message: '内容含有无法保存的控制字符' });
    expect((await agent.post('/api/v1/customers', buildCustomer({ notes: 'a\u0007b' }))).status).toBe(400);
    expect((await call(env(), { method: 'POST', url: '/api/v1/auth/login', body: { username: 'a\u0000b', password: 'x' } })).status).toBe(400);
    // tabs and new lines are ordinary text
    expect((await agent.post('/api/v1/customers', buildCustomer({ name: '换行', notes: '第一行\n第二行\t完' }))).status).toBe(201);
  });

  it('PATCH takes the version from If-Match, and refuses an edit that names no version', async () => {
    const c = await agent.post('/api/v1/customers', buildCustomer({ name: '版本' }));
    const ok = await agent.patch(`/api/v1/customers/${c.body.id}`, { notes: '按 If-Match' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await agent.patch(`/api/v1/customers/${c.body.id}`, { notes: 'x' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    const none = await agent.patch(`/api/v1/customers/${c.body.id}`, { notes: 'x' });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('version');
  });

  it('the mobile is never also an "other phone", whichever an edit changes', async () => {
    const c = await agent.post('/api/v1/customers', buildCustomer({ name: '双号', mobile: '13711112222', otherPhones: ['13711113333'] }));
    const res = await agent.patch(`/api/v1/customers/${c.body.id}`, { mobile: '13711113333', version: 1 });
    expect(res.body.mobile).toBe('13711113333');
    expect(res.body.otherPhones).toEqual([]);
  });

  it('only customer:assign chooses another owner at creation; owners must be able to read the archive', async () => {
    const agentUser = await createUser(env(), ['agent']);
    const byComplaints = await complaints.post('/api/v1/customers', buildCustomer({ name: '无主', ownerId: agentUser.id }));
    expect(byComplaints.status).toBe(201);
    expect(byComplaints.body.ownerId).toBeNull();
    const bySupervisor = await supervisor.post('/api/v1/customers', buildCustomer({ name: '有主', ownerId: agentUser.id }));
    expect(bySupervisor.body.ownerId).toBe(agentUser.id);
    const toHandler = await supervisor.post('/api/v1/customers/assign', { customerIds: [bySupervisor.body.id], ownerId: handlerId });
    expect(toHandler.status).toBe(400);
    expect(toHandler.body.errors[0].message).toContain('不能查看客户档案');
    expect((await supervisor.get(`/api/v1/customers/${bySupervisor.body.id}`)).body.ownerId).toBe(agentUser.id);
  });

  it('an API key may save settings (no user to name in updated_by)', async () => {
    const { client } = await createApiKey(env(), admin, ['customer:settings']);
    const current = await agent.get('/api/v1/settings/archive');
    const res = await client.put('/api/v1/settings/archive', current.body);
    expect(res.status).toBe(200);
  });

  it('users: the same name created twice at once gives one user and a 400; an unknown department is a 400', async () => {
    const body = { username: 'twin.user', displayName: '双胞胎', password: 'long-enough-1', roles: ['agent'] };
    const results = await Promise.all([admin.post('/api/v1/users', body), admin.post('/api/v1/users', body), admin.post('/api/v1/users', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    const dept = await admin.post('/api/v1/users', { ...body, username: 'dept.user', departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(dept.status).toBe(400);
    expect(dept.body.errors[0].path).toBe('departmentId');
  });

  it('no role change may leave nobody able to manage users and roles', async () => {
    const res = await admin.put('/api/v1/roles/admin', { permissions: ['audit:read'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('role.last_admin');
    expect((await admin.get('/api/v1/users')).status).toBe(200);
  });

  it('a temporary password allows nothing but changing it', async () => {
    const user = await env().app.services.users.create(systemCtx(), {
      username: 'temp.pass',
      displayName: '临时',
      password: 'temporary-1',
      roles: ['agent'],
      departmentId: null,
      agentNo: null,
      mustChangePassword: true,
    });
    const c = await signIn(env(), user.username, 'temporary-1');
    const refused = await c.post('/api/v1/customers', buildCustomer());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.must_change_password');
    expect((await c.post('/api/v1/auth/password', { currentPassword: 'temporary-1', newPassword: 'my-own-password-1' })).status).toBe(200);
    expect((await c.post('/api/v1/customers', buildCustomer())).status).toBe(201);
  });

  it('a missing permission is 403 whatever the input (checked before validation)', async () => {
    const handler = await userClient(env(), ['handler']);
    expect((await handler.get('/api/v1/customers/not-a-uuid')).status).toBe(403);
    expect((await handler.post('/api/v1/customers', { name: '' })).status).toBe(403);
  });

  it('signing in again from a browser that still holds a session needs no CSRF token', async () => {
    const user = await createUser(env(), ['agent']);
    const first = await rawSignIn(env(), user.username, PASSWORD);
    const again = await call(env(), { method: 'POST', url: '/api/v1/auth/login', body: { username: user.username, password: PASSWORD }, cookies: { kefu_session: first.cookie! } });
    expect(again.status).toBe(200);
    expect(String(again.headers['set-cookie'])).not.toMatch(/Max-Age/i);
  });
});

