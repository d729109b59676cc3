import { customerCreateSchema } from '@kefu/shared';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, type App } from '../src/app';
import { bootstrap } from '../src/bootstrap';
import { readConfig } from '../src/config';
import { openDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/lib/clock';
import { systemCtx } from '../src/lib/context';
import { createPgPubSub, type PubSub } from '../src/lib/pubsub';
import { hashPassword } from '../src/modules/auth';
import { PASSWORD } from './engine';
import { fmt, summarize } from './stats';

/**
 * The screen pop under load (issue 5): `agents` agents each hold an event stream (SSE); ringing events
 * for random agents and random customers are POSTed by the PBX's API key; measured from before the POST
 * to (1) the event arriving on the agent's stream and (2) the pop card fetched by that agent — what the
 * browser does before it renders (render time is not measured here; the browser test prints it).
 * On PostgreSQL two instances share the database: events are POSTed to A, half the agents are on B.
 */
export interface ScreenPopResult {
  engine: 'pglite' | 'postgres';
  instances: number;
  agents: number;
  events: number;
  concurrency: number;
  event: ReturnType<typeof summarize>;
  card: ReturnType<typeof summarize>;
  load: number;
}

const PG_URL = process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function open(engine: 'pglite' | 'postgres'): Promise<{ handle: DbHandle; url: string | null }> {
  if (engine === 'pglite') {
    const dir = join(process.cwd(), '.bench-data/pglite-pop');
    rmSync(dir, { recursive: true, force: true });
    return { handle: await openDb({ dataDir: dir }), url: null };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('drop database if exists kefu_bench_pop with (force)');
  await admin.query('create database kefu_bench_pop');
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = '/kefu_bench_pop';
  return { handle: await openDb({ databaseUrl: url.toString(), poolSize: 10 }), url: url.toString() };
}

/** An agent's stream: resolves waiters by call id as events arrive. */
async function stream(base: string, cookie: string) {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/v1/telephony/stream`, { headers: { cookie: `kefu_session=${cookie}` }, signal: ctrl.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!block.includes('event: call') || !data) continue;
          const { callId } = JSON.parse(data) as { callId: string };
          const w = waiting.get(callId);
          if (w) w(performance.now());
          else early.set(callId, performance.now());
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    arrival: (callId: string) =>
      new Promise<number>((resolve) => {
        const at = early.get(callId);
        if (at !== undefined) return resolve(at);
        waiting.set(callId, resolve);
      }),
    close: () => ctrl.abort(),
  };
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export async function benchScreenPop(
  engine: 'pglite' | 'postgres',
  opts: { agents: number; events: number; concurrency: number; customers: number; log: (m: string) => void },
): Promise<ScreenPopResult> {
  const { log } = opts;
  const { handle, url } = await open(engine);
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: 'bench-admin-password' });
  const config = { ...readConfig({}), webDist: null };
  const pubsubs: PubSub[] = [];
  const handles = [handle];
  const apps: App[] = [];
  const instances = engine === 'postgres' ? 2 : 1;
  for (let i = 0; i < instances; i++) {
    const h = i === 0 ? handle : await openDb({ databaseUrl: url!, poolSize: 10 });
    if (i > 0) handles.push(h);
    const pubsub = url ? createPgPubSub({ connectionString: url, db: h.db }) : undefined;
    if (pubsub) pubsubs.push(pubsub);
    const app = await buildApp({ db: h.db, dbKind: engine, clock: systemClock, config, ...(pubsub ? { pubsub } : {}) });
    await app.ready();
    apps.push(app);
  }
  await Promise.all(pubsubs.map((p) => p.ready()));
  const bases = await Promise.all(apps.map(listen));

  log(`  ${opts.agents} agents, ${opts.customers} customers…`);
  const hash = await hashPassword(PASSWORD);
  const agents: { username: string; extension: string; cookie: string; base: string }[] = [];
  for (let i = 0; i < opts.agents; i++) {
    const username = `pop_agent_${i}`;
    const extension = String(8100 + i);
    await handle.db
      .insertInto('users')
      .values({ username, display_name: `坐席${i}`, password_hash: hash, roles: ['agent'], department_id: null, agent_no: extension, extension })
      .execute();
    const base = bases[i % bases.length]!;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const cookie = /kefu_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    agents.push({ username, extension, cookie, base });
  }
  // an integration's context: the customers have no creator among the users
  const sys = systemCtx(['customer:create', 'customer:read', 'customer:read_all']);
  const ctx = { ...sys, actor: { ...sys.actor, kind: 'apikey' as const } };
  const mobiles: string[] = [];
  for (let i = 0; i < opts.customers; i++) {
    const mobile = `139${String(10_000_000 + i * 7919).slice(-8)}`;
    await apps[0]!.services.customers.create(ctx, customerCreateSchema.parse({ name: `来电客户${i}`, mobile, gender: 'unknown' }));
    mobiles.push(mobile);
  }
  const { key } = await apps[0]!.services.users.createApiKey(ctx, 'bench PBX', ['telephony:events']);
  const streams = await Promise.all(agents.map((a) => stream(a.base, a.cookie)));
  await new Promise((r) => setTimeout(r, 300));

  const eventMs: number[] = [];
  const cardMs: number[] = [];
  let next = 0;
  const one = async (n: number) => {
    const i = Math.floor(Math.random() * agents.length);
    const agent = agents[i]!;
    const callId = `bench-${engine}-${n}`;
    const arrival = streams[i]!.arrival(callId);
    const t0 = performance.now();
    const res = await fetch(`${bases[0]}/api/v1/telephony/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ringing', callId, caller: `+86${mobiles[n % mobiles.length]}`, called: '4008001234', extension: agent.extension }),
    });
    if (res.status !== 202) throw new Error(`ringing: ${res.status} ${await res.text()}`);
    const got = await arrival;
    eventMs.push(got - t0);
    const card = await fetch(`${agent.base}/api/v1/telephony/calls/${callId}/card`, { headers: { cookie: `kefu_session=${agent.cookie}` } });
    if (!card.ok) throw new Error(`card: ${card.status}`);
    await card.json();
    cardMs.push(performance.now() - t0);
  };
  const worker = async () => {
    while (next < opts.events) await one(next++);
  };
  await Promise.all([...Array(opts.concurrency)].map(worker));
  const load = (await import('node:os')).loadavg()[0] ?? 0;
  for (const s of streams) s.close();
  for (const app of apps) await app.close();
  for (const p of pubsubs) await p.close();
  for (const h of handles) await h.close();
  const result = {
    engine,
    instances,
    agents: opts.agents,
    events: opts.events,
    concurrency: opts.concurrency,
    event: summarize(eventMs),
    card: summarize(cardMs),
    load,
  };
  log(`  event p50 ${fmt(result.event.p50)} p95 ${fmt(result.event.p95)} ms; with the card p50 ${fmt(result.card.p50)} p95 ${fmt(result.card.p95)} ms`);
  return result;
}

