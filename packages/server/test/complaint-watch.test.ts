import { afterEach, beforeAll, expect, it } from 'vitest';
import { buildComplaint, step, type Case } from './complaint-fixtures';
import { signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/**
 * The watch: at-risk (80 % of the working time used) and breached cases tell the assignee, the
 * supervisors and the managers once per case and clock; breaches are recorded. Sweeping twice, or two
 * instances sweeping at once, tells nobody twice.
 */
describeEachDb('complaint watch', (env) => {
  let officer: Client;
  let manager: Client;
  let supervisor: Client;
  let otherOfficer: Client;
  let agent: Client;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    otherOfficer = await userClient(env(), ['complaints'], '钱客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    agent = await userClient(env(), ['agent'], '张晓燕');
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  const sweep = (iso: string) => env().app.services.complaints.sweep(new Date(iso));
  const toldAbout = async (c: Case, kind?: string) => {
    let q = env().handle.db.selectFrom('notifications').selectAll().where('link', '=', `/complaints/${c.id}`);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('created_at').execute();
  };

  it('at risk, then breached: each told once to the assignee, the supervisors and the managers; the breach recorded', async () => {
    // received 09:30, respond within 2 working hours: due 11:30, at risk from 11:06 (80 %)
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId, complainantName: '吴先生' }))).body;
    await sweep('2026-10-09T03:00:00Z');
    expect(await toldAbout(c, 'complaint.response_at_risk')).toEqual([]);

    await sweep('2026-10-09T03:10:00Z');
    const atRisk = await toldAbout(c, 'complaint.response_at_risk');
    const people = new Set(atRisk.map((n) => n.user_id));
    expect(people.has(officer.userId) && people.has(manager.userId) && people.has(supervisor.userId)).toBe(true);
    // the case's assignee, not every officer; never an agent
    expect(people.has(otherOfficer.userId) || people.has(agent.userId)).toBe(false);
    expect(atRisk.length).toBe(people.size);
    expect(atRisk[0]!.params).toEqual({ number: c.number, complainant: '吴先生', due: '2026-10-09 11:30' });

    // again, and two instances at once: nobody is told twice
    await sweep('2026-10-09T03:15:00Z');
    await Promise.all([sweep('2026-10-09T03:20:00Z'), sweep('2026-10-09T03:20:00Z')]);
    expect((await toldAbout(c, 'complaint.response_at_risk')).length).toBe(atRisk.length);

    env().clock.set('2026-10-09T03:20:00Z');
    const view = (await (await signIn(env(), officer.username)).get(`/api/v1/complaints/${c.id}`)).body;
    expect(view.sla).toMatchObject({ status: 'at_risk', remainingMs: 10 * 60_000 });

    await Promise.all([sweep('2026-10-09T03:31:00Z'), sweep('2026-10-09T03:31:00Z'), sweep('2026-10-09T03:32:00Z')]);
    const breached = await toldAbout(c, 'complaint.response_breached');
    expect(new Set(breached.map((n) => n.user_id))).toEqual(people);
    expect(breached.length).toBe(people.size);
    const breaches = await env().handle.db.selectFrom('complaint_breaches').selectAll().where('complaint_id', '=', c.id).execute();
    expect(breaches).toEqual([
      expect.objectContaining({ kind: 'response', due_at: new Date('2026-10-09T03:30:00Z'), recorded_at: new Date('2026-10-09T03:31:00Z'), met_at: null }),
    ]);
    const steps = (await officer.get(`/api/v1/complaints/${c.id}/steps`)).body;
    expect(
      steps
        .filter((s: { action: string }) => s.action === 'at_risk' || s.action === 'breach')
        .map((s: { action: string; actor: unknown; data: { clock: string } }) => [s.action, s.actor, s.data.clock]),
    ).toEqual([
      ['at_risk', null, 'response'],
      ['breach', null, 'response'],
    ]);

    // answered at 11:45: the breach shows when it was met; the resolution clock is watched next
    env().clock.set('2026-10-09T03:45:00Z');
    const late = await signIn(env(), officer.username);
    const ack = await step(late, (await late.get(`/api/v1/complaints/${c.id}`)).body, 'acknowledge', { officerId: officer.userId });
    expect(ack.sla).toMatchObject({ responseBreached: true, status: 'on_track' });
    const met = await env().handle.db.selectFrom('complaint_breaches').select(['met_at']).where('complaint_id', '=', c.id).executeTakeFirstOrThrow();
    expect(met.met_at).toEqual(new Date('2026-10-09T03:45:00Z'));
    const row = await env()
      .handle.db.selectFrom('complaints')
      .select(['watch_at', 'alerted', 'current_due_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    // to Tuesday 18:00 (the 调休 Saturday counts) is 35.5 working hours from 09:30: 80 % is 28.4 h -> Tuesday 10:54
    expect(row).toEqual({
      watch_at: new Date('2026-10-13T02:54:00Z'),
      alerted: ['response_at_risk', 'response_breached'],
      current_due_at: new Date('2026-10-13T10:00:00Z'),
    });
    await sweep('2026-10-13T02:53:00Z');
    expect(await toldAbout(c, 'complaint.resolve_at_risk')).toEqual([]);
    await sweep('2026-10-13T02:55:00Z');
    expect((await toldAbout(c, 'complaint.resolve_at_risk')).length).toBe(people.size);
  });

  it('the words are the reader’s language: the bell reads them in zh-CN or English', async () => {
    const c: Case = (
      await officer.post(
        '/api/v1/complaints',
        buildComplaint({ assigneeId: officer.userId, complainantName: '郑女士', receivedAt: '2026-10-09T08:00:00+08:00' }),
      )
    ).body;
    await sweep('2026-10-09T03:05:00Z');
    const zh = await officer.get('/api/v1/notifications?unread=true&limit=200');
    const mine = zh.body.items.find((n: { link: string; kind: string }) => n.link === `/complaints/${c.id}` && n.kind === 'complaint.response_breached');
    expect(mine).toMatchObject({ title: '客诉已超过首次响应时限', body: `${c.number}（投诉人：郑女士）首次响应时限 2026-10-09 11:00 已过`, readAt: null });
    const en = await officer.get('/api/v1/notifications?unread=true&limit=200', { 'accept-language': 'en' });
    expect(en.body.items.find((n: { id: string }) => n.id === mine.id)).toMatchObject({
      title: 'A complaint missed its response deadline',
      body: `${c.number} (complainant: 郑女士): the response was due by 2026-10-09 11:00`,
    });
  });

  it('an unassigned case is told to everyone who handles complaints', async () => {
    const c: Case = (await agent.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-09T08:30:00+08:00' }))).body;
    await sweep('2026-10-09T02:40:00Z');
    const people = new Set((await toldAbout(c, 'complaint.response_at_risk')).map((n) => n.user_id));
    expect([officer, otherOfficer, manager, supervisor].every((u) => people.has(u.userId))).toBe(true);
    expect(people.has(agent.userId)).toBe(false);
  });

  it('a paused case is not watched; after resuming the watch looks again at the moved deadline', async () => {
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId, receivedAt: '2026-10-09T09:50:00+08:00' }))).body;
    const paused = await step(officer, c, 'pause', { officerId: officer.userId });
    await sweep('2026-10-09T05:00:00Z');
    expect(await toldAbout(c)).toEqual([]);
    env().clock.set('2026-10-09T05:00:00Z');
    const afternoon = await signIn(env(), officer.username);
    await step(afternoon, paused, 'resume', { officerId: officer.userId });
    // 10 minutes used before the wait; 110 left from 13:00 -> due 14:50, at risk from 14:26
    await sweep('2026-10-09T06:20:00Z');
    expect(await toldAbout(c, 'complaint.response_at_risk')).toEqual([]);
    await sweep('2026-10-09T06:27:00Z');
    expect((await toldAbout(c, 'complaint.response_at_risk')).length).toBeGreaterThan(0);
  });

  it('a new at-risk share makes the watch look at every running case again', async () => {
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId, receivedAt: '2026-10-09T09:59:00+08:00' }))).body;
    await sweep('2026-10-09T02:10:00Z');
    expect(await toldAbout(c, 'complaint.response_at_risk')).toEqual([]);
    const settings = (await manager.get('/api/v1/complaint-settings')).body;
    await manager.put('/api/v1/complaint-settings', { ...settings, atRiskFraction: 0.1 });
    try {
      await sweep('2026-10-09T02:15:00Z');
      expect((await toldAbout(c, 'complaint.response_at_risk')).length).toBeGreaterThan(0);
    } finally {
      await manager.put('/api/v1/complaint-settings', settings);
    }
  });
});
