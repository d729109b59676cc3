import { afterEach, beforeAll, expect, it } from 'vitest';
import { buildComplaint, step } from './complaint-fixtures';
import { signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const HOUR = 3_600_000;

/**
 * The deadlines of seed 003 附件三 #4 ("2小时内响应，三个工作日解决") through the API, on the shipped
 * calendar (Monday-Friday 09:00-18:00, Asia/Shanghai; 2026-10-01..07 National Day, 2026-10-10 a 调休
 * working Saturday), at fixed clocks.
 */
describeEachDb('complaint SLA on the business calendar', (env) => {
  let officer: Client;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  /** The officer, signed in again at a moved clock (the morning's session may have expired). */
  async function at(iso: string): Promise<Client> {
    env().clock.set(iso);
    return signIn(env(), officer.username);
  }

  it('a Friday 17:30 complaint is due for an answer on Monday 10:30 and resolved by Wednesday 18:00', async () => {
    const me = await at('2026-10-16T10:00:00Z');
    const res = await me.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-16T17:30:00+08:00' }));
    expect(res.body.sla).toMatchObject({ responseDueAt: '2026-10-19T02:30:00.000Z', resolveDueAt: '2026-10-21T10:00:00.000Z', status: 'on_track' });
    // 18:00 Friday: 30 working minutes used of 120
    expect(res.body.sla.remainingMs).toBe(1.5 * HOUR);
    expect(res.body.sla.usedFraction).toBe(0.25);
    // over the weekend nothing is used up
    const monday = await at('2026-10-19T00:59:00Z');
    expect((await monday.get(`/api/v1/complaints/${res.body.id}`)).body.sla.remainingMs).toBe(1.5 * HOUR);
  });

  it('before the 调休 Saturday 2026-10-10 the Saturday is a working day', async () => {
    const me = await at('2026-10-09T10:00:00Z');
    const res = await me.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-09T17:30:00+08:00' }));
    expect(res.body.sla).toMatchObject({ responseDueAt: '2026-10-10T02:30:00.000Z', resolveDueAt: '2026-10-13T10:00:00.000Z' });
  });

  it('a complaint received during the National Day holiday counts from the next working morning', async () => {
    const res = await officer.post('/api/v1/complaints', buildComplaint({ channel: 'email', receivedAt: '2026-10-03T10:00:00+08:00' }));
    // 10-08 09:00 + 2 h; 3 working days: 10-08, 10-09, 10-10 (调休)
    expect(res.body.sla).toMatchObject({
      responseDueAt: '2026-10-08T03:00:00.000Z',
      resolveDueAt: '2026-10-10T10:00:00.000Z',
      status: 'breached',
      responseBreached: true,
      resolveBreached: false,
    });
    // 10-08 09:00 -> 10-09 10:00 is 10 working hours: 8 over the 2 allowed
    expect(res.body.sla.remainingMs).toBe(-8 * HOUR);
    // acknowledged late: the response clock stops breached, the breach is on record with when it was met
    const ack = await step(officer, res.body, 'acknowledge', { officerId: officer.userId });
    expect(ack.sla).toMatchObject({ respondedAt: '2026-10-09T02:00:00.000Z', responseBreached: true, status: 'on_track' });
    const breach = await env().handle.db.selectFrom('complaint_breaches').selectAll().where('complaint_id', '=', res.body.id).execute();
    expect(breach).toEqual([expect.objectContaining({ kind: 'response', due_at: new Date('2026-10-08T03:00:00Z'), met_at: new Date('2026-10-09T02:00:00Z') })]);
    expect((await officer.get(`/api/v1/complaints/${res.body.id}/steps`)).body[1].data.late).toBe(true);
  });

  it('waiting for the customer stops the clocks; resuming pushes the running deadlines on by the working time waited', async () => {
    const created = await officer.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-09T09:30:00+08:00' }));
    expect(created.body.sla.responseDueAt).toBe('2026-10-09T03:30:00.000Z');
    const paused = await step(officer, created.body, 'pause', { officerId: officer.userId });
    expect(paused.sla).toMatchObject({ status: 'paused', pausedSince: '2026-10-09T02:00:00.000Z', remainingMs: 1.5 * HOUR });
    expect(paused.actions).toEqual(['resume', 'transfer', 'assign', 'promise']);
    // steps that move the case wait for the customer too
    const blocked = await officer.post(`/api/v1/complaints/${created.body.id}/acknowledge`, { version: paused.version });
    expect(blocked.status).toBe(409);
    expect(blocked.body.allowed).toEqual(['resume', 'transfer', 'assign', 'promise']);
    const afternoon = await at('2026-10-09T06:00:00Z');
    const waiting = (await afternoon.get(`/api/v1/complaints/${created.body.id}`)).body;
    // four hours later: the time left stands still, the deadline has moved with the wait
    expect(waiting.sla).toMatchObject({ remainingMs: 1.5 * HOUR, responseDueAt: '2026-10-09T07:30:00.000Z', status: 'paused' });
    // in the queue a paused case comes after every case with a deadline
    const resumed = await step(afternoon, waiting, 'resume', { officerId: officer.userId });
    expect(resumed.sla).toMatchObject({
      status: 'on_track',
      pausedSince: null,
      responseDueAt: '2026-10-09T07:30:00.000Z',
      resolveDueAt: '2026-10-14T05:00:00.000Z',
      remainingMs: 1.5 * HOUR,
    });
    const steps = (await afternoon.get(`/api/v1/complaints/${created.body.id}/steps`)).body;
    expect(steps.map((s: { action: string }) => s.action)).toEqual(['register', 'pause', 'resume']);
    expect(steps[1].data).toEqual({ reason: '等待客户提供收据照片' });
    expect(steps[2].data).toMatchObject({ pausedWorkingMs: 4 * HOUR, responseDueAt: '2026-10-09T07:30:00.000Z', resolveDueAt: '2026-10-14T05:00:00.000Z' });
    const pauses = await env().handle.db.selectFrom('complaint_pauses').selectAll().where('complaint_id', '=', created.body.id).execute();
    expect(pauses).toEqual([
      expect.objectContaining({ from_at: new Date('2026-10-09T02:00:00Z'), to_at: new Date('2026-10-09T06:00:00Z'), reason: '等待客户提供收据照片' }),
    ]);
    // a pause after the answer moves only the resolution deadline
    const ack = await step(afternoon, resumed, 'acknowledge', { officerId: officer.userId });
    const again = await step(afternoon, ack, 'pause', { officerId: officer.userId });
    const later = await at('2026-10-09T08:00:00Z');
    const back = await step(later, again, 'resume', { officerId: officer.userId });
    expect(back.sla).toMatchObject({
      responseDueAt: '2026-10-09T07:30:00.000Z',
      respondedAt: '2026-10-09T06:00:00.000Z',
      resolveDueAt: '2026-10-14T07:00:00.000Z',
    });
  });

  it('the queue sorts by the deadline that applies now, most overdue first, paused last, with cursors across both', async () => {
    const tag = `排序${Date.now() % 100000}`;
    const mk = async (receivedAt: string, extra: Record<string, unknown> = {}) =>
      (await officer.post('/api/v1/complaints', buildComplaint({ receivedAt, complainantName: `${tag}客户`, ...extra }))).body;
    const late = await mk('2026-10-08T09:00:00+08:00'); // due 10-08 11:00: overdue
    const soon = await mk('2026-10-09T08:50:00+08:00'); // due 10-09 11:00
    const urgent = await mk('2026-10-09T09:40:00+08:00', { severity: 'urgent' }); // 1 h: due 10:40
    const later = await mk('2026-10-09T09:55:00+08:00'); // due 11:55
    const paused = await step(officer, await mk('2026-10-09T07:00:00+08:00'), 'pause', { officerId: officer.userId });
    const resolved = await mk('2026-10-09T09:10:00+08:00');
    let r = await step(officer, resolved, 'acknowledge', { officerId: officer.userId });
    for (const a of ['verify', 'propose', 'resolve']) r = await step(officer, r, a, { officerId: officer.userId });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await officer.get(
        `/api/v1/complaints?q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // the resolved case has no running clock and no promise: no deadline, with the paused one at the end
    expect(seen.slice(0, 4)).toEqual([late.id, urgent.id, soon.id, later.id]);
    expect(new Set(seen.slice(4))).toEqual(new Set([paused.id, resolved.id]));
    const newest = await officer.get(`/api/v1/complaints?q=${encodeURIComponent(tag)}&sort=newest`);
    expect(newest.body.items.map((i: { id: string }) => i.id)).toEqual([later.id, urgent.id, resolved.id, soon.id, paused.id, late.id]);
    const bad = await officer.get(`/api/v1/complaints?cursor=${Buffer.from(JSON.stringify(['not a time', late.id])).toString('base64url')}`);
    expect(bad.status).toBe(400);
  });
});
