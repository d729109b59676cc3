import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 012-jobs.sql (the job scheduler). */
type Int8 = number; // bigint: db/client.ts parses int8 to numbers on both engines
type Json<T> = ColumnType<T, string, string>; // written as JSON.stringify(...), as everywhere else

export type JobSchedule = { everyMinutes: number } | { dailyAt: string };

export interface JobsTable {
  name: string;
  schedule: Json<JobSchedule>;
  next_run_at: Date;
  lease_owner: string | null;
  lease_until: Date | null;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_ok: boolean | null;
  last_result: ColumnType<unknown, string | null, string | null>;
  last_error: string | null;
  run_count: Generated<number>;
  fail_count: Generated<number>;
}

export interface JobRunsTable {
  id: Generated<Int8>;
  job: string;
  instance: string;
  started_at: Date;
  finished_at: Date | null;
  ok: boolean | null;
  result: ColumnType<unknown, string | null, string | null>;
  error: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
  job_runs: JobRunsTable;
}
