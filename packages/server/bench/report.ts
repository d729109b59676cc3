import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CardSpendResult, SpendRun } from './card-spend';
import type { BookingBenchResult, BookingRun } from './booking';
import type { QueueResult } from './complaint-queue';
import type { EngineResult } from './engine';
import { fmt } from './stats';

const FILE = join(process.cwd(), 'docs/benchmarks.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the results section of docs/benchmarks.md, keeping the prose around it. */
export function writeReport(r: { machine: Record<string, string>; customers: number; queries: number; results: EngineResult[] }) {
  const lines: string[] = [
    START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres}, PGlite in-process.`,
  ];
  lines.push(
    `${r.customers.toLocaleString('en')} customers; ${r.queries} random queries per search kind; times in ms, p50 / p95; "ratio" is the API's p95 over the same SQL's p95 run directly.`,
    '',
  );
  const engines = r.results.map((e) => e.engine);
  lines.push(`| measure | ${engines.map((e) => `${e} API p50 / p95 | ${e} SQL p50 / p95 | ratio`).join(' | ')} |`);
  lines.push(`| --- | ${engines.map(() => '--- | --- | ---').join(' | ')} |`);
  const names = r.results[0]?.measures.map((m) => m.name) ?? [];
  for (const name of names) {
    const cells = r.results.map((e) => {
      const m = e.measures.find((x) => x.name === name);
      if (!m) return '– | – | –';
      const ratio = m.sql ? m.http.p95 / m.sql.p95 : NaN;
      return `${fmt(m.http.p50)} / ${fmt(m.http.p95)} | ${m.sql ? `${fmt(m.sql.p50)} / ${fmt(m.sql.p95)}` : '–'} | ${Number.isFinite(ratio) ? ratio.toFixed(2) + 'x' : '–'}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const e of r.results) {
    lines.push(
      `- ${e.engine}: bulk load of the customers (COPY + index build) ${e.load.seconds.toFixed(1)} s${e.extra.map((x) => `; ${x.name}: ${x.value}`).join('')}`,
    );
  }
  lines.push('', END);
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const next = prose.includes(START) ? prose.replace(new RegExp(`${START}[\\s\\S]*${END}`), lines.join('\n')) : `${prose}\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}

const QUEUE_START = '<!-- bench:complaints:start -->';
const QUEUE_END = '<!-- bench:complaints:end -->';

/** Replaces the complaint queue's section of docs/benchmarks.md (a second table), keeping the rest. */
export function writeQueueReport(r: { machine: Record<string, string>; queries: number; results: QueueResult[] }) {
  const cases = r.results[0]?.cases ?? 0;
  const lines: string[] = [
    QUEUE_START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres}, PGlite in-process.`,
  ];
  lines.push(
    `${cases.toLocaleString('en')} open complaint cases; ${r.queries} requests per measure (deep pages: one per page); times in ms, p50 / p95; "SQL" is the complaint queries of each request (the page and its pauses) run directly; "ratio" is the API's p95 over the SQL's p95.`,
    '',
  );
  const engines = r.results.map((e) => e.engine);
  lines.push(`| measure | ${engines.map((e) => `${e} API p50 / p95 | ${e} SQL p50 / p95 | ratio`).join(' | ')} |`);
  lines.push(`| --- | ${engines.map(() => '--- | --- | ---').join(' | ')} |`);
  for (const name of r.results[0]?.measures.map((m) => m.name) ?? []) {
    const cells = r.results.map((e) => {
      const m = e.measures.find((x) => x.name === name);
      if (!m) return '– | – | –';
      const ratio = m.sql ? m.http.p95 / m.sql.p95 : NaN;
      return `${fmt(m.http.p50)} / ${fmt(m.http.p95)} | ${m.sql ? `${fmt(m.sql.p50)} / ${fmt(m.sql.p95)}` : '–'} | ${Number.isFinite(ratio) ? ratio.toFixed(2) + 'x' : '–'}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const e of r.results) lines.push(`- ${e.engine}: bulk load of the cases (COPY + index build) ${e.loadSeconds.toFixed(1)} s`);
  lines.push('', QUEUE_END);
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const next = prose.includes(QUEUE_START)
    ? prose.replace(new RegExp(`${QUEUE_START}[\\s\\S]*${QUEUE_END}`), lines.join('\n'))
    : `${prose.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}

const CARDS_START = '<!-- bench:cards:start -->';
const CARDS_END = '<!-- bench:cards:end -->';

/** Replaces the card spends' section of docs/benchmarks.md (its own table), keeping the rest. */
export function writeCardReport(r: { machine: Record<string, string>; results: CardSpendResult[] }) {
  const median = (runs: SpendRun[]) => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;
  const first = r.results[0];
  const lines: string[] = [
    CARDS_START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres} (pool of 10), PGlite in-process.`,
    `${first?.clients ?? 0} concurrent HTTP clients, ${first?.spends ?? 0} spends of 1 fen per run, each with its own Idempotency-Key; the median of ${first?.hot.length ?? 0} runs (by throughput); latency in ms, p50 / p95.`,
    '',
    '| engine | one hot card: spends/s | latency | many cards: spends/s | latency | refused |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of r.results) {
    const [hot, many] = [median(e.hot), median(e.many)];
    lines.push(
      `| ${e.engine} | ${hot.perSecond.toFixed(0)} | ${fmt(hot.p50)} / ${fmt(hot.p95)} | ${many.perSecond.toFixed(0)} (${e.cards} cards) | ${fmt(many.p50)} / ${fmt(many.p95)} | ${hot.refused + many.refused} |`,
    );
  }
  lines.push('', CARDS_END);
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const next = prose.includes(CARDS_START)
    ? prose.replace(new RegExp(`${CARDS_START}[\\s\\S]*${CARDS_END}`), lines.join('\n'))
    : `${prose.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}

const BOOKINGS_START = '<!-- bench:bookings:start -->';
const BOOKINGS_END = '<!-- bench:bookings:end -->';

/** Replaces the bookings' section of docs/benchmarks.md (its own table), keeping the rest. */
export function writeBookingReport(r: { machine: Record<string, string>; results: BookingBenchResult[] }) {
  const median = (runs: BookingRun[]) => [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
  const first = r.results[0];
  const lines: string[] = [
    BOOKINGS_START,
    '',
    `Run on ${r.machine.date}: ${r.machine.cpu}, ${r.machine.memory}, Node ${r.machine.node}, PostgreSQL server ${r.machine.postgres} (pool of 10).`,
    `${first?.clients ?? 0} concurrent HTTP clients, ${first?.requests ?? 0} booking requests per run, each with its own Idempotency-Key, on random hours of one week of ${first?.teachers ?? 0} one-place teachers and ${first?.classes ?? 0} classes of 12; a request for a taken time is answered 409 with quieter times. After each run the database is checked: no overlapping live booking of a one-place resource, no slot over its capacity or out of step with its bookings (0 found in every run). The median of ${first?.runs.length ?? 0} runs (by requests/s); latency in ms, p50 / p95. Load average of the machine at the end: ${first?.load.toFixed(1) ?? '–'} (other work shared its cores: the figures are a floor).`,
    '',
    '| engine | requests/s | bookings taken/s | latency | taken | full (409) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of r.results) {
    const m = median(e.runs);
    lines.push(
      `| ${e.engine} | ${m.requestsPerSecond.toFixed(0)} | ${m.bookedPerSecond.toFixed(0)} | ${fmt(m.p50)} / ${fmt(m.p95)} | ${m.booked} | ${m.full} |`,
    );
  }
  lines.push('', BOOKINGS_END);
  const prose = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const next = prose.includes(BOOKINGS_START)
    ? prose.replace(new RegExp(`${BOOKINGS_START}[\\s\\S]*${BOOKINGS_END}`), lines.join('\n'))
    : `${prose.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(FILE, next);
}
