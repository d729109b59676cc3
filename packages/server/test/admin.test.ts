import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, rawSignIn } from './clients';
import { PASSWORD, buildCustomer, createUser, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('administration: users, roles, audit log, settings', (env) => {
  let admin: Client;
  let manager: Client;
  let supervisor: Client;

  beforeAll(async () => {
    admin = await userClient(env(), ['admin'], '管理员');
    manager = await userClient(env(), ['manager'], '王经理');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
  });

  describe('users and roles', () => {
    it('only user:manage / role:manage may use the admin screen (403)', async () => {
      for (const [method, url, body] of [
        ['get', '/api/v1/users'],
        ['post', '/api/v1/users', { username: 'x_user', displayName: 'x', password: 'password-1', roles: ['agent'] }],
        ['patch', '/api/v1/users/00000000-0000-4000-8000-000000000000', { active: false, version: 1 }],
        ['get', '/api/v1/roles'],
        ['put', '/api/v1/roles/agent', { permissions: [] }],
        ['post', '/api/v1/departments', { name: '前台' }],
      ] as const) {
        const res = await (manager as any)[method](url, body);
        expect(res.status, `${method} ${url}`).toBe(403);
      }
      expect((await admin.get('/api/v1/users')).status).toBe(200);
    });

    it('creates a user who can sign in; refuses a taken name and an unknown role (400)', async () => {
      const created = await admin.post('/api/v1/users', { username: 'zhang.xy', displayName: '张晓燕', password: 'password-1', roles: ['agent'] });
      expect(created.status).toBe(201);
      expect(created.text).not.toContain('password');
      const first = await rawSignIn(env(), 'Zhang.XY', 'password-1'); // names are case-insensitive
      expect(first.res.status).toBe(200);
      // the admin knows this password: until the person chooses their own, only the change is allowed
      expect(first.res.body.user.mustChangePassword).toBe(true);
      const before = await call(env(), { url: '/api/v1/customers', cookies: { kefu_session: first.cookie! } });
      expect(before.status).toBe(403);
      expect(before.body.code).toBe('auth.must_change_password');
      const taken = await admin.post('/api/v1/users', { username: 'ZHANG.xy', displayName: '另一个', password: 'password-1', roles: ['agent'] });
      expect(taken.status).toBe(400);
      expect(taken.body.errors[0]).toEqual({ path: 'username', message: '用户名已被使用' });
      const role = await admin.post('/api/v1/users', { username: 'li.si', displayName: '李四', password: 'password-1', roles: ['superhero'] });
      expect(role.status).toBe(400);
      const stale = await admin.patch(`/api/v1/users/${created.body.id}`, { displayName: '改名', version: created.body.version + 1 });
      expect(stale.status).toBe(409);
    });

    it("editing a role's permissions takes effect on the next request", async () => {
      const roles = await admin.get('/api/v1/roles');
      const membership = roles.body.items.find((r: { name: string }) => r.name === 'membership');
      const member = await userClient(env(), ['membership']);
      const c = await member.post('/api/v1/customers', buildCustomer({ name: '会员甲' }));
      try {
        expect((await member.post(`/api/v1/customers/${c.body.id}/reveal`)).status).toBe(403);
        expect((await admin.put('/api/v1/roles/membership', { permissions: [...membership.permissions, 'customer:reveal'] })).status).toBe(200);
        expect((await member.post(`/api/v1/customers/${c.body.id}/reveal`)).status).toBe(200);
        expect((await admin.put('/api/v1/roles/membership', { permissions: ['customer:read'] })).status).toBe(200);
        expect((await member.get('/api/v1/customers')).status).toBe(200);
        expect((await member.get(`/api/v1/customers/${c.body.id}`)).status).toBe(404); // no read_all: only own customers (none)
      } finally {
        await admin.put('/api/v1/roles/membership', { permissions: membership.permissions });
      }
      expect((await admin.put('/api/v1/roles/nosuchrole', { permissions: [] })).status).toBe(404);
      expect((await admin.put('/api/v1/roles/agent', { permissions: ['customer:fly'] })).status).toBe(400);
      const audit = await admin.get('/api/v1/audit-log?action=role.update&entityId=membership');
      expect(audit.body.items.length).toBe(3);
    });

    it("resetting a password ends the user's sessions and asks for a new one at sign-in", async () => {
      const user = await createUser(env(), ['agent']);
      const s = await rawSignIn(env(), user.username, PASSWORD);
      expect((await admin.patch(`/api/v1/users/${user.id}`, { password: 'reset-password-1', version: user.version })).status).toBe(200);
      const me = await env().app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { kefu_session: s.cookie! } });
      expect(me.statusCode).toBe(401);
      const again = await rawSignIn(env(), user.username, 'reset-password-1');
      expect(again.res.body.user.mustChangePassword).toBe(true);
    });
  });

  describe('audit log', () => {
    it('is append-only at the database: UPDATE, DELETE and TRUNCATE fail', async () => {
      const db = env().handle.db;
      await admin.get('/api/v1/users'); // something is in the log (sign-ins)
      await expect(sql`update audit_log set action = 'tampered'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
      const tampered = await db.selectFrom('audit_log').select('id').where('action', '=', 'tampered').execute();
      expect(tampered).toEqual([]);
    });

    it('records sign-ins, failed sign-ins, writes and reveals, with who, where and the request id', async () => {
      const user = await createUser(env(), ['agent'], '审计专员');
      await rawSignIn(env(), user.username, 'wrong-password', '10.2.0.1');
      const agent = await signIn(env(), user.username);
      const c = await agent.post('/api/v1/customers', buildCustomer({ name: '审计客户' }), { 'x-request-id': 'req-audit-1' });
      await supervisor.post(`/api/v1/customers/${c.body.id}/reveal`);
      const signIns = await manager.get(`/api/v1/audit-log?action=auth.login&actor=审计专员`);
      expect(signIns.body.items.map((i: { action: string }) => i.action)).toEqual(['auth.login']);
      const failed = await manager.get(`/api/v1/audit-log?action=auth.login_failed&actor=${user.username}`);
      expect(failed.body.items[0]).toMatchObject({ actorKind: 'anonymous', ip: '10.2.0.1' });
      const onCustomer = await manager.get(`/api/v1/audit-log?entityId=${c.body.id}`);
      expect(onCustomer.body.items.map((i: { action: string; actorName: string }) => [i.action, i.actorName])).toEqual([
        ['customer.reveal', '李主管'],
        ['customer.create', '审计专员'],
      ]);
      expect(onCustomer.body.items[1].requestId).toBe('req-audit-1');
    });

    it('filters by action prefix, person, record and time; pages newest first', async () => {
      const c = await supervisor.post('/api/v1/customers', buildCustomer({ name: '翻页客户' }));
      for (let v = 1; v <= 3; v += 1) await supervisor.patch(`/api/v1/customers/${c.body.id}`, { notes: `第${v}次`, version: v });
      const first = await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&action=customer.&limit=2`);
      expect(first.body.items.map((i: { detail: { version: number } }) => i.detail.version)).toEqual([4, 3]);
      const second = await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&action=customer.&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((i: { action: string }) => i.action)).toEqual(['customer.update', 'customer.create']);
      expect(second.body.nextCursor).toBeNull();
      expect((await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&actor=王经理`)).body.items).toEqual([]);
      expect((await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&from=2999-01-01T00:00:00%2B08:00`)).body.items).toEqual([]);
      expect((await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&to=2000-01-01T00:00:00Z`)).body.items).toEqual([]);
      expect((await manager.get(`/api/v1/audit-log?entityId=${c.body.id}&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`)).body.items).toHaveLength(4);
      expect((await manager.get('/api/v1/audit-log?from=yesterday')).status).toBe(400);
    });

    it('is readable only with audit:read (403)', async () => {
      expect((await supervisor.get('/api/v1/audit-log')).status).toBe(403);
      expect((await admin.get('/api/v1/audit-log')).status).toBe(200);
    });
  });

  describe('settings and categories', () => {
    it('everyone signed in reads them; only customer:settings changes them, audited', async () => {
      const settings = await supervisor.get('/api/v1/settings/archive');
      expect(settings.body).toEqual({ churnRiskDays: 60, bigCustomerTiers: ['vip', 'big'] });
      expect((await supervisor.put('/api/v1/settings/archive', { ...settings.body, churnRiskDays: 30 })).status).toBe(403);
      const cats = await supervisor.get('/api/v1/customer-categories');
      expect(cats.body.items.filter((c: { kind: string }) => c.kind === 'class').map((c: { labelZh: string }) => c.labelZh)).toEqual([
        '伙伴型',
        '合作型',
        '一般型',
        '潜在竞争型',
      ]);
      expect((await supervisor.put('/api/v1/customer-categories', { kind: 'tier', code: 'gold', labelZh: '金卡', labelEn: 'Gold' })).status).toBe(403);
    });

    it("refuses invalid settings with field errors; the time zone is the business calendar's", async () => {
      const settings = (await manager.get('/api/v1/settings/archive')).body;
      const tooShort = await manager.put('/api/v1/settings/archive', { ...settings, churnRiskDays: 3 });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.errors[0].path).toBe('churnRiskDays');
      const calendar = (await manager.get('/api/v1/calendar/config')).body;
      const zone = await manager.put('/api/v1/calendar/config', { ...calendar, timeZone: 'Mars/Olympus' });
      expect(zone.status).toBe(400);
      expect(zone.body.errors[0]).toEqual({ path: 'timeZone', message: '时区不正确（例如 Asia/Shanghai）' });
      expect((await manager.get('/api/v1/customers')).status).toBe(200);
    });

    it('a new tier can be used by customers at once; an unknown one is refused', async () => {
      const saved = await manager.put('/api/v1/customer-categories', { kind: 'tier', code: 'gold', labelZh: '金卡', labelEn: 'Gold', sort: 4 });
      expect(saved.status).toBe(200);
      expect((await manager.post('/api/v1/customers', buildCustomer({ name: '金卡客户', tierCode: 'gold' }))).status).toBe(201);
      const unknown = await manager.post('/api/v1/customers', buildCustomer({ name: '钻石客户', tierCode: 'diamond' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0]).toEqual({ path: 'tierCode', message: '分类或等级不存在' });
      expect((await manager.put('/api/v1/customer-categories', { kind: 'tier', code: 'Bad Code', labelZh: 'x', labelEn: 'x' })).status).toBe(400);
      const audit = await manager.get('/api/v1/audit-log?action=settings.category&entityId=tier:gold');
      expect(audit.body.items).toHaveLength(1);
    });
  });
});

describeEachDb('the last administrator', (env) => {
  it('cannot be disabled or lose the admin role, also when two admins disable each other at once', async () => {
    const a = await createUser(env(), ['admin'], '管理员甲');
    const adminA = await signIn(env(), a.username);
    // leave exactly one active admin: A
    const users = (await adminA.get('/api/v1/users')).body.items as { id: string; roles: string[]; active: boolean; version: number }[];
    for (const u of users.filter((x) => x.roles.includes('admin') && x.active && x.id !== a.id)) {
      expect((await adminA.patch(`/api/v1/users/${u.id}`, { active: false, version: u.version })).status).toBe(200);
    }
    const self = await adminA.patch(`/api/v1/users/${a.id}`, { active: false, version: a.version });
    expect(self.status).toBe(409);
    expect(self.body.detail).toBe('不能停用最后一个系统管理员');
    expect((await adminA.patch(`/api/v1/users/${a.id}`, { roles: ['manager'], version: a.version })).status).toBe(409);

    for (let round = 0; round < 3; round += 1) {
      const b = await createUser(env(), ['admin'], `管理员乙${round}`);
      const adminB = await signIn(env(), b.username);
      const current = (await adminA.get('/api/v1/users')).body.items.find((u: { id: string }) => u.id === a.id);
      const [x, y] = await Promise.all([
        adminA.patch(`/api/v1/users/${b.id}`, { active: false, version: b.version }),
        adminB.patch(`/api/v1/users/${a.id}`, { active: false, version: current.version }),
      ]);
      expect([x.status, y.status].filter((s) => s === 200)).toHaveLength(1);
      const active = await env()
        .handle.db.selectFrom('users')
        .select('id')
        .where('active', '=', true)
        .where(sql<boolean>`'admin' = any(roles)`)
        .execute();
      expect(active).toHaveLength(1);
      if (active[0]!.id !== a.id) return; // B won: A is gone, the rounds end here
    }
  });
});
