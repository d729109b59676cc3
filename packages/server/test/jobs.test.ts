import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { readConfig } from '../src/config';
import { nextRunAfter } from '../src/modules/jobs';
import { userClient } from './factories';
import { describeEachDb, type TestEnv } from './helpers';

describe('job schedules', () => {
  const cases: [string, { everyMinutes: number } | { dailyAt: string }, string, string][] = [
    ['every 15 minutes from the run', { everyMinutes: 15 }, '2026-10-09T02:00:00Z', '2026-10-09T02:15:00Z'],
    ['daily 02:30 Shanghai, asked at 10:00 Shanghai: tomorrow', { dailyAt: '02:30' }, '2026-10-09T02:00:00Z', '2026-10-09T18:30:00Z'],
    ['daily 02:30 Shanghai, asked at 02:00 Shanghai: today', { dailyAt: '02:30' }, '2026-10-08T18:00:00Z', '2026-10-08T18:30:00Z'],
    ['daily 02:30, asked exactly then: the next day', { dailyAt: '02:30' }, '2026-10-08T18:30:00Z', '2026-10-09T18:30:00Z'],
    ['daily 01:30 across the month end', { dailyAt: '01:30' }, '2026-10-31T18:00:00Z', '2026-11-01T17:30:00Z'],
  ];
  it.each(cases)('%s', (_name, schedule, after, next) => {
    expect(nextRunAfter(schedule, new Date(after), 'Asia/Shanghai').toISOString()).toBe(new Date(next).toISOString());
  });
  it('reads the time of day in the department’s zone, not the server’s', () => {
    expect(nextRunAfter({ dailyAt: '09:00' }, new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });
});

/** Another instance of the app on the same database (a second server process behind the same PostgreSQL). */
async function secondInstance(env: TestEnv): Promise<App> {
  const app = await buildApp({ db: env.handle.db, dbKind: env.kind, clock: env.clock, config: { ...readConfig({}), webDist: null } });
  await app.ready();
  return app;
}

async function jobRow(env: TestEnv, name: string) {
  return env.handle.db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

describeEachDb('job scheduler', (env) => {
  const name = () => `test.job-${randomBytes(4).toString('hex')}`;

  it('runs a due job once when two instances tick at the same moment', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const other = await secondInstance(env());
    const job = name();
    let runs = 0;
    const run = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20)); // the other instance ticks meanwhile
      return { made: 1 };
    };
    for (const a of [env().app, other]) a.services.jobs.register({ name: job, schedule: { everyMinutes: 15 }, run });
    const [a, b] = await Promise.all([env().app.services.jobs.tick(), other.services.jobs.tick()]);
    expect(runs).toBe(1);
    expect([...a, ...b].filter((n) => n === job)).toHaveLength(1);
    const row = await jobRow(env(), job);
    expect(row).toMatchObject({ run_count: 1, last_ok: true, lease_owner: null, lease_until: null, last_result: { made: 1 } });
    expect(row.next_run_at.toISOString()).toBe('2026-10-09T02:15:00.000Z');
    // ticking again at the same moment does nothing
    await Promise.all([env().app.services.jobs.tick(), other.services.jobs.tick()]);
    expect(runs).toBe(1);
    const history = await env().handle.db.selectFrom('job_runs').selectAll().where('job', '=', job).execute();
    expect(history).toHaveLength(1);
    await other.close();
  });

  it('survives a restart: a new instance picks up the stored next run, not a fresh one', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const job = name();
    let runs = 0;
    const first = await secondInstance(env());
    first.services.jobs.register({ name: job, schedule: { everyMinutes: 15 }, run: async () => (runs += 1) });
    await first.services.jobs.tick();
    await first.close(); // the process stops
    const restarted = await secondInstance(env());
    restarted.services.jobs.register({ name: job, schedule: { everyMinutes: 15 }, run: async () => (runs += 1) });
    await restarted.services.jobs.tick();
    expect(runs).toBe(1); // not due before 02:15
    env().clock.set('2026-10-09T02:15:00Z');
    await restarted.services.jobs.tick();
    expect(runs).toBe(2);
    expect((await jobRow(env(), job)).run_count).toBe(2);
    await restarted.close();
  });

  it('retries a run whose instance died once its lease has expired, and not before', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const job = name();
    let runs = 0;
    env().app.services.jobs.register({ name: job, schedule: { dailyAt: '01:30' }, leaseMinutes: 10, run: async () => (runs += 1) });
    await env().app.services.jobs.tick(); // makes the row (next run: tomorrow 01:30)
    // another instance claimed it at 10:00 and died in the middle of the run
    await env()
      .handle.db.updateTable('jobs')
      .set({ next_run_at: new Date('2026-10-09T01:59:00Z'), lease_owner: 'dead-host:1', lease_until: new Date('2026-10-09T02:10:00Z') })
      .where('name', '=', job)
      .execute();
    await env().app.services.jobs.tick();
    expect(runs).toBe(0);
    env().clock.set('2026-10-09T02:11:00Z');
    await env().app.services.jobs.tick();
    expect(runs).toBe(1);
    const row = await jobRow(env(), job);
    expect(row.lease_owner).toBeNull();
    expect(row.next_run_at.toISOString()).toBe('2026-10-09T17:30:00.000Z'); // 01:30 tomorrow in Shanghai
  });

  it('records a failure with its message and tries again 5 minutes later', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const job = name();
    env().app.services.jobs.register({ name: job, schedule: { dailyAt: '02:00' }, run: async () => Promise.reject(new Error('数据库忙')) });
    await env().app.services.jobs.tick();
    await env()
      .handle.db.updateTable('jobs')
      .set({ next_run_at: new Date('2026-10-09T02:00:00Z') })
      .where('name', '=', job)
      .execute();
    await env().app.services.jobs.tick();
    const row = await jobRow(env(), job);
    expect(row).toMatchObject({ last_ok: false, last_error: '数据库忙', fail_count: 1, run_count: 1, lease_owner: null });
    expect(row.next_run_at.toISOString()).toBe('2026-10-09T02:05:00.000Z');
  });

  it('shows the manager the jobs (the complaint watch, the card check, the rules), runs one now; others get 401/403/404', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const manager = await userClient(env(), ['manager'], '张经理');
    const agent = await userClient(env(), ['agent'], '客服小王');
    await env().app.services.jobs.tick();
    const list = await manager.get('/api/v1/jobs');
    expect(list.status, list.text).toBe(200);
    const names = list.body.items.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['complaints.watch', 'cards.nightly', 'follow_up_rules.frequent', 'follow_up_rules.daily']));
    const watch = list.body.items.find((j: { name: string }) => j.name === 'complaints.watch');
    expect(watch).toMatchObject({ lastOk: true, schedule: { everyMinutes: 1 } });
    expect(Date.parse(watch.nextRunAt) - Date.parse(watch.lastStartedAt)).toBe(60_000);
    const nightly = list.body.items.find((j: { name: string }) => j.name === 'cards.nightly');
    expect(nightly).toMatchObject({ runCount: 0, nextRunAt: '2026-10-09T18:30:00.000Z' });
    const now = await manager.post('/api/v1/jobs/cards.nightly/run');
    expect(now.status, now.text).toBe(200);
    expect(now.body.nextRunAt).toBe('2026-10-09T02:00:00.000Z');
    await env().app.services.jobs.tick();
    const runs = await manager.get('/api/v1/jobs/cards.nightly/runs');
    expect(runs.body.items[0]).toMatchObject({ ok: true, error: null });
    expect((await agent.get('/api/v1/jobs')).status).toBe(403);
    expect((await agent.post('/api/v1/jobs/cards.nightly/run')).status).toBe(403);
    expect((await manager.post('/api/v1/jobs/no.such.job/run')).status).toBe(404);
    const anonymous = await env().app.inject({ method: 'GET', url: '/api/v1/jobs' });
    expect(anonymous.statusCode).toBe(401);
  });
});
