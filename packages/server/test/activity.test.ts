import { beforeAll, expect, it } from 'vitest';
import { call } from './clients';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/**
 * 会员活动 (seed 003 会籍管理员 (5)(6), issue 6): an event, invitations by customer / tier / tag, answers,
 * attendance, opinions afterwards, the summary and the attendee list in Excel; places never given twice.
 */
describeEachDb('member activities', (env) => {
  let manager: Client;
  let officer: Client;
  let agent: Client;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    officer = await userClient(env(), ['membership'], '周会籍');
    agent = await userClient(env(), ['agent'], '张专员');
  });

  const customer = async (name: string, extra: Record<string, unknown> = {}) =>
    (await officer.post('/api/v1/customers', buildCustomer({ name, ...extra }))).body as { id: string };
  const activity = async (capacity: number, startsAt = '2026-10-11T14:00:00+08:00') => {
    const res = await officer.post('/api/v1/activities', {
      title: '会员高尔夫友谊赛',
      startsAt,
      endsAt: '2026-10-11T17:00:00+08:00',
      place: '一号球场',
      capacity,
      description: '赛后聚餐',
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; version: number };
  };
  const inv = async (id: string, customerId: string) =>
    ((await officer.get(`/api/v1/activities/${id}/invitations`)).body.items as { customerId: string; version: number; status: string }[]).find(
      (i) => i.customerId === customerId,
    )!;

  it('invites, records answers, check-in and opinions; the summary counts them; the timeline says so', async () => {
    const a = await activity(10, '2026-10-09T10:30:00+08:00'); // half an hour from the test clock
    const [c1, c2, c3] = [await customer('钱一'), await customer('孙二'), await customer('李三')];
    const invited = await officer.post(`/api/v1/activities/${a.id}/invitations`, { customerIds: [c1.id, c2.id, c3.id] });
    expect(invited.body).toEqual({ invited: 3 });
    // inviting again adds nobody
    expect((await officer.post(`/api/v1/activities/${a.id}/invitations`, { customerIds: [c1.id] })).body.code).toBe('activity.no_invitees');
    const base = `/api/v1/activities/${a.id}/invitations`;
    expect((await officer.post(`${base}/${c1.id}/answer`, { status: 'accepted', version: 1 })).body.status).toBe('accepted');
    expect((await officer.post(`${base}/${c2.id}/answer`, { status: 'declined', version: 1 })).body.status).toBe('declined');
    // a decliner cannot check in; an opinion only from who came, after the start
    expect((await officer.post(`${base}/${c2.id}/check-in`, { version: 2 })).body.code).toBe('activity.declined');
    expect((await officer.post(`${base}/${c1.id}/check-in`, { version: 2 })).body.checkedInAt).not.toBeNull();
    // a walk-in who never answered checks in and takes a place
    expect((await officer.post(`${base}/${c3.id}/check-in`, { version: 1 })).body.status).toBe('accepted');
    const early = await officer.post(`${base}/${c1.id}/opinion`, { rating: 5, opinion: '组织得很好', version: 3 }, { 'accept-language': 'zh-CN' });
    expect([early.status, early.body.code]).toEqual([409, 'activity.not_started']);
    env().clock.set('2026-10-09T02:45:00Z'); // 10:45, the activity has begun
    try {
      expect((await officer.post(`${base}/${c1.id}/opinion`, { rating: 5, opinion: '组织得很好', version: 3 })).status).toBe(200);
      expect((await officer.post(`${base}/${c3.id}/opinion`, { rating: 4, opinion: '场地有点远', version: 2 })).status).toBe(200);
      expect((await officer.post(`${base}/${c2.id}/opinion`, { rating: 1, version: 2 })).body.code).toBe('activity.not_checked_in');
      expect((await officer.post(`${base}/${c3.id}/opinion`, { rating: 9, version: 3 })).status).toBe(400);
      // a stale version changes nothing
      expect((await officer.post(`${base}/${c3.id}/opinion`, { rating: 3, version: 2 })).body.code).toBe('activity.version_conflict');
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
    const summary = (await officer.get(`/api/v1/activities/${a.id}`)).body.summary;
    expect(summary).toEqual({ invited: 3, accepted: 2, declined: 1, attended: 2, opinions: 2, averageRating: 4.5, ratings: [0, 0, 0, 1, 1] });
    const tl = (await officer.get(`/api/v1/customers/${c1.id}/timeline?limit=20`)).body.items.map((e: { summary: string }) => e.summary);
    expect(tl).toEqual(
      expect.arrayContaining(['受邀参加会员活动“会员高尔夫友谊赛”', '参加了会员活动“会员高尔夫友谊赛”', '对会员活动“会员高尔夫友谊赛”的评价：5 星']),
    );
    const x = await officer.get(`/api/v1/activities/${a.id}/export.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('invites by tag; the last place is given once when two accept at once', async () => {
    const tag = `活动${Math.random().toString(36).slice(2, 6)}`;
    const a = await activity(1);
    const [c1, c2] = [await customer('周甲', { tags: [tag] }), await customer('吴乙', { tags: [tag] })];
    expect((await officer.post(`/api/v1/activities/${a.id}/invitations`, { tag })).body).toEqual({ invited: 2 });
    const base = `/api/v1/activities/${a.id}/invitations`;
    const results = await Promise.all([c1, c2].map((c) => officer.post(`${base}/${c.id}/answer`, { status: 'accepted', version: 1 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('activity.full');
    expect((await officer.get(`/api/v1/activities/${a.id}`)).body.summary.accepted).toBe(1);
    // capacity cannot drop under the accepted count; a declined place comes back
    const winner = results.find((r) => r.status === 200)!.body as { customerId: string; version: number };
    expect((await officer.post(`${base}/${winner.customerId}/answer`, { status: 'declined', version: winner.version })).status).toBe(200);
    const loser = [c1, c2].find((c) => c.id !== winner.customerId)!;
    expect((await officer.post(`${base}/${loser.id}/answer`, { status: 'accepted', version: (await inv(a.id, loser.id)).version })).status).toBe(200);
  });

  it('401 without a session, 403 without the permission, 404 for an unknown activity', async () => {
    expect((await call(env(), { url: '/api/v1/activities' })).status).toBe(401);
    const archivist = await userClient(env(), ['archivist']);
    expect((await archivist.get('/api/v1/activities')).status).toBe(403);
    expect((await agent.get('/api/v1/activities')).status).toBe(200);
    expect((await agent.post('/api/v1/activities', {})).status).toBe(403);
    expect((await manager.get('/api/v1/activities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await officer.post(
      '/api/v1/activities',
      { title: '', startsAt: '2026-10-11T14:00:00+08:00', endsAt: '2026-10-11T13:00:00+08:00', place: 'x', capacity: 0 },
      { 'accept-language': 'zh-CN' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['capacity', 'endsAt', 'title'].sort());
  });
});
