import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { JobSchedule } from '../../db/schema-jobs';

export type JobRow = Awaited<ReturnType<typeof listJobs>>[number];

/** Registers a job's row once; a changed schedule replaces the stored one (the next run is kept). */
export async function ensureJob(db: Db, name: string, schedule: JobSchedule, firstRunAt: Date): Promise<void> {
  const json = JSON.stringify(schedule);
  await db
    .insertInto('jobs')
    .values({ name, schedule: json, next_run_at: firstRunAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ schedule: json })
        .where(sql<boolean>`jobs.schedule <> ${json}::jsonb`),
    )
    .execute();
}

/** Names of the jobs due now whose lease is free (or ran out: their runner died). */
export async function dueJobs(db: Db, names: string[], now: Date): Promise<string[]> {
  if (!names.length) return [];
  const rows = await db
    .selectFrom('jobs')
    .select('name')
    .where('name', 'in', names)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_run_at')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Takes the job for this instance: one conditional UPDATE. On PostgreSQL two instances updating the
 * same row queue on its lock, and the second re-checks the WHERE against the row the first wrote: the
 * lease is taken by then, so it updates nothing. Exactly one instance gets the row back.
 */
export async function claimJob(db: Db, name: string, owner: string, now: Date, leaseUntil: Date) {
  return db
    .updateTable('jobs')
    .set({ lease_owner: owner, lease_until: leaseUntil, last_started_at: now })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning(['name', 'schedule', 'next_run_at'])
    .executeTakeFirst();
}

export async function startRun(db: Db, job: string, instance: string, now: Date): Promise<number> {
  const row = await db.insertInto('job_runs').values({ job, instance, started_at: now }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface Outcome {
  ok: boolean;
  result: unknown;
  error: string | null;
  finishedAt: Date;
  nextRunAt: Date;
}

/** Records the run and frees the lease, unless another instance took the job over meanwhile (the lease ran out). */
export async function finishRun(db: Db, name: string, owner: string, runId: number, o: Outcome): Promise<boolean> {
  const result = o.result === undefined ? null : JSON.stringify(o.result);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('job_runs').set({ finished_at: o.finishedAt, ok: o.ok, result, error: o.error }).where('id', '=', runId).execute();
    const updated = await trx
      .updateTable('jobs')
      .set({
        next_run_at: o.nextRunAt,
        lease_owner: null,
        lease_until: null,
        last_finished_at: o.finishedAt,
        last_ok: o.ok,
        last_result: result,
        last_error: o.error,
        run_count: sql`run_count + 1`,
        fail_count: o.ok ? sql`fail_count` : sql`fail_count + 1`,
      })
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  });
}

export function listJobs(db: Db, names: string[]) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('name', 'in', names.length ? names : [''])
    .orderBy('name')
    .execute();
}

/** "Run now": due at once; whichever instance ticks next runs it (a running job is not disturbed). */
export async function requestRun(db: Db, name: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('jobs').set({ next_run_at: now }).where('name', '=', name).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function recentRuns(db: Db, name: string, limit: number) {
  return db.selectFrom('job_runs').selectAll().where('job', '=', name).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
