import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { bootstrap } from '../src/bootstrap';
import { migrate } from '../src/db/migrate';
import { systemCtx } from '../src/lib/context';
import { buildApp } from '../src/app';
import { readConfig } from '../src/config';
import { systemClock } from '../src/lib/clock';
import { monthlyCoverage, monthlyInRanges, ruleEnv } from '../src/modules/follow-up-rules';
import { openEngine, PASSWORD } from './engine';
import type { BenchCustomer } from './generate';
import { bulkLoad } from './load';

export interface FollowUpBenchResult {
  engine: 'pglite' | 'postgres';
  customers: number;
  /** seconds per run: one INSERT ... SELECT over the whole archive, and the same in 16 id ranges */
  single: number[];
  ranges: number[];
  /** a second run right after (every task exists: nothing new) */
  rerun: number;
  created: number;
  /** the 1-minute load average at the end of each timed run, by way */
  loads: { single: number[]; ranges: number[] };
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The monthly-coverage rule (every customer once a month, issue 5) at 1,000,000 customers: the first run
 * of a month makes one task per customer. Each run starts from no tasks; the two ways (one statement, 16
 * id ranges) alternate so that the machine's load falls on both alike. The scheduler runs the one
 * statement on PostgreSQL and the ranges on PGlite (rule.registry.ts#monthlyByEngine).
 */
export async function benchFollowUps(
  engine: 'pglite' | 'postgres',
  customers: BenchCustomer[],
  opts: { runs: number; log: (m: string) => void },
): Promise<FollowUpBenchResult> {
  const { log } = opts;
  const handle = await openEngine(engine, () => undefined);
  try {
    await migrate(handle.db);
    await bootstrap(handle.db, { adminPassword: PASSWORD });
    const app = await buildApp({ db: handle.db, dbKind: engine, clock: systemClock, config: { ...readConfig({}), webDist: null } });
    const ownerIds: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const u = await app.services.users.create(systemCtx(), {
        username: `fagent${i}`,
        displayName: `坐席${i}`,
        password: PASSWORD,
        roles: ['agent'],
        departmentId: null,
        agentNo: null,
      });
      ownerIds.push(u.id);
    }
    await bulkLoad(handle, customers, ownerIds, log);
    // the worst case: every customer is due (none closed, none contacted this month, the lost ones included)
    await sql`update customers set lifecycle = 'active', last_contact_at = null where lifecycle = 'closed' or last_contact_at is not null`.execute(handle.db);
    await sql`vacuum analyze customers`.execute(handle.db);
    const env = ruleEnv(new Date(), 'Asia/Shanghai');
    const params = { includeLost: true };
    const result: FollowUpBenchResult = {
      engine,
      customers: customers.length,
      single: [],
      ranges: [],
      rerun: 0,
      created: 0,
      loads: { single: [], ranges: [] },
      load: 0,
    };
    const clear = async () => {
      await sql`truncate follow_up_records, follow_up_attempts, follow_up_tasks`.execute(handle.db);
      await sql`checkpoint`.execute(handle.db);
    };
    for (let i = 0; i < opts.runs; i += 1) {
      for (const way of i % 2 === 0 ? (['single', 'ranges'] as const) : (['ranges', 'single'] as const)) {
        await clear();
        const t = performance.now();
        const created = way === 'single' ? await monthlyCoverage(handle.db, env, params) : await monthlyInRanges(handle.db, env, params, 16);
        const s = (performance.now() - t) / 1000;
        result[way].push(s);
        result.created = created;
        const load = loadavg()[0] ?? 0;
        result.loads[way].push(load);
        log(
          `  run ${i + 1}, ${way === 'single' ? 'one statement' : '16 id ranges'}: ${created.toLocaleString('en')} tasks in ${s.toFixed(1)} s (load ${load.toFixed(1)})`,
        );
      }
    }
    const t = performance.now();
    const again = await monthlyInRanges(handle.db, env, params, 16);
    result.rerun = (performance.now() - t) / 1000;
    log(`  re-run (all tasks exist): ${again} new in ${result.rerun.toFixed(1)} s`);
    result.load = loadavg()[0] ?? 0;
    await app.close();
    return result;
  } finally {
    await handle.close();
  }
}

const FILE = join(process.cwd(), 'docs/benchmarks.md');
const START = '<!-- bench:follow-ups:start -->';
const END = '<!-- bench:follow-ups:end -->';

/** Replaces the follow-up rules' section of docs/benchmarks.md (its own table), keeping the rest. */
export function writeFollowUpReport(r: { machine: Record<string, string>; results: FollowUpBenchResult[] }) {
  const first = r.results[0];
  const lines = [
    START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres}, PGlite in-process.`,
    `The monthly-coverage rule's first run of a month on ${first?.customers.toLocaleString('en') ?? 0} customers, the worst case: every one is due and gets a task, starting from no tasks each time; median of ${first?.single.length ?? 0} runs (each run in brackets, with the 1-minute load average at its end after the @), seconds. The scheduler runs one statement on PostgreSQL, the 16 id ranges on PGlite. "Re-run" is the same rule again at once (every task exists, nothing new).`,
    '',
    '| engine | tasks made | one statement | 16 id ranges | re-run | load average at the end |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const each = (xs: number[], loads: number[]) => xs.map((x, i) => `${x.toFixed(1)} @${(loads[i] ?? 0).toFixed(1)}`).join(', ');
  for (const e of r.results)
    lines.push(
      `| ${e.engine} | ${e.created.toLocaleString('en')} | ${median(e.single).toFixed(1)} (${each(e.single, e.loads.single)}) | ${median(e.ranges).toFixed(1)} (${each(e.ranges, e.loads.ranges)}) | ${e.rerun.toFixed(1)} | ${e.load.toFixed(1)} |`,
    );
  lines.push('', END);
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const next = prose.includes(START) ? prose.replace(new RegExp(`${START}[\\s\\S]*${END}`), lines.join('\n')) : `${prose.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}
