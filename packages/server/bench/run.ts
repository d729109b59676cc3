/**
 * `npm run bench`: generate customers (1,000,000 by default), load them into PGlite and the PostgreSQL
 * server, and measure through the HTTP API what the archive does all day: search by every kind of key,
 * list pages, and the customer import. Also runs the same SQL directly, for the API's overhead ratio.
 * Then the complaint officer's queue at 100,000 open cases (complaint-queue.ts), in its own table.
 * Writes the figures to docs/benchmarks.md. Options: --customers N, --engines pglite,postgres, --queries N, --import-rows N, --import-runs N (0: no import),
 * --complaints N (open cases, 100,000 by default), --only customers|complaints|cards (some parts; all by default).
 * Then booking creation on PostgreSQL, 20 clients (booking.ts): --booking-requests N, --booking-runs N; --only bookings.
 * Then card spends per second on one hot card and on many (card-spend.ts): --card-spends N, --card-runs N.
 * The screen pop (screen-pop.ts): --only screen-pop, --pop-events N: 50 agents' streams, ringing events, time to the event and the card.
 * Then the monthly follow-up rule over the whole archive (follow-ups.ts): --only follow-ups, --follow-up-runs N.
 */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { generateCustomers } from './generate';
import { benchBookings, type BookingBenchResult } from './booking';
import { benchCardSpends, type CardSpendResult } from './card-spend';
import { benchComplaintQueue, type QueueResult } from './complaint-queue';
import { benchEngine, type EngineResult } from './engine';
import { benchFollowUps, writeFollowUpReport, type FollowUpBenchResult } from './follow-ups';
import { benchScreenPop, writeScreenPopReport, type ScreenPopResult } from './screen-pop';
import { writeBookingReport, writeCardReport, writeQueueReport, writeReport } from './report';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const count = Number(arg('customers', process.env.BENCH_CUSTOMERS ?? '1000000'));
  const queries = Number(arg('queries', '200'));
  const importRows = Number(arg('import-rows', '100000'));
  const importRuns = Number(arg('import-runs', '3'));
  const engines = arg('engines', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const complaints = Number(arg('complaints', '100000'));
  const only = arg('only', 'customers,complaints,cards,bookings').split(',');
  const log = (m: string) => console.log(m);
  const results: EngineResult[] = [];
  if (only.includes('customers')) {
    log(`Generating ${count.toLocaleString()} customers (names, mobiles, pinyin, search keys)…`);
    const t = performance.now();
    const customers = generateCustomers(count, 50);
    log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const engine of engines) {
      log(`\n== ${engine}`);
      results.push(await benchEngine(engine, customers, { queries, importRows, importRuns, log }));
    }
  }
  const queues: QueueResult[] = [];
  if (only.includes('complaints')) {
    for (const engine of engines) {
      log(`\n== ${engine}: the complaint queue`);
      queues.push(await benchComplaintQueue(engine, { cases: complaints, queries: Math.min(queries, 100), log }));
    }
  }
  const spends: CardSpendResult[] = [];
  if (only.includes('cards')) {
    for (const engine of engines) {
      log(`\n== ${engine}: card spends`);
      spends.push(
        await benchCardSpends(engine, { clients: 20, spends: Number(arg('card-spends', '2000')), cards: 50, runs: Number(arg('card-runs', '3')), log }),
      );
    }
  }
  const bookings: BookingBenchResult[] = [];
  if (only.includes('bookings')) {
    // booking creation on the PostgreSQL server (issue 6): concurrent clients, no double booking allowed
    for (const engine of engines.filter((e) => e === 'postgres')) {
      log(`\n== ${engine}: taking bookings`);
      bookings.push(
        await benchBookings(engine, { clients: 20, requests: Number(arg('booking-requests', '2000')), runs: Number(arg('booking-runs', '3')), log }),
      );
    }
  }
  const followUps: FollowUpBenchResult[] = [];
  if (only.includes('follow-ups')) {
    log(`Generating ${count.toLocaleString()} customers for the follow-up rules…`);
    const customers = generateCustomers(count, 10);
    for (const engine of engines) {
      log(`\n== ${engine}: the monthly follow-up rule`);
      followUps.push(await benchFollowUps(engine, customers, { runs: Number(arg('follow-up-runs', '3')), log }));
    }
  }
  const pops: ScreenPopResult[] = [];
  if (only.includes('screen-pop')) {
    // the screen pop (issue 5): 50 agents' event streams, ringing events to random agents; two instances on PostgreSQL
    for (const engine of engines) {
      log(`\n== ${engine}: the screen pop`);
      pops.push(await benchScreenPop(engine, { agents: 50, events: Number(arg('pop-events', '500')), concurrency: 5, customers: 200, log }));
    }
  }
  const machine = {
    date: new Date().toISOString().slice(0, 10),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: (() => {
      try {
        return execSync('psql -h 127.0.0.1 -U postgres -Atc "show server_version"', { encoding: 'utf8' }).trim();
      } catch {
        return 'n/a';
      }
    })(),
  };
  if (results.length) writeReport({ machine, customers: count, queries, results });
  if (queues.length) writeQueueReport({ machine, queries: Math.min(queries, 100), results: queues });
  if (spends.length) writeCardReport({ machine, results: spends });
  if (bookings.length) writeBookingReport({ machine, results: bookings });
  if (followUps.length) writeFollowUpReport({ machine, results: followUps });
  if (pops.length) writeScreenPopReport({ machine, results: pops });
  log('\nWritten to docs/benchmarks.md');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
