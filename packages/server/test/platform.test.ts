import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './clients';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** Every /api/v1 route the app serves, from Fastify's own route tree (so a new route is not missed). */
function registeredRoutes(tree: string): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + m[2]!;
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD' && path.startsWith('/api/v1/')) out.push({ method, path });
    }
  }
  return out;
}

describeEachDb('platform: OpenAPI, health, errors, request ids, permissions on every route', (env) => {
  let agent: Client;
  let otherAgent: Client;
  let handler: Client;
  let customerId: string;

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '张晓燕');
    otherAgent = await userClient(env(), ['agent'], '刘子豪');
    handler = await userClient(env(), ['handler'], '周前台');
    customerId = (await agent.post('/api/v1/customers', buildCustomer({ name: '范围客户' }))).body.id;
  });

  it('GET /api/health answers without sign-in', async () => {
    const res = await call(env(), { url: '/api/health' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: env().kind, version: expect.any(String) });
  });

  it('/api/openapi.json is OpenAPI 3.1 and lists every /api/v1 route; /api/docs answers', async () => {
    const doc = (await call(env(), { url: '/api/openapi.json' })).body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = registeredRoutes(env().app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => !doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    // generated from the zod schemas: the customer body has its fields
    expect(Object.keys(doc.paths['/api/v1/customers'].post.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['name', 'mobile', 'birthdayLunar']),
    );
    const docs = await call(env(), { url: '/api/docs' });
    expect(docs.status).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('errors are problem+json in zh-CN by default and in English on request, without internals', async () => {
    const cases = [
      { url: '/api/v1/no-such-thing', status: 404, zh: '接口不存在', en: 'No such endpoint' },
      { url: '/api/v1/customers', status: 401, zh: '请先登录', en: 'Please sign in' },
    ];
    for (const c of cases) {
      const zh = await call(env(), { url: c.url });
      const en = await call(env(), { url: c.url, headers: { 'accept-language': 'en-US,en;q=0.9' } });
      for (const [res, title] of [
        [zh, c.zh],
        [en, c.en],
      ] as const) {
        expect(res.status).toBe(c.status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toMatchObject({ type: expect.stringContaining('https://'), title, status: c.status });
      }
    }
    const forbidden = await handler.get('/api/v1/customers', { 'accept-language': 'en' });
    expect(forbidden.body.title).toBe('You do not have permission for this');
    const badJson = await call(env(), { method: 'POST', url: '/api/v1/auth/login', body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.headers['content-type']).toContain('application/problem+json');
    expect(badJson.text).not.toMatch(/at .*\.ts|node_modules|stack/);
  });

  it('echoes X-Request-Id, or makes one; the problem body carries the same id', async () => {
    const given = await call(env(), { url: '/api/v1/nothing', headers: { 'x-request-id': 'phone-400-call-42' } });
    expect(given.headers['x-request-id']).toBe('phone-400-call-42');
    expect(given.body.requestId).toBe('phone-400-call-42');
    const made = await call(env(), { url: '/api/health', headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(env(), { url: '/api/health' })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('every route checks who is calling', () => {
    const id = () => customerId;
    const other = '00000000-0000-4000-8000-000000000000';
    // method, path, body; the routes every signed-in user may use are marked open
    const routes = (): { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; open?: boolean; row?: boolean }[] => [
      { method: 'GET', url: '/api/v1/customers' },
      { method: 'POST', url: '/api/v1/customers', body: buildCustomer() },
      { method: 'GET', url: '/api/v1/customers/duplicates?mobile=13800138000' },
      { method: 'GET', url: `/api/v1/customers/${id()}`, row: true },
      { method: 'PATCH', url: `/api/v1/customers/${id()}`, body: { notes: 'x', version: 1 }, row: true },
      { method: 'POST', url: `/api/v1/customers/${id()}/reveal`, row: true },
      { method: 'GET', url: `/api/v1/customers/${id()}/history`, row: true },
      { method: 'GET', url: `/api/v1/customers/${id()}/timeline`, row: true },
      { method: 'POST', url: `/api/v1/customers/${id()}/lifecycle`, body: { action: 'activate', version: 1 }, row: true },
      { method: 'POST', url: `/api/v1/customers/${id()}/merge`, body: { otherId: other, version: 1 } },
      { method: 'POST', url: '/api/v1/customers/assign', body: { customerIds: [id()], ownerId: other } },
      { method: 'POST', url: '/api/v1/customers/distribute', body: { customerIds: [id()], agentIds: [other] } },
      { method: 'GET', url: '/api/v1/audit-log' },
      { method: 'GET', url: '/api/v1/users' },
      { method: 'POST', url: '/api/v1/users', body: { username: 'someone', displayName: 'x', password: 'password-1', roles: ['agent'] } },
      { method: 'PATCH', url: `/api/v1/users/${other}`, body: { active: false, version: 1 } },
      { method: 'GET', url: '/api/v1/roles' },
      { method: 'PUT', url: '/api/v1/roles/agent', body: { permissions: [] } },
      { method: 'POST', url: '/api/v1/departments', body: { name: '前台' } },
      { method: 'GET', url: '/api/v1/api-keys' },
      { method: 'POST', url: '/api/v1/api-keys', body: { name: 'x', permissions: ['customer:read'] } },
      { method: 'POST', url: `/api/v1/api-keys/${other}/revoke` },
      { method: 'PUT', url: '/api/v1/settings/archive', body: { churnRiskDays: 30, bigCustomerTiers: [] } },
      { method: 'PUT', url: '/api/v1/customer-categories', body: { kind: 'tier', code: 'x', labelZh: 'x', labelEn: 'x' } },
      { method: 'GET', url: '/api/v1/settings/archive', open: true },
      { method: 'GET', url: '/api/v1/customer-categories', open: true },
      { method: 'GET', url: '/api/v1/staff', open: true },
      { method: 'GET', url: '/api/v1/departments', open: true },
      { method: 'GET', url: '/api/v1/auth/me', open: true },
      { method: 'PUT', url: '/api/v1/calendar/config', body: { timeZone: 'Asia/Shanghai', week: [null, null, null, null, null, null, null], lunch: null } },
      { method: 'POST', url: '/api/v1/calendar/days', body: { date: '2027-01-01', kind: 'holiday', name: '元旦' } },
      { method: 'DELETE', url: '/api/v1/calendar/days/2027-01-01' },
      { method: 'POST', url: '/api/v1/calendar/years/2027/covered' },
      { method: 'DELETE', url: '/api/v1/calendar/years/2027/covered' },
      // deadlines are shown to everyone who works cases: the calendar is read by every signed-in user
      { method: 'GET', url: '/api/v1/calendar/config', open: true },
      { method: 'GET', url: '/api/v1/calendar/coverage', open: true },
      { method: 'GET', url: '/api/v1/calendar/years/2026', open: true },
    ];

    it('without a session: 401 on every route but sign-in and health', async () => {
      for (const r of routes()) {
        const res = await call(env(), { method: r.method, url: r.url, body: r.body });
        expect(res.status, `${r.method} ${r.url}`).toBe(401);
      }
    });

    it('a department handler (no permissions): 403 on every route that needs one', async () => {
      for (const r of routes()) {
        const res = r.method === 'GET' ? await handler.get(r.url) : await (handler as any)[r.method.toLowerCase()](r.url, r.body);
        expect(res.status, `${r.method} ${r.url}`).toBe(r.open ? 200 : 403);
      }
    });

    it('another agent: 404 on every route about a customer outside their scope, so its existence does not leak', async () => {
      for (const r of routes().filter((x) => x.row)) {
        const res = r.method === 'GET' ? await otherAgent.get(r.url) : await (otherAgent as any)[r.method.toLowerCase()](r.url, r.body);
        expect(res.status, `${r.method} ${r.url}`).toBe(404);
        expect(res.body.title).toBe('记录不存在或无权查看');
      }
      const own = await agent.get(`/api/v1/customers/${customerId}`);
      expect(own.status).toBe(200);
    });

    it("the route list above covers every /api/v1 route except sign-in, sign-out, password and other modules' own", async () => {
      const listed = new Set(
        routes().map(
          (r) =>
            `${r.method} ${r.url
              .split('?')[0]!
              .replace(customerId, ':id')
              .replace(other, ':id')
              .replace('/roles/agent', '/roles/:name')
              .replace(/\/years\/\d{4}/, '/years/:year')
              .replace(/\/days\/[\d-]+/, '/days/:date')}`,
        ),
      );
      const registered = registeredRoutes(env().app.printRoutes({ commonPrefix: false }))
        .filter((r) => !r.path.startsWith('/api/v1/auth/login') && !r.path.startsWith('/api/v1/auth/logout') && !r.path.startsWith('/api/v1/auth/password'))
        .filter((r) => !r.path.startsWith('/api/v1/customer-imports') && !r.path.startsWith('/api/v1/customer-exports'))
        // the complaints area checks every one of its routes in complaint-access.test.ts, the reports in complaint-reports.test.ts
        .filter(
          (r) =>
            !/^\/api\/v1\/(complaints|complaint-transfers|complaint-promises|complaint-follow-ups|complaint-settings|complaint-reports|notifications)(\/|$)/.test(
              r.path,
            ),
        )
        // bookings and resources check every one of their routes in booking-access.test.ts
        .filter((r) => !/^\/api\/v1\/(bookings|resources)(\/|$)/.test(r.path))
        // the member cards check every one of their routes in card.test.ts
        .filter((r) => !/^\/api\/v1\/(cards|card-types|card-entries|card-adjustments|card-settings)(\/|$)/.test(r.path))
        // the areas of issue 5 and the bookings/cards extras check their own routes' access (401/403/404):
        // follow-up-work/-supervise/-kpis, follow-up-rules, jobs, telephony-events, interaction, inquiry, script,
        // group-booking, room-booking, booking-closures, referral and activity tests
        .filter(
          (r) =>
            !/^\/api\/v1\/(follow-up-[a-z]+|follow-up-kpis\.xlsx|jobs|telephony|interactions|inquiries|knowledge-articles|scripts|script-context|script-settings|group-bookings|room-bookings|closures|referrals|referral-settings|activities)(\/|$)/.test(
              r.path,
            ) && !/^\/api\/v1\/customers\/:id\/referrals$/.test(r.path),
        )
        .map((r) => `${r.method} ${r.path}`);
      expect(registered.filter((r) => !listed.has(r))).toEqual([]);
    });
  });
});
