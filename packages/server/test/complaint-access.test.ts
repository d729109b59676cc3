import { beforeAll, expect, it } from 'vitest';
import { call } from './clients';
import { buildComplaint, complaintIn, departmentWithHandler, type Case } from './complaint-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

type Method = 'GET' | 'POST' | 'PUT';
interface Route {
  method: Method;
  url: string;
  body?: unknown;
  /** the permissions that let a caller past the door (any of them) */
  needs: string[];
  /** about one case: a reader outside its scope gets 404 */
  row?: boolean;
}

/**
 * Every complaint and notification route checks who is calling: 401 without a session, 403 without the
 * permission (before the input is even read), 404 for a case outside the reader's scope, so that its
 * existence does not leak. complaint:read sees what the reader received, was assigned or registered.
 */
describeEachDb('complaint routes: who may call what', (env) => {
  let officer: Client;
  let manager: Client;
  let agent: Client;
  let otherAgent: Client;
  let admin: Client;
  let c: Case;
  const other = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    otherAgent = await userClient(env(), ['agent'], '刘子豪');
    admin = await userClient(env(), ['admin'], '管理员');
    c = (await agent.post('/api/v1/complaints', buildComplaint())).body;
  });

  const routes = (): Route[] => {
    const id = c.id;
    const v = { version: 1 };
    return [
      { method: 'POST', url: '/api/v1/complaints', body: buildComplaint(), needs: ['complaint:register'] },
      { method: 'GET', url: '/api/v1/complaints', needs: ['complaint:read'] },
      { method: 'GET', url: `/api/v1/complaints/${id}`, needs: ['complaint:read', 'complaint:respond'], row: true },
      { method: 'GET', url: `/api/v1/complaints/${id}/steps`, needs: ['complaint:read', 'complaint:respond'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/acknowledge`, body: v, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/verify`, body: { ...v, investigatorId: other, findings: 'x' }, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/propose`, body: { ...v, proposal: 'x', responsibleId: other }, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/approve`, body: v, needs: ['complaint:approve'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/reject`, body: { ...v, reason: 'x' }, needs: ['complaint:approve'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/resolve`, body: { ...v, handlerId: other, result: 'x' }, needs: ['complaint:handle'], row: true },
      {
        method: 'POST',
        url: `/api/v1/complaints/${id}/feedback`,
        body: { ...v, satisfactionResult: 'satisfied', satisfactionSpeed: 'satisfied' },
        needs: ['complaint:handle'],
        row: true,
      },
      { method: 'POST', url: `/api/v1/complaints/${id}/close`, body: v, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/reopen`, body: { ...v, reason: 'x' }, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/pause`, body: { ...v, reason: 'x' }, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/resume`, body: v, needs: ['complaint:handle'], row: true },
      { method: 'POST', url: `/api/v1/complaints/${id}/assign`, body: { ...v, assigneeId: other }, needs: ['complaint:handle'], row: true },
      {
        method: 'POST',
        url: `/api/v1/complaints/${id}/transfers`,
        body: { ...v, departmentId: other, request: 'x', dueAt: '2026-10-10T10:00:00+08:00' },
        needs: ['complaint:handle'],
        row: true,
      },
      { method: 'GET', url: `/api/v1/complaints/${id}/transfers`, needs: ['complaint:read', 'complaint:respond'], row: true },
      { method: 'GET', url: '/api/v1/complaint-transfers', needs: ['complaint:read', 'complaint:respond'] },
      { method: 'POST', url: `/api/v1/complaint-transfers/${other}/answer`, body: { answer: 'x' }, needs: ['complaint:respond', 'complaint:handle'] },
      {
        method: 'POST',
        url: `/api/v1/complaints/${id}/promises`,
        body: { what: 'x', dueAt: '2026-10-10T10:00:00+08:00' },
        needs: ['complaint:handle'],
        row: true,
      },
      { method: 'GET', url: '/api/v1/complaint-promises', needs: ['complaint:read'] },
      { method: 'POST', url: `/api/v1/complaint-promises/${other}/keep`, needs: ['complaint:read'] },
      { method: 'GET', url: `/api/v1/complaints/${id}/follow-ups`, needs: ['complaint:read'], row: true },
      { method: 'POST', url: `/api/v1/complaint-follow-ups/${other}/done`, body: {}, needs: ['complaint:handle'] },
      { method: 'GET', url: '/api/v1/complaint-settings', needs: ['complaint:read', 'complaint:respond'] },
      { method: 'PUT', url: '/api/v1/complaint-settings', body: {}, needs: ['complaint:settings'] },
      { method: 'GET', url: '/api/v1/notifications', needs: [] },
      { method: 'POST', url: `/api/v1/notifications/${other}/read`, needs: [] },
      { method: 'POST', url: '/api/v1/notifications/read-all', needs: [] },
    ];
  };

  const send = (who: Client, r: Route) =>
    r.method === 'GET' ? who.get(r.url) : r.method === 'PUT' ? who.put(r.url, r.body ?? {}) : who.post(r.url, r.body ?? {});

  it('the list above is every complaint and notification route the app serves', async () => {
    const doc = (await call(env(), { url: '/api/openapi.json' })).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .filter(([p]) => /^\/api\/v1\/(complaints|complaint-transfers|complaint-promises|complaint-follow-ups|complaint-settings|notifications)(\/|$)/.test(p))
      // the printable record form is the reports module's, tested there
      .filter(([p]) => !p.endsWith('/record.pdf'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const listed = new Set(routes().map((r) => `${r.method} ${r.url.replace(c.id, '{id}').replace(other, '{id}')}`));
    expect(served.filter((s) => !listed.has(s))).toEqual([]);
    expect(served.length).toBe(listed.size);
  });

  it('without a session: 401 everywhere', async () => {
    for (const r of routes()) {
      const res = await call(env(), { method: r.method, url: r.url, body: r.body });
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('without the permission: 403, whatever the input', async () => {
    for (const r of routes().filter((x) => x.needs.length)) {
      const res = await send(admin, { ...r, body: { nonsense: true } });
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(res.body.title).toBe('没有此操作的权限');
    }
    // an agent registers and reads, moves nothing
    for (const r of routes().filter((x) => x.needs.length && x.needs.every((p) => !['complaint:register', 'complaint:read'].includes(p)))) {
      expect((await send(agent, r)).status, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('outside the scope: 404 for every route about the case, in the same words as a case that does not exist', async () => {
    for (const r of routes().filter((x) => x.row)) {
      const who = r.needs.some((p) => p === 'complaint:read' || p === 'complaint:respond') ? otherAgent : null;
      if (!who) continue;
      const res = await send(who, r);
      expect(res.status, `${r.method} ${r.url}`).toBe(404);
      expect(res.body.title).toBe('客诉不存在或无权查看');
      const missing = await send(who, { ...r, url: r.url.replace(c.id, other) });
      expect(missing.body.title).toBe('客诉不存在或无权查看');
    }
    // a malformed id is "not found" too
    expect((await officer.get('/api/v1/complaints/not-an-id')).status).toBe(404);
  });

  it('complaint:read sees the cases the reader registered, received or is assigned; read_all sees all', async () => {
    const received = (await officer.post('/api/v1/complaints', buildComplaint({ receiverId: otherAgent.userId, complainantName: '受诉范围' }))).body;
    const officerOnly = (await officer.post('/api/v1/complaints', buildComplaint({ complainantName: '专员自己的' }))).body;
    expect((await otherAgent.get(`/api/v1/complaints/${received.id}`)).status).toBe(200);
    expect((await otherAgent.get(`/api/v1/complaints/${officerOnly.id}`)).status).toBe(404);
    const theirs = (await otherAgent.get('/api/v1/complaints?view=all&limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(theirs).toContain(received.id);
    expect(theirs).not.toContain(officerOnly.id);
    expect(theirs).not.toContain(c.id);
    const mine = (await agent.get('/api/v1/complaints?view=mine&limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(mine).toContain(c.id);
    const all = (await manager.get('/api/v1/complaints?view=all&limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(all).toEqual(expect.arrayContaining([c.id, received.id, officerOnly.id]));
    // the agent reads their own case with the number, moves nothing
    const own = (await agent.get(`/api/v1/complaints/${c.id}`)).body;
    expect(own).toMatchObject({ complainantPhone: '13812345678', phoneMasked: false, actions: [] });
  });

  it('a department handler reads only the cases transferred to their department', async () => {
    const { department, handler } = await departmentWithHandler(env(), '更衣室', '孙更衣');
    const closed = await complaintIn('closed', officer, manager);
    expect((await handler.get(`/api/v1/complaints/${closed.id}`)).status).toBe(404);
    const open = (await officer.post('/api/v1/complaints', buildComplaint())).body;
    await officer.post(`/api/v1/complaints/${open.id}/transfers`, {
      version: open.version,
      departmentId: department.id,
      request: '请查看更衣柜',
      dueAt: '2026-10-09T16:00:00+08:00',
    });
    expect((await handler.get(`/api/v1/complaints/${open.id}`)).status).toBe(200);
    expect((await handler.get(`/api/v1/complaints/${open.id}/follow-ups`)).status).toBe(403);
    expect((await handler.get('/api/v1/complaint-promises')).status).toBe(403);
  });

  it('notifications are the reader’s own: another’s is not found', async () => {
    const c2 = (await manager.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId }))).body;
    const note = (await officer.get('/api/v1/notifications?unread=true')).body.items.find((n: { link: string }) => n.link === `/complaints/${c2.id}`);
    expect(note).toMatchObject({ kind: 'complaint.assigned', title: '有客诉指派给您' });
    expect((await agent.post(`/api/v1/notifications/${note.id}/read`)).status).toBe(404);
    expect((await officer.post(`/api/v1/notifications/${note.id}/read`)).body.readAt).toBe('2026-10-09T02:00:00.000Z');
  });
});
