import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app';
import { bootstrap } from '../src/bootstrap';
import { readConfig } from '../src/config';
import { openDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/lib/clock';
import { systemCtx } from '../src/lib/context';
import { PASSWORD } from './engine';
import { summarize } from './stats';

export interface SpendRun {
  perSecond: number;
  p50: number;
  p95: number;
  refused: number;
}
export interface CardSpendResult {
  engine: 'pglite' | 'postgres';
  clients: number;
  spends: number;
  cards: number;
  hot: SpendRun[];
  many: SpendRun[];
}

const PG_URL = process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Its own database (not kefu_bench), so it can run beside the other benchmarks. */
async function open(engine: 'pglite' | 'postgres'): Promise<DbHandle> {
  if (engine === 'pglite') {
    const dir = join(process.cwd(), '.bench-data/pglite-cards');
    rmSync(dir, { recursive: true, force: true });
    return openDb({ dataDir: dir });
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('drop database if exists kefu_bench_cards with (force)');
  await admin.query('create database kefu_bench_cards');
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = '/kefu_bench_cards';
  return openDb({ databaseUrl: url.toString(), poolSize: 10 });
}

/**
 * Card spends per second through HTTP (issue 6): `clients` concurrent clients each POSTing spends with
 * their own Idempotency-Key, on ONE hot card (every spend queues on its row lock) and spread over many
 * cards (spends on different rows may run in parallel on PostgreSQL). Several runs each; the report
 * takes the median run.
 */
export async function benchCardSpends(
  engine: 'pglite' | 'postgres',
  opts: { clients: number; spends: number; cards: number; runs: number; log: (m: string) => void },
): Promise<CardSpendResult> {
  const { log } = opts;
  const handle = await open(engine);
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: PASSWORD });
  const app = await buildApp({ db: handle.db, dbKind: engine, clock: systemClock, config: { ...readConfig({}), webDist: null } });
  await app.services.users.create(systemCtx(), {
    username: 'member0',
    displayName: '会籍管理员',
    password: PASSWORD,
    roles: ['membership', 'manager'],
    departmentId: null,
    agentNo: null,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'member0', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrfToken };
  const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { id: string } };
  };
  const type = await post('/api/v1/card-types', { code: 'bench', name: '储值卡', kind: 'stored_value', prefix: 'HY' });
  const cardIds: string[] = [];
  for (let i = 0; i < opts.cards; i += 1) {
    const customer = await post('/api/v1/customers', { name: `会员${i}`, mobile: `139${String(10_000_000 + i).slice(-8)}` });
    const card = await post('/api/v1/cards', { typeId: type.body.id, customerId: customer.body.id });
    await post(`/api/v1/cards/${card.body.id}/entries`, { kind: 'top_up', amount: 100_000_000 }, { 'idempotency-key': randomUUID() });
    cardIds.push(card.body.id);
  }

  async function run(pick: (i: number) => string): Promise<SpendRun> {
    const ms: number[] = [];
    let next = 0;
    let refused = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (next < opts.spends) {
          const i = next++;
          const t = performance.now();
          const res = await post(`/api/v1/cards/${pick(i)}/entries`, { kind: 'spend', amount: 1 }, { 'idempotency-key': randomUUID() });
          ms.push(performance.now() - t);
          if (res.status !== 201) refused += 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const s = summarize(ms);
    return { perSecond: opts.spends / seconds, p50: s.p50, p95: s.p95, refused };
  }

  const hot: SpendRun[] = [];
  const many: SpendRun[] = [];
  for (let r = 0; r < opts.runs; r += 1) {
    hot.push(await run(() => cardIds[0]!));
    log(`  hot card, run ${r + 1}: ${hot.at(-1)!.perSecond.toFixed(0)} spends/s`);
    many.push(await run((i) => cardIds[i % cardIds.length]!));
    log(`  ${opts.cards} cards, run ${r + 1}: ${many.at(-1)!.perSecond.toFixed(0)} spends/s`);
  }
  const check = await fetch(`${base}/api/v1/cards/verify`, { method: 'POST', headers, body: '{}' });
  const mismatches = ((await check.json()) as { mismatches: unknown[] }).mismatches.length;
  if (mismatches) throw new Error(`${engine}: ${mismatches} cards whose balance is not the sum of their entries`);
  await app.close();
  await handle.close();
  return { engine, clients: opts.clients, spends: opts.spends, cards: opts.cards, hot, many };
}
