import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { buildCustomer, type Client, type Res } from './factories';
import type { TestEnv } from './helpers';

/** A customer owned by `ownerId`, created by someone who may name the owner (a manager). */
export async function customerFor(manager: Client, ownerId: string | null, name = '王回访'): Promise<{ id: string; name: string }> {
  const res = await manager.post('/api/v1/customers', buildCustomer({ name, ownerId }));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/**
 * A task as a rule makes it (the rules engineer's scheduler inserts these columns): straight into the
 * table, with its own dedupe key.
 */
export async function insertTask(
  env: TestEnv,
  t: {
    customerId: string;
    assigneeId: string | null;
    dueAt?: string;
    priority?: number;
    maxAttempts?: number;
    rule?: string | null;
    refType?: string | null;
    refId?: string | null;
    campaignId?: string | null;
    reason?: string;
    reasonParams?: Record<string, unknown>;
  },
): Promise<string> {
  const row = await env.handle.db
    .insertInto('follow_up_tasks')
    .values({
      customer_id: t.customerId,
      rule: t.rule === undefined ? 'monthly_coverage' : t.rule,
      reason: t.reason ?? 'follow_up.reason.manual',
      reason_params: JSON.stringify(t.reasonParams ?? { text: '月度满意度回访' }),
      dedupe_key: `test:${randomBytes(8).toString('hex')}`,
      ref_type: t.refType ?? null,
      ref_id: t.refId ?? null,
      due_at: new Date(t.dueAt ?? '2026-10-09T01:00:00Z'),
      priority: t.priority ?? 2,
      assignee_id: t.assigneeId,
      script_code: null,
      max_attempts: t.maxAttempts ?? 3,
      campaign_id: t.campaignId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function detail(client: Client, id: string) {
  const res = await client.get(`/api/v1/follow-up-tasks/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** An outcome button pressed on the task's current version. */
export async function press(client: Client, id: string, outcome: string, extra: Record<string, unknown> = {}): Promise<Res> {
  const { task } = await detail(client, id);
  return client.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome, version: task.version, ...extra });
}

export const COMPLETE = { satisfaction: 5, opinions: '对教练很满意', issuesFound: null, hasIssue: false, invited: null };

export async function record(client: Client, id: string, body: Record<string, unknown> = COMPLETE): Promise<Res> {
  const current = (await detail(client, id)).record;
  return client.put(`/api/v1/follow-up-tasks/${id}/record`, { ...body, ...(current ? { version: current.version } : {}) });
}
