import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { bootstrap } from '../src/bootstrap';
import { readConfig } from '../src/config';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/lib/clock';
import { systemCtx } from '../src/lib/context';
import { loadComplaints } from './complaint-load';
import { PASSWORD as BENCH_PASSWORD, openEngine, type Measure } from './engine';
import { summarize, timed } from './stats';

export interface QueueResult {
  engine: 'pglite' | 'postgres';
  cases: number;
  loadSeconds: number;
  measures: Measure[];
}

/**
 * The complaint officer's queue at 100,000 open cases (issue 4: p95 under 100 ms on PostgreSQL):
 * `GET /api/v1/complaints?sort=time_left&limit=50`, the first page, pages deep by cursor, and the
 * filters of the queue, through HTTP; then the complaint queries each request ran (captured from
 * Kysely's log, same parameters) directly, for the API's overhead ratio.
 */
export async function benchComplaintQueue(
  engine: 'pglite' | 'postgres',
  opts: { cases: number; queries: number; log: (m: string) => void },
): Promise<QueueResult> {
  const { log } = opts;
  let capture: { sql: string; params: readonly unknown[] }[] | null = null;
  const handle = await openEngine(engine, (e) => {
    if (capture && e.level === 'query') capture.push({ sql: e.query.sql, params: e.query.parameters });
  });
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: BENCH_PASSWORD });
  const app = await buildApp({ db: handle.db, dbKind: engine, clock: systemClock, config: { ...readConfig({}), webDist: null } });
  const departmentIds: string[] = [];
  for (const name of ['运营部', '培训部', '财务部', '物流部', '门店一部', '门店二部']) {
    departmentIds.push((await handle.db.insertInto('departments').values({ name }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const officerIds: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const u = await app.services.users.create(systemCtx(), {
      username: `officer${i}`,
      displayName: `客诉专员${i}`,
      password: BENCH_PASSWORD,
      roles: ['complaints'],
      departmentId: null,
      agentNo: null,
    });
    officerIds.push(u.id);
  }
  const loadSeconds = await loadComplaints(handle, opts.cases, { departmentIds, officerIds }, log);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer0', password: BENCH_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { items: unknown[]; nextCursor: string | null };
  };
  const direct = async (qs: { sql: string; params: readonly unknown[] }[]) => {
    for (const q of qs) {
      if (handle.pglite) await handle.pglite.query(q.sql, q.params as unknown[]);
      else await handle.pool!.query(q.sql, q.params as unknown[]);
    }
  };

  /** Each path through HTTP, then the complaint queries it ran (the list and its pauses), directly. */
  async function measure(name: string, paths: string[]): Promise<Measure> {
    const httpMs: number[] = [];
    const runs: { sql: string; params: readonly unknown[] }[][] = [];
    let hits = 0;
    for (const p of paths) await get(p); // warm-up: caches as an officer's day has them
    for (const p of paths) {
      capture = [];
      const [ms, body] = await timed(() => get(p));
      runs.push(capture.filter((c) => /from "complaint/.test(c.sql)));
      capture = null;
      httpMs.push(ms);
      hits += body.items.length;
    }
    const sqlMs: number[] = [];
    for (const qs of runs) if (qs.length) sqlMs.push((await timed(() => direct(qs)))[0]);
    const m = { name, http: summarize(httpMs), sql: sqlMs.length ? summarize(sqlMs) : null, hits };
    log(
      `  ${name.padEnd(40)} http p50 ${m.http.p50.toFixed(2)} p95 ${m.http.p95.toFixed(2)} ms | sql p50 ${m.sql?.p50.toFixed(2)} p95 ${m.sql?.p95.toFixed(2)} ms | ${(hits / paths.length).toFixed(1)} rows`,
    );
    return m;
  }

  /** The first page, then the next `depth` pages by cursor: the deep pages are what is measured. */
  async function deepPages(query: string, depth: number): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < depth; i += 1) {
      const body = await get(`/api/v1/complaints?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = body.nextCursor;
      if (!cursor) break;
      out.push(`/api/v1/complaints?${query}&cursor=${encodeURIComponent(cursor)}`);
    }
    return out;
  }

  const n = opts.queries;
  const queue = 'sort=time_left&limit=50';
  const repeat = (path: string) => Array.from({ length: n }, () => path);
  const measures: Measure[] = [];
  measures.push(await measure('queue: first page (time left)', repeat(`/api/v1/complaints?${queue}`)));
  measures.push(await measure('queue: pages 2-40 by cursor', await deepPages(queue, 40)));
  const count = await sql<{ n: number }>`select count(*)::int as n from complaints where state <> 'closed' and current_due_at is not null`.execute(handle.db);
  // the last pages: past every case with a deadline, into the paused ones
  const tailCursor = Buffer.from(JSON.stringify(['', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
  measures.push(await measure('queue: paused cases (after the last deadline)', repeat(`/api/v1/complaints?${queue}&cursor=${tailCursor}`).slice(0, 20)));
  measures.push(await measure('queue: filter by category', repeat(`/api/v1/complaints?${queue}&category=booking_unavailable`)));
  measures.push(await measure('queue: filter urgent', repeat(`/api/v1/complaints?${queue}&severity=urgent`)));
  measures.push(await measure('queue: filter by department', repeat(`/api/v1/complaints?${queue}&departmentId=${departmentIds[0]}`)));
  measures.push(await measure('queue: one officer’s cases', repeat(`/api/v1/complaints?${queue}&assigneeId=${officerIds[1]}`)));
  measures.push(await measure('queue: my cases (view=mine)', repeat(`/api/v1/complaints?${queue}&view=mine`)));
  measures.push(await measure('queue: state + category, pages 2-10', await deepPages(`${queue}&state=acknowledged&category=service_attitude`, 10)));
  log(`  (${count.rows[0]?.n.toLocaleString('en')} open cases with a deadline)`);
  await app.close();
  await handle.close();
  return { engine, cases: opts.cases, loadSeconds, measures };
}
