import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { zonedDate, zonedInstant, addDays } from '@kefu/shared';
import { sql } from 'kysely';
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

export interface BookingRun {
  requestsPerSecond: number;
  bookedPerSecond: number;
  booked: number;
  full: number;
  p50: number;
  p95: number;
}
export interface BookingBenchResult {
  engine: 'pglite' | 'postgres';
  clients: number;
  requests: number;
  teachers: number;
  classes: number;
  runs: BookingRun[];
  /** the machine's 1-minute load average at the end (other work shares the cores) */
  load: number;
}

const PG_URL = process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TZ = 'Asia/Shanghai';
const OPEN = { from: '08:00', to: '22:00' }; // 14 one-hour times a day, every day
const DAYS = 7;

/** Its own database (not kefu_bench), so it can run beside the other benchmarks. */
async function open(engine: 'pglite' | 'postgres'): Promise<DbHandle> {
  if (engine === 'pglite') {
    const dir = join(process.cwd(), '.bench-data/pglite-bookings');
    rmSync(dir, { recursive: true, force: true });
    return openDb({ dataDir: dir });
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('drop database if exists kefu_bench_bookings with (force)');
  await admin.query('create database kefu_bench_bookings');
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = '/kefu_bench_bookings';
  return openDb({ databaseUrl: url.toString(), poolSize: 10 });
}

/**
 * No resource over its capacity after the run, asked of the database itself: no two live bookings of a
 * one-place resource overlap, no slot holds more than its capacity or other than its bookings' places.
 */
async function overCapacity(handle: DbHandle): Promise<number> {
  const overlaps = await sql<{ n: string }>`select count(*) as n from bookings a join bookings b
    on a.resource_id = b.resource_id and a.id < b.id and a.exclusive and b.exclusive and a.status = 'booked' and b.status = 'booked'
    and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(handle.db);
  const slots = await sql<{ n: string }>`select count(*) as n from booking_slots s
    where s.taken > s.capacity or s.taken <> coalesce((select sum(places) from bookings b
      where b.resource_id = s.resource_id and b.slot_starts_at = s.starts_at and b.status = 'booked'), 0)`.execute(handle.db);
  return Number(overlaps.rows[0]!.n) + Number(slots.rows[0]!.n);
}

/**
 * Booking creation through HTTP (issue 6): `clients` concurrent clients take bookings, each with its own
 * Idempotency-Key, on random hours of the coming week of 40 one-place teachers and 10 classes of 12 —
 * many requests collide and are refused (409 booking.slot_full, with quieter times computed); each run
 * books a week of its own. After every run the database is asked whether anything is over capacity.
 */
export async function benchBookings(
  engine: 'pglite' | 'postgres',
  opts: { clients: number; requests: number; runs: number; log: (m: string) => void },
): Promise<BookingBenchResult> {
  const { log } = opts;
  const handle = await open(engine);
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: PASSWORD });
  const app = await buildApp({ db: handle.db, dbKind: engine, clock: systemClock, config: { ...readConfig({}), webDist: null } });
  await app.services.users.create(systemCtx(), {
    username: 'desk0',
    displayName: '预约台',
    password: PASSWORD,
    roles: ['manager'],
    departmentId: null,
    agentNo: null,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'desk0', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrfToken };
  const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { id: string } };
  };

  const hours = Array.from({ length: 7 }, () => [OPEN]);
  const resources: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const r = await post('/api/v1/resources', {
      name: i < 40 ? `老师${i}` : `班级${i}`,
      kind: i < 40 ? 'teacher' : 'room',
      capacity: i < 40 ? 1 : 12,
      openingHours: hours,
    });
    resources.push(r.body.id);
  }
  const customers: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    customers.push((await post('/api/v1/customers', { name: `学员${i}`, mobile: `138${String(10_000_000 + i).slice(-8)}` })).body.id);
  }

  async function run(r: number): Promise<BookingRun> {
    const firstDay = addDays(zonedDate(new Date(), TZ), 1 + r * DAYS);
    const ms: number[] = [];
    let next = 0;
    let booked = 0;
    let full = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (next < opts.requests) {
          const i = next++;
          const day = addDays(firstDay, Math.floor(Math.random() * DAYS));
          const start = zonedInstant(day, (8 + Math.floor(Math.random() * 14)) * 60, TZ);
          const body = {
            customerId: customers[i % customers.length],
            resourceId: resources[Math.floor(Math.random() * resources.length)],
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3_600_000).toISOString(),
            channel: 'phone',
          };
          const t = performance.now();
          const res = await post('/api/v1/bookings', body, { 'idempotency-key': randomUUID() });
          ms.push(performance.now() - t);
          if (res.status === 201) booked += 1;
          else if (res.status === 409) full += 1;
          else throw new Error(`${engine}: booking answered ${res.status} ${JSON.stringify(res.body)}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const s = summarize(ms);
    return { requestsPerSecond: opts.requests / seconds, bookedPerSecond: booked / seconds, booked, full, p50: s.p50, p95: s.p95 };
  }

  const runs: BookingRun[] = [];
  for (let r = 0; r < opts.runs; r += 1) {
    runs.push(await run(r));
    const last = runs.at(-1)!;
    log(`  run ${r + 1}: ${last.requestsPerSecond.toFixed(0)} requests/s, ${last.booked} booked, ${last.full} full`);
    const over = await overCapacity(handle);
    if (over) throw new Error(`${engine}: ${over} resources or slots over capacity`);
  }
  await app.close();
  await handle.close();
  return { engine, clients: opts.clients, requests: opts.requests, teachers: 40, classes: 10, runs, load: loadavg()[0]! };
}
