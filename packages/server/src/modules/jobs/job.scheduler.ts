import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { JobSchedule } from '../../db/schema-jobs';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { claimJob, dueJobs, ensureJob, finishRun, listJobs, recentRuns, requestRun, startRun } from './job.repo';
import { firstRun, nextRunAfter } from './job.schedule';

export interface JobLog {
  info(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export interface JobDefinition {
  name: string;
  schedule: JobSchedule;
  /** how long a run may take before another instance presumes this one dead and runs it again */
  leaseMinutes?: number;
  /** after a failure, try again this soon (unless the schedule comes sooner) */
  retryMinutes?: number;
  run: () => Promise<unknown>;
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  timeZone: () => Promise<string>;
  /** this instance's name in leases and run history (host:pid:random by default) */
  instance?: string;
}

/**
 * The job scheduler (decision 013): jobs live in the `jobs` table, so they survive restarts; every
 * instance ticks (main.ts: every 15 s), and a due job is claimed by one conditional UPDATE, so it runs
 * once however many instances tick at the same moment. A run that never finishes (the process died)
 * keeps its lease until it expires; then any instance claims it again.
 */
export function createJobScheduler(deps: SchedulerDeps) {
  const { db, clock } = deps;
  const instance = deps.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs = new Map<string, JobDefinition>();
  let ensured = false;
  let ticking: Promise<string[]> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let log: JobLog | null = null;

  function register(def: JobDefinition) {
    jobs.set(def.name, def);
    ensured = false;
  }

  async function ensureRows(timeZone: string) {
    if (ensured) return;
    const now = clock.now();
    for (const def of jobs.values()) await ensureJob(db, def.name, def.schedule, firstRun(def.schedule, now, timeZone));
    ensured = true;
  }

  async function runOne(def: JobDefinition, timeZone: string): Promise<boolean> {
    const started = clock.now();
    const claimed = await claimJob(db, def.name, instance, started, new Date(started.getTime() + (def.leaseMinutes ?? 10) * 60_000));
    if (!claimed) return false;
    const runId = await startRun(db, def.name, instance, started);
    let ok = true;
    let result: unknown;
    let error: string | null = null;
    try {
      result = await def.run();
    } catch (e) {
      ok = false;
      error = e instanceof Error ? e.message : String(e);
      log?.error({ err: e, job: def.name }, 'scheduled job failed');
    }
    const finishedAt = clock.now();
    let nextRunAt = nextRunAfter(def.schedule, started, timeZone);
    if (!ok) nextRunAt = new Date(Math.min(nextRunAt.getTime(), finishedAt.getTime() + (def.retryMinutes ?? 5) * 60_000));
    const kept = await finishRun(db, def.name, instance, runId, { ok, result, error, finishedAt, nextRunAt });
    if (!kept) log?.error({ job: def.name }, 'scheduled job outlived its lease; another instance took it over');
    return true;
  }

  /** One pass: every due job this instance can claim, one after another. Returns the names it ran. */
  async function tickOnce(): Promise<string[]> {
    const timeZone = await deps.timeZone();
    await ensureRows(timeZone);
    const ran: string[] = [];
    for (const name of await dueJobs(db, [...jobs.keys()], clock.now())) {
      const def = jobs.get(name);
      if (def && (await runOne(def, timeZone))) ran.push(name);
    }
    return ran;
  }

  /** A tick already running on this instance is joined, not doubled. */
  function tick(): Promise<string[]> {
    ticking ??= tickOnce().finally(() => (ticking = null));
    return ticking;
  }

  function start(opts: { everyMs?: number; log?: JobLog } = {}) {
    log = opts.log ?? null;
    if (timer) return;
    const beat = () => void tick().catch((err: unknown) => log?.error({ err }, 'job scheduler tick failed'));
    timer = setInterval(beat, opts.everyMs ?? 15_000);
    timer.unref();
    beat();
  }

  async function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    await ticking?.catch(() => undefined);
  }

  async function list() {
    return listJobs(db, [...jobs.keys()]);
  }

  async function runNow(name: string) {
    if (!jobs.has(name)) throw new AppError('job.not_found', 404);
    await ensureRows(await deps.timeZone());
    await requestRun(db, name, clock.now());
    if (timer) void tick().catch((err: unknown) => log?.error({ err }, 'job scheduler tick failed'));
    return (await listJobs(db, [name]))[0]!;
  }

  async function runs(name: string, limit = 20) {
    if (!jobs.has(name)) throw new AppError('job.not_found', 404);
    return recentRuns(db, name, limit);
  }

  return { instance, register, tick, start, stop, list, runNow, runs };
}
export type JobScheduler = ReturnType<typeof createJobScheduler>;
