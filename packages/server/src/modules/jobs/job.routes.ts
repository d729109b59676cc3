import { jobSchema, type Job } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { appendAudit } from '../audit';
import type { JobRow } from './job.repo';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toJob(r: JobRow): Job {
  return {
    name: r.name,
    schedule: r.schedule,
    nextRunAt: r.next_run_at.toISOString(),
    running: r.lease_until !== null,
    lastStartedAt: iso(r.last_started_at),
    lastFinishedAt: iso(r.last_finished_at),
    lastOk: r.last_ok,
    lastError: r.last_error,
    lastResult: r.last_result ?? null,
    runCount: r.run_count,
    failCount: r.fail_count,
  };
}

const nameParams = z.object({ name: z.string().regex(/^[a-z0-9_.-]{2,60}$/, { message: 'job.not_found' }) });
const runSchema = z.object({
  id: z.number(),
  instance: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  error: z.string().nullable(),
  result: z.unknown(),
});

/** The manager's view of the scheduled jobs: last and next run, errors, run now. */
export function jobRoutes(app: App) {
  const { jobs } = app.services;
  const tags = ['jobs'];
  app.get(
    '/api/v1/jobs',
    {
      schema: { tags, summary: '定时任务：上次、下次运行与错误', response: { 200: z.object({ items: z.array(jobSchema) }) } },
      preValidation: needs('job:manage'),
    },
    async () => ({ items: (await jobs.list()).map(toJob) }),
  );
  app.get(
    '/api/v1/jobs/:name/runs',
    {
      schema: { tags, summary: '定时任务的运行记录（最近 20 次）', params: nameParams, response: { 200: z.object({ items: z.array(runSchema) }) } },
      preValidation: needs('job:manage'),
    },
    async (req) => ({
      items: (await jobs.runs(req.params.name)).map((r) => ({
        id: Number(r.id),
        instance: r.instance,
        startedAt: r.started_at.toISOString(),
        finishedAt: iso(r.finished_at),
        ok: r.ok,
        error: r.error,
        result: r.result ?? null,
      })),
    }),
  );
  app.post(
    '/api/v1/jobs/:name/run',
    { schema: { tags, summary: '立即运行（由下一次调度执行）', params: nameParams, response: { 200: jobSchema } }, preValidation: needs('job:manage') },
    async (req) => {
      const row = await jobs.runNow(req.params.name);
      await appendAudit(app.deps.db, ctxOf(req), { action: 'job.run_now', entityType: 'job', entityId: req.params.name, detail: {} });
      return toJob(row);
    },
  );
}
