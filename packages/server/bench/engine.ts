import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { LogEvent } from 'kysely';
import { buildApp } from '../src/app';
import { bootstrap } from '../src/bootstrap';
import { readConfig } from '../src/config';
import { openDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/lib/clock';
import { systemCtx } from '../src/lib/context';
import type { BenchCustomer } from './generate';
import { bulkLoad } from './load';
import { seededRandom } from '../src/modules/demo';
import { summarize, timed } from './stats';
import { benchImport } from './import';

export interface Measure {
  name: string;
  http: ReturnType<typeof summarize>;
  sql: ReturnType<typeof summarize> | null;
  hits: number;
}
export interface EngineResult {
  engine: 'pglite' | 'postgres';
  load: { seconds: number };
  measures: Measure[];
  extra: { name: string; value: string }[];
}

const PG_URL = process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PASSWORD = 'bench-password-1';

export async function openEngine(engine: 'pglite' | 'postgres', log: (e: LogEvent) => void): Promise<DbHandle> {
  if (engine === 'pglite') {
    const dir = join(process.cwd(), '.bench-data/pglite');
    rmSync(dir, { recursive: true, force: true });
    return openDb({ dataDir: dir, log });
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('drop database if exists kefu_bench with (force)');
  await admin.query('create database kefu_bench');
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = '/kefu_bench';
  return openDb({ databaseUrl: url.toString(), poolSize: 10, log });
}

/** The queries an agent types, drawn from the loaded customers. */
export function searchKinds(sample: BenchCustomer[]): { name: string; q: (c: BenchCustomer) => string }[] {
  const kinds: { name: string; q: (c: BenchCustomer) => string }[] = [
    { name: 'name, 2 characters (张伟)', q: (c) => [...c.name].slice(0, 2).join('') },
    { name: 'full name', q: (c) => c.name },
    { name: 'full pinyin (zhangwei)', q: (c) => c.namePinyin },
    { name: 'pinyin initials (zw)', q: (c) => c.nameInitials },
    { name: 'pinyin being typed (zhan)', q: (c) => c.namePinyin.slice(0, 4) },
    { name: 'mobile (11 digits)', q: (c) => c.mobile },
    { name: 'last 4 digits', q: (c) => c.mobile.slice(-4) },
    { name: 'mobile prefix (7 digits)', q: (c) => c.mobile.slice(0, 7) },
  ];
  return sample.length ? kinds : [];
}

export async function benchEngine(engine: 'pglite' | 'postgres', customers: BenchCustomer[], opts: { queries: number; importRows: number; importRuns: number; log: (m: string) => void }): Promise<EngineResult> {
  const { log } = opts;
  let capture: { sql: string; params: readonly unknown[] }[] | null = null;
  const handle = await openEngine(engine, (e) => {
    if (capture && e.level === 'query') capture.push({ sql: e.query.sql, params: e.query.parameters });
  });
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: PASSWORD });
  const app = await buildApp({ db: handle.db, dbKind: engine, clock: systemClock, config: { ...readConfig({}), webDist: null } });
  const users = app.services.users;
  const ownerIds: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const u = await users.create(systemCtx(), { username: `agent${i}`, displayName: `坐席${i}`, password: PASSWORD, roles: ['agent'], departmentId: null, agentNo: String(8000 + i) });
    ownerIds.push(u.id);
  }
  const manager = await users.create(systemCtx(), { username: 'benchmanager', displayName: '经理', password: PASSWORD, roles: ['manager'], departmentId: null, agentNo: null });
  const t0 = performance.now();
  await bulkLoad(handle, customers, ownerIds, log);
  const loadSeconds = (performance.now() - t0) / 1000;

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'benchmanager', password: PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { items: unknown[]; nextCursor: string | null };
  };
  const direct = async (q: { sql: string; params: readonly unknown[] }) => {
    if (handle.pglite) await handle.pglite.query(q.sql, q.params as unknown[]);
    else await handle.pool!.query(q.sql, q.params as unknown[]);
  };

  /** Each path through HTTP, then the list query it ran, directly: same SQL, same parameters. */
  async function measure(name: string, paths: string[]): Promise<Measure> {
    const httpMs: number[] = [];
    const sqls: { sql: string; params: readonly unknown[] }[] = [];
    let hits = 0;
    for (const p of paths) await get(p); // warm-up pass: caches as an agent's day has them
    for (const p of paths) {
      capture = [];
      const [ms, body] = await timed(() => get(p));
      const list = capture.find((c) => /from "customers"/.test(c.sql) && /limit/.test(c.sql));
      capture = null;
      httpMs.push(ms);
      hits += body.items.length;
      if (list) sqls.push(list);
    }
    const sqlMs: number[] = [];
    for (const q of sqls) sqlMs.push((await timed(() => direct(q)))[0]);
    const m = { name, http: summarize(httpMs), sql: sqlMs.length ? summarize(sqlMs) : null, hits };
    log(`  ${name.padEnd(34)} http p50 ${m.http.p50.toFixed(2)} p95 ${m.http.p95.toFixed(2)} ms | sql p50 ${m.sql?.p50.toFixed(2)} p95 ${m.sql?.p95.toFixed(2)} ms | ${(hits / paths.length).toFixed(1)} rows/query`);
    return m;
  }

  /** The fixed cost of any request, with no list query: HTTP alone, then HTTP with the session check. */
  async function baseline(name: string, path: string, withCookie: boolean): Promise<Measure> {
    const run = () => fetch(`${base}${path}`, withCookie ? { headers: { cookie } } : {}).then((r) => r.arrayBuffer());
    for (let i = 0; i < 20; i += 1) await run();
    const ms: number[] = [];
    for (let i = 0; i < opts.queries; i += 1) ms.push((await timed(run))[0]);
    const m = { name, http: summarize(ms), sql: null, hits: 0 };
    log(`  ${name.padEnd(34)} http p50 ${m.http.p50.toFixed(2)} p95 ${m.http.p95.toFixed(2)} ms`);
    return m;
  }

  const rnd = seededRandom(99);
  const sample = Array.from({ length: opts.queries }, () => customers[Math.floor(rnd() * customers.length)]!);
  const measures: Measure[] = [];
  measures.push(await baseline('fixed cost: GET /api/health (HTTP + select 1)', '/api/health', false));
  measures.push(await baseline('fixed cost: GET /auth/me (session)', '/api/v1/auth/me', true));
  for (const kind of searchKinds(sample)) {
    measures.push(await measure(`search: ${kind.name}`, sample.map((c) => `/api/v1/customers?limit=20&q=${encodeURIComponent(kind.q(c))}`)));
  }
  const pageCount = Math.min(opts.queries, 50);
  const firstPages = Array.from({ length: pageCount }, () => '/api/v1/customers?limit=50');
  measures.push(await measure('list: first page (newest)', firstPages));
  // follow the cursor 20 pages deep, then measure those deep pages
  const deep: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i += 1) {
    const body = await get(`/api/v1/customers?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    cursor = body.nextCursor;
    if (cursor) deep.push(`/api/v1/customers?limit=50&cursor=${encodeURIComponent(cursor)}`);
  }
  measures.push(await measure('list: pages 2-20 by cursor', deep));
  measures.push(await measure('list: one agent’s customers', ownerIds.slice(0, pageCount).map((id) => `/api/v1/customers?limit=50&ownerId=${id}`)));
  measures.push(await measure('list: VIP tier', firstPages.map(() => '/api/v1/customers?limit=50&tierCode=vip')));
  measures.push(await measure('list: birthdays this week', firstPages.slice(0, 20).map(() => '/api/v1/customers?limit=50&list=birthday_week')));
  measures.push(await measure('list: churn risk', firstPages.slice(0, 20).map(() => '/api/v1/customers?limit=50&list=churn_risk')));

  const extra: { name: string; value: string }[] = [];
  if (opts.importRuns > 0) {
    const imp = await benchImport(handle, manager.id, { rows: opts.importRows, runs: opts.importRuns, log });
    extra.push({
      name: `import of a ${opts.importRows.toLocaleString('en')}-row xlsx (upload + check + insert, valid rows only)`,
      value: `median ${imp.median.toFixed(1)} s, slowest ${imp.max.toFixed(1)} s over ${imp.runs} files`,
    });
  }
  await app.close();
  await handle.close();
  return { engine, load: { seconds: loadSeconds }, measures, extra };
}
