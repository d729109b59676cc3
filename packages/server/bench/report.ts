import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CardSpendResult, SpendRun } from './card-spend';
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
