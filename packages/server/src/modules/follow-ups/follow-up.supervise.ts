import { distributeByLoad, type FollowUpCampaign } from '@kefu/shared';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { followUpCampaignBody, followUpCampaignTasksBody, followUpCampaignUpdateBody, followUpCheckBody, followUpManualBody } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { agentsWithLoad } from './follow-up.repo';
import type { FollowUpSettingsStore } from './follow-up.settings';
import { taskNotFound } from './follow-up.work';

const fieldError = (
  path: string,
  message: 'follow_up.unknown_agent' | 'follow_up.unknown_customer' | 'follow_up.no_customers' | 'follow_up.too_many_customers',
  params: Record<string, number> = {},
) => new AppError('error.validation', 422, params, { errors: [{ path, message, params }] });
const userIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.id !== '00000000-0000-0000-0000-000000000000' ? ctx.actor.id : null);
/** a campaign reaches at most this many customers at once (one transaction; PGlite holds the session meanwhile) */
export const MAX_CAMPAIGN_CUSTOMERS = 2000;

/**
 * The supervisor's tools (seed 004 第五篇 一.3, seed 000 #10): distributing by load, spot checks of
 * records (抽查), tasks by hand and campaigns of tasks for a filtered set of customers.
 */
export function createFollowUpSupervision(deps: { db: Db; clock: Clock; settings: FollowUpSettingsStore }) {
  const { db, clock, settings } = deps;

  async function checkAgents(trx: Db, ids: string[], path: string) {
    const agents = await agentsWithLoad(trx, [...new Set(ids)]);
    if (agents.length !== new Set(ids).size) throw fieldError(path, 'follow_up.unknown_agent');
    return agents;
  }

  /** Open tasks spread over the chosen agents, each to whoever has the fewest open tasks at that moment. */
  async function distribute(ctx: Ctx, body: { taskIds: string[]; agentIds: string[] }) {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const agents = await checkAgents(trx, body.agentIds, 'agentIds');
      const tasks = await trx
        .selectFrom('follow_up_tasks')
        .select(['id', 'assignee_id'])
        .where('id', 'in', body.taskIds)
        .where('status', '=', 'open')
        .orderBy('due_at')
        .orderBy('priority')
        .orderBy('id')
        .forUpdate()
        .execute();
      // the load of each agent without the tasks being spread (they are counted again where they land)
      const loads = agents.map((a) => ({ id: a.id, load: a.open - tasks.filter((t) => t.assignee_id === a.id).length }));
      const plan = distributeByLoad(
        tasks.map((t) => t.id),
        loads,
      );
      let moved = 0;
      for (const t of tasks) {
        const to = plan.get(t.id)!;
        if (to === t.assignee_id) continue;
        await trx
          .updateTable('follow_up_tasks')
          .set((eb) => ({ assignee_id: to, version: eb('version', '+', 1) }))
          .where('id', '=', t.id)
          .execute();
        moved += 1;
      }
      await appendAudit(trx, ctx, {
        action: 'follow_up.distribute',
        entityType: 'follow_up_task',
        entityId: null,
        detail: { tasks: tasks.length, moved, agents: body.agentIds, at: now.toISOString() },
      });
      const after = await agentsWithLoad(trx, body.agentIds);
      return { moved, loads: after.map((a) => ({ agent: { id: a.id, name: a.name }, open: a.open })) };
    });
  }

  /** 抽查: the supervisor marks a record to standard or not (with a note); a failed check counts against the compliance rate. */
  async function check(ctx: Ctx, taskId: string, body: z.infer<typeof followUpCheckBody>) {
    await db.transaction().execute(async (trx) => {
      const rec = await trx.selectFrom('follow_up_records').select(['version', 'checked_at']).where('task_id', '=', taskId).forUpdate().executeTakeFirst();
      if (!rec) {
        const exists = await trx.selectFrom('follow_up_tasks').select('id').where('id', '=', taskId).executeTakeFirst();
        if (!exists) throw taskNotFound();
        throw conflict('follow_up.no_record');
      }
      if (rec.checked_at) throw conflict('follow_up.already_checked');
      if (rec.version !== body.version) throw conflict('follow_up.record_version_conflict');
      await trx
        .updateTable('follow_up_records')
        .set((eb) => ({ checked_by: userIdOf(ctx), checked_at: clock.now(), check_ok: body.ok, check_note: body.note, version: eb('version', '+', 1) }))
        .where('task_id', '=', taskId)
        .execute();
      await appendAudit(trx, ctx, { action: 'follow_up.check', entityType: 'follow_up_task', entityId: taskId, detail: { ok: body.ok, note: body.note } });
    });
  }

  /** A task by hand: one customer, a reason in the supervisor's words; the customer's owner works it unless someone is named. */
  async function createManual(ctx: Ctx, body: z.infer<typeof followUpManualBody>): Promise<string> {
    const { maxAttempts } = await settings.read();
    return db.transaction().execute(async (trx) => {
      const customer = await trx.selectFrom('customers').select(['id', 'owner_id', 'merged_into']).where('id', '=', body.customerId).executeTakeFirst();
      if (!customer || customer.merged_into) throw fieldError('customerId', 'follow_up.unknown_customer');
      if (body.assigneeId) await checkAgents(trx, [body.assigneeId], 'assigneeId');
      const row = await trx
        .insertInto('follow_up_tasks')
        .values({
          customer_id: customer.id,
          reason: 'follow_up.reason.manual',
          reason_params: JSON.stringify({ text: body.reason }),
          dedupe_key: `manual:${randomUUID()}`,
          ref_type: 'customer',
          ref_id: customer.id,
          due_at: new Date(body.dueAt),
          priority: body.priority,
          assignee_id: body.assigneeId ?? customer.owner_id,
          script_code: body.scriptCode,
          max_attempts: maxAttempts,
          created_at: clock.now(),
          created_by: userIdOf(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, {
        action: 'follow_up.create',
        entityType: 'follow_up_task',
        entityId: row.id,
        detail: { customerId: customer.id, reason: body.reason },
      });
      return row.id;
    });
  }

  function selectCampaigns(trx: Db = db) {
    return trx
      .selectFrom('follow_up_campaigns as g')
      .selectAll('g')
      .select((eb) => [
        eb
          .selectFrom('follow_up_tasks as t')
          .whereRef('t.campaign_id', '=', 'g.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('tasks'),
        eb
          .selectFrom('follow_up_tasks as t')
          .whereRef('t.campaign_id', '=', 'g.id')
          .where('t.status', '=', 'open')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('open'),
      ]);
  }
  type CampaignRow = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['executeTakeFirstOrThrow']>>;
  const toCampaign = (r: CampaignRow): FollowUpCampaign => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    targetSuccessRate: r.target_success_rate === null ? null : Number(r.target_success_rate),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    active: r.active,
    summary: r.summary,
    tasks: Number(r.tasks ?? 0),
    open: Number(r.open ?? 0),
    createdAt: r.created_at.toISOString(),
    version: r.version,
  });

  async function campaign(id: string): Promise<FollowUpCampaign> {
    const row = await selectCampaigns().where('g.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('follow_up.campaign_not_found', 404);
    return toCampaign(row);
  }

  async function campaigns(): Promise<FollowUpCampaign[]> {
    return (await selectCampaigns().orderBy('g.active', 'desc').orderBy('g.starts_on', 'desc').orderBy('g.created_at', 'desc').limit(200).execute()).map(
      toCampaign,
    );
  }

  async function createCampaign(ctx: Ctx, body: z.infer<typeof followUpCampaignBody>): Promise<FollowUpCampaign> {
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('follow_up_campaigns')
        .values({
          name: body.name,
          purpose: body.purpose,
          target_success_rate: body.targetSuccessRate,
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          created_by: userIdOf(ctx),
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'follow_up.campaign_create', entityType: 'follow_up_campaign', entityId: row.id, detail: { ...body } });
      return row.id;
    });
    return campaign(id);
  }

  /** The written summary of the 回访总结报告, or the campaign switched off, by its version. */
  async function updateCampaign(ctx: Ctx, id: string, body: z.infer<typeof followUpCampaignUpdateBody>): Promise<FollowUpCampaign> {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('follow_up_campaigns').select(['version']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new AppError('follow_up.campaign_not_found', 404);
      if (row.version !== body.version) throw conflict('follow_up.campaign_version_conflict');
      await trx
        .updateTable('follow_up_campaigns')
        .set((eb) => ({
          ...(body.summary !== undefined ? { summary: body.summary, summary_updated_by: userIdOf(ctx), summary_updated_at: clock.now() } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, {
        action: 'follow_up.campaign_update',
        entityType: 'follow_up_campaign',
        entityId: id,
        detail: { summary: body.summary !== undefined, active: body.active },
      });
    });
    return campaign(id);
  }

  /**
   * The campaign's tasks for a filtered set of customers: one per customer (its dedupe key, so adding the
   * same customers again makes none twice), spread by load over the chosen agents, or each to its owner.
   */
  async function addCampaignTasks(ctx: Ctx, id: string, body: z.infer<typeof followUpCampaignTasksBody>): Promise<{ created: number; matched: number }> {
    const { maxAttempts } = await settings.read();
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const g = await trx.selectFrom('follow_up_campaigns').select(['id', 'name', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!g) throw new AppError('follow_up.campaign_not_found', 404);
      const agents = body.agentIds.length ? await checkAgents(trx, body.agentIds, 'agentIds') : [];
      let q = trx.selectFrom('customers').select(['id', 'owner_id']).where('merged_into', 'is', null).where('lifecycle', '<>', 'closed');
      const f = body.filter;
      if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
      if (f.tierCode) q = q.where('tier_code', '=', f.tierCode);
      if (f.classCode) q = q.where('class_code', '=', f.classCode);
      if (f.lifecycle) q = q.where('lifecycle', '=', f.lifecycle as 'active');
      if (f.tag) q = q.where(sql<boolean>`tags @> ARRAY[${f.tag}]::text[]`);
      const customers = await q
        .orderBy('id')
        .limit(MAX_CAMPAIGN_CUSTOMERS + 1)
        .execute();
      if (customers.length === 0) throw fieldError('filter', 'follow_up.no_customers');
      if (customers.length > MAX_CAMPAIGN_CUSTOMERS) throw fieldError('filter', 'follow_up.too_many_customers', { max: MAX_CAMPAIGN_CUSTOMERS });
      const plan = agents.length
        ? distributeByLoad(
            customers.map((c) => c.id),
            agents.map((a) => ({ id: a.id, load: a.open })),
          )
        : null;
      const rows = customers.map((c) => ({
        customer_id: c.id,
        campaign_id: g.id,
        reason: 'follow_up.reason.campaign',
        reason_params: JSON.stringify({ campaign: g.name, text: body.reason }),
        dedupe_key: `campaign:${g.id}:${c.id}`,
        ref_type: 'customer',
        ref_id: c.id,
        due_at: new Date(body.dueAt),
        priority: body.priority,
        assignee_id: plan ? (plan.get(c.id) ?? null) : c.owner_id,
        script_code: body.scriptCode,
        max_attempts: maxAttempts,
        created_at: now,
        created_by: userIdOf(ctx),
      }));
      let created = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const made = await trx
          .insertInto('follow_up_tasks')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .returning('id')
          .execute();
        created += made.length;
      }
      await appendAudit(trx, ctx, {
        action: 'follow_up.campaign_tasks',
        entityType: 'follow_up_campaign',
        entityId: g.id,
        detail: { matched: customers.length, created, filter: f },
      });
      return { created, matched: customers.length };
    });
  }

  return { distribute, check, createManual, campaign, campaigns, createCampaign, updateCampaign, addCampaignTasks };
}