const FILE = join(import.meta.dirname, '../../../docs/benchmarks.md');
const START = '<!-- bench:screen-pop:start -->';
const END = '<!-- bench:screen-pop:end -->';

/** Replaces the screen pop's section of docs/benchmarks.md (its own table), keeping the rest. */
export function writeScreenPopReport(r: { machine: Record<string, string>; results: ScreenPopResult[] }) {
  const first = r.results[0];
  const lines = [
    START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres}. ${first?.agents ?? 0} agents each holding an event stream, ${first?.events ?? 0} ringing events for random agents and customers, ${first?.concurrency ?? 0} at a time, POSTed with the PBX's API key; time from before the POST to the event on the agent's stream, and to the pop card fetched by that agent (the browser's work is this fetch plus rendering; rendering is not in these figures). In ms.`,
    '',
    '| engine | instances | event on the stream p50 / p95 | event + card p50 / p95 | max | load at the end |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.results.map(
      (e) =>
        `| ${e.engine} | ${e.instances === 2 ? '2 (POST to A, half the agents on B)' : '1'} | ${fmt(e.event.p50)} / ${fmt(e.event.p95)} | ${fmt(e.card.p50)} / ${fmt(e.card.p95)} | ${fmt(e.card.max)} | ${e.load.toFixed(1)} |`,
    ),
    '',
    END,
  ];
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const next = prose.includes(START) ? prose.replace(new RegExp(`${START}[\\s\\S]*${END}`), lines.join('\n')) : `${prose.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}
