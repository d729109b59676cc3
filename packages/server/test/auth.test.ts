import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { call, createApiKey, rawSignIn } from './clients';
import { PASSWORD, buildCustomer, createUser, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const NOW = '2026-10-09T02:00:00Z';

describeEachDb('sign-in, sessions and API keys', (env) => {
  let admin: Client;
  let manager: Client;

  beforeAll(async () => {
    admin = await userClient(env(), ['admin'], '管理员');
    manager = await userClient(env(), ['manager'], '王经理');
  });

  const me = (cookie: string | null) => call(env(), { url: '/api/v1/auth/me', cookies: cookie ? { kefu_session: cookie } : {} });
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  describe('sign-in', () => {
    it('answers a wrong user and a wrong password with the same 401', async () => {
      const user = await createUser(env(), ['agent']);
      const wrongPassword = await rawSignIn(env(), user.username, 'not-the-password', '10.1.0.1');
      const wrongUser = await rawSignIn(env(), 'nobody-here', 'not-the-password', '10.1.0.1');
      expect(wrongPassword.res.status).toBe(401);
      expect(wrongUser.res.status).toBe(401);
      expect(strip(wrongUser.res.body)).toEqual(strip(wrongPassword.res.body));
      expect(wrongPassword.res.body.title).toBe('用户名或密码不正确');
      expect(wrongPassword.cookie).toBeNull();
    });

    it('a disabled user cannot sign in (same 401) and their open sessions end', async () => {
      const user = await createUser(env(), ['agent']);
      const open = await rawSignIn(env(), user.username, PASSWORD, '10.1.0.2');
      expect((await me(open.cookie)).status).toBe(200);
      expect((await admin.patch(`/api/v1/users/${user.id}`, { active: false, version: user.version })).status).toBe(200);
      expect((await me(open.cookie)).status).toBe(401);
      const again = await rawSignIn(env(), user.username, PASSWORD, '10.1.0.2');
      expect(again.res.status).toBe(401);
      expect(again.res.body.code).toBe('auth.invalid_credentials');
    });

    it('after 5 failures the name is locked for 15 minutes (429 with the minutes), even with the right password', async () => {
      const user = await createUser(env(), ['agent']);
      try {
        for (let i = 0; i < 5; i += 1) expect((await rawSignIn(env(), user.username, 'wrong', '10.1.0.3')).res.status).toBe(401);
        const locked = await rawSignIn(env(), user.username, PASSWORD, '10.1.0.4');
        expect(locked.res.status).toBe(429);
        expect(locked.res.body.detail).toBe('登录失败次数过多，请 15 分钟后再试');
        expect(locked.cookie).toBeNull();
        // another name from the same address may still sign in
        const colleague = await createUser(env(), ['agent']);
        expect((await rawSignIn(env(), colleague.username, PASSWORD, '10.1.0.3')).res.status).toBe(200);
        env().clock.set('2026-10-09T02:10:00Z');
        expect((await rawSignIn(env(), user.username, PASSWORD, '10.1.0.4')).res.body.detail).toBe('登录失败次数过多，请 5 分钟后再试');
        env().clock.set('2026-10-09T02:15:00Z');
        expect((await rawSignIn(env(), user.username, PASSWORD, '10.1.0.4')).res.status).toBe(200);
      } finally {
        env().clock.set(NOW);
      }
      const audit = await admin.get(`/api/v1/audit-log?action=auth.login_throttled&actor=${user.username}`);
      expect(audit.body.items.length).toBeGreaterThan(0);
    });
  });

  describe('sessions', () => {
    it('logout ends the session', async () => {
      const user = await createUser(env(), ['agent']);
      const s = await rawSignIn(env(), user.username, PASSWORD);
      expect((await me(s.cookie)).body.user.username).toBe(user.username);
      const out = await call(env(), { method: 'POST', url: '/api/v1/auth/logout', cookies: { kefu_session: s.cookie! }, headers: { 'x-csrf-token': s.csrfToken! } });
      expect(out.status).toBe(200);
      expect((await me(s.cookie)).status).toBe(401);
    });

    it('a session works on a second app instance on the same database, and logging out there ends it here', async () => {
      const second = await buildApp(env().app.deps);
      await second.ready();
      try {
        const user = await createUser(env(), ['agent']);
        const s = await rawSignIn(env(), user.username, PASSWORD);
        const other = await second.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { kefu_session: s.cookie! } });
        expect(other.statusCode).toBe(200);
        expect(other.json().user.id).toBe(user.id);
        const created = await second.inject({ method: 'POST', url: '/api/v1/customers', cookies: { kefu_session: s.cookie! }, headers: { 'x-csrf-token': s.csrfToken! }, payload: buildCustomer({ name: '二号实例' }) });
        expect(created.statusCode).toBe(201);
        await second.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { kefu_session: s.cookie! }, headers: { 'x-csrf-token': s.csrfToken! } });
        expect((await me(s.cookie)).status).toBe(401);
      } finally {
        await second.close();
      }
    });

    it('changing the password ends the other sessions, keeps this one, and the old password stops working', async () => {
      const user = await createUser(env(), ['agent']);
      const here = await rawSignIn(env(), user.username, PASSWORD);
      const elsewhere = await rawSignIn(env(), user.username, PASSWORD);
      const wrong = await call(env(), { method: 'POST', url: '/api/v1/auth/password', cookies: { kefu_session: here.cookie! }, headers: { 'x-csrf-token': here.csrfToken! }, body: { currentPassword: 'nope', newPassword: 'new-password-2' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toEqual({ path: 'currentPassword', message: '当前密码不正确' });
      const changed = await call(env(), { method: 'POST', url: '/api/v1/auth/password', cookies: { kefu_session: here.cookie! }, headers: { 'x-csrf-token': here.csrfToken! }, body: { currentPassword: PASSWORD, newPassword: 'new-password-2' } });
      expect(changed.status).toBe(200);
      expect((await me(here.cookie)).status).toBe(200);
      expect((await me(elsewhere.cookie)).status).toBe(401);
      expect((await rawSignIn(env(), user.username, PASSWORD, '10.1.0.9')).res.status).toBe(401);
      expect((await rawSignIn(env(), user.username, 'new-password-2')).res.status).toBe(200);
    });

    it('a session ends 12 hours after it was last used', async () => {
      const user = await createUser(env(), ['agent']);
      const s = await rawSignIn(env(), user.username, PASSWORD);
      try {
        env().clock.set('2026-10-09T13:59:00Z');
        expect((await me(s.cookie)).status).toBe(200); // used: slides on
        env().clock.set('2026-10-10T01:58:00Z');
        expect((await me(s.cookie)).status).toBe(200);
        env().clock.set('2026-10-10T14:00:00Z');
        expect((await me(s.cookie)).status).toBe(401);
      } finally {
        env().clock.set(NOW);
      }
    });
  });

  describe('API keys', () => {
    it('is shown once, stored as a hash, and answers with its own permissions only, without CSRF', async () => {
      const { key, apiKey, client } = await createApiKey(env(), admin, ['customer:read', 'customer:read_all', 'customer:create']);
      expect(key).toMatch(/^kefu_/);
      const listed = await admin.get('/api/v1/api-keys');
      expect(listed.text).not.toContain(key);
      expect(listed.body.items.find((k: { id: string }) => k.id === apiKey.id).prefix).toBe(apiKey.prefix);
      const stored = await env().handle.db.selectFrom('api_keys').select('key_hash').where('id', '=', apiKey.id).executeTakeFirstOrThrow();
      expect(stored.key_hash).not.toContain(key);

      const created = await client.post('/api/v1/customers', buildCustomer({ name: '接口建档' }));
      expect(created.status).toBe(201); // no cookie, no CSRF token: a Bearer key is not replayable cross-site
      expect(created.body.masked).toBe(true);
      expect((await client.get(`/api/v1/customers/${created.body.id}`)).status).toBe(200);
      expect((await client.patch(`/api/v1/customers/${created.body.id}`, { notes: 'x', version: 1 })).status).toBe(403);
      expect((await client.post(`/api/v1/customers/${created.body.id}/reveal`)).status).toBe(403);
      expect((await client.get('/api/v1/users')).status).toBe(403);
      expect((await client.get('/api/v1/auth/me')).status).toBe(401);

      const audit = await manager.get(`/api/v1/audit-log?entityId=${created.body.id}&action=customer.create`);
      expect(audit.body.items[0]).toMatchObject({ actorKind: 'apikey', actorName: 'API: test integration' });
      expect((await admin.get('/api/v1/api-keys')).body.items.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt).not.toBeNull();
    });

    it('a revoked or unknown key is 401', async () => {
      const { apiKey, client } = await createApiKey(env(), admin, ['customer:read']);
      expect((await client.get('/api/v1/customers')).status).toBe(200);
      expect((await admin.post(`/api/v1/api-keys/${apiKey.id}/revoke`)).status).toBe(200);
      const revoked = await client.get('/api/v1/customers');
      expect(revoked.status).toBe(401);
      expect(revoked.body.code).toBe('apikey.invalid');
      expect((await admin.post(`/api/v1/api-keys/${apiKey.id}/revoke`)).status).toBe(404);
      expect((await call(env(), { url: '/api/v1/customers', headers: { authorization: 'Bearer kefu_nothing_here' } })).status).toBe(401);
    });

    it('only apikey:manage may create, list or revoke keys', async () => {
      expect((await manager.get('/api/v1/api-keys')).status).toBe(403);
      expect((await manager.post('/api/v1/api-keys', { name: 'x', permissions: ['customer:read'] })).status).toBe(403);
      const agent = await signIn(env(), (await createUser(env(), ['agent'])).username);
      expect((await agent.post('/api/v1/api-keys/00000000-0000-4000-8000-000000000000/revoke')).status).toBe(403);
    });
  });
});
