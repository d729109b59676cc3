import { applyOutcome, isRecordComplete, type FollowUpOutcomeBody, type FollowUpRecordBody } from '@kefu/shared';
import type { z } from 'zod';
import type { followUpIssueBody } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, forbidden } from '../../lib/errors';
import { appendAudit } from '../audit';
import type { ComplaintService } from '../complaints';
import { insertTimeline } from '../customers';
import { reasonText } from './follow-up.mapper';
import { canSeeTask, canWorkTask, supervises } from './follow-up.policy';
import { findTask, lockTask, selectRecord, type TaskRow } from './follow-up.repo';

export const taskNotFound = () => new AppError('follow_up.not_found', 404);
/** A claim this old with no case registered belongs to a press that died: the next press takes it over. */
const CLAIM_STALE_MS = 60_000;
const userIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.id !== '00000000-0000-0000-0000-000000000000' ? ctx.actor.id : null);

/** What a hook hears when a task closes, inside the task's transaction (so its consequence commits with it). */
export interface ClosedEvent {
  task: TaskRow;
  status: 'done' | 'unreachable' | 'refused' | 'rescheduled';
  outcome: FollowUpOutcomeBody['outcome'];
  record: { opinions: string | null; satisfaction: number | null; complete: boolean } | null;
  ctx: Ctx;
  now: Date;
}
export type ClosedHook = (trx: Db, e: ClosedEvent) => Promise<void>;

/** A time of the department's clock, for the timeline line ("2026-10-12 15:00"). */
function localMinute(at: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(at);
}

/**
 * The agent's buttons and the record form (SPEC §4). Each outcome is ONE transaction: the task row
 * locked, its version checked (409), the transitions table of shared/follow-up-outcome.ts asked, the
 * attempt row, the task update, a callback task when one is agreed, the customer's timeline line and
 * last contact, the audit row, and the hooks of other areas on a close.
 */
export function createFollowUpWork(deps: { db: Db; clock: Clock; timeZone: () => Promise<string>; complaints: ComplaintService }) {
  const { db, clock, complaints } = deps;
  const hooks: ClosedHook[] = [];

  async function loadForWork(trx: Db, ctx: Ctx, id: string): Promise<TaskRow> {
    const task = await lockTask(trx, id);
    if (!task || !canSeeTask(ctx.actor, task)) throw taskNotFound();
    if (!canWorkTask(ctx.actor, task)) throw conflict('follow_up.not_assignee');
    return task;
  }

  async function attempt(ctx: Ctx, id: string, body: FollowUpOutcomeBody): Promise<{ status: string; callbackTaskId: string | null }> {
    const now = clock.now();
    const timeZone = await deps.timeZone();
    const callbackAt = body.callbackAt ? new Date(body.callbackAt) : null;
    return db.transaction().execute(async (trx) => {
      const task = await loadForWork(trx, ctx, id);
      if (task.version !== body.version) throw conflict('follow_up.version_conflict');
      const record = await trx.selectFrom('follow_up_records').select(['complete', 'opinions', 'satisfaction']).where('task_id', '=', id).executeTakeFirst();
      const result = applyOutcome({ status: task.status, attempts: task.attempts, maxAttempts: task.max_attempts }, body.outcome, {
        recordComplete: record?.complete ?? false,
        callbackAt,
        now,
      });
      if (!result.ok) {
        if (result.code === 'follow_up.callback_in_past') {
          throw new AppError('error.validation', 422, {}, { errors: [{ path: 'callbackAt', message: 'follow_up.callback_in_past' }] });
        }
        throw new AppError(result.code, result.status, { status: task.status });
      }
      const agentId = userIdOf(ctx);
      await trx
        .insertInto('follow_up_attempts')
        .values({ task_id: id, at: now, agent_id: agentId, outcome: body.outcome, callback_at: result.callback ? callbackAt : null, note: body.note || null })
        .execute();
      const closes = result.status !== 'open';
      const updated = await trx
        .updateTable('follow_up_tasks')
        .set((eb) => ({
          status: result.status,
          attempts: result.attempts,
          last_attempt_at: now,
          closed_at: closes ? now : null,
          closed_by: closes ? agentId : null,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict('follow_up.version_conflict');
      let callbackTaskId: string | null = null;
      if (result.callback && callbackAt) {
        // exactly one continuation per task: the dedupe key is the task's own id
        const made = await trx
          .insertInto('follow_up_tasks')
          .values({
            customer_id: task.customer_id,
            rule: task.rule,
            campaign_id: task.campaign_id,
            reason: task.reason,
            reason_params: JSON.stringify(task.reason_params ?? {}),
            dedupe_key: `callback:${task.id}`,
            ref_type: task.ref_type,
            ref_id: task.ref_id,
            due_at: callbackAt,
            priority: task.priority,
            assignee_id: task.assignee_id,
            script_code: task.script_code,
            max_attempts: task.max_attempts,
            parent_id: task.id,
            created_at: now,
            created_by: agentId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        callbackTaskId = made.id;
      }
      const actor = agentId ? { id: agentId, name: ctx.actor.name } : null;
      await insertTimeline(trx, [
        {
          customerId: task.customer_id,
          kind: 'follow_up.attempt',
          data: {
            outcome: body.outcome,
            attempt: result.attempts,
            status: result.status,
            reason: task.reason,
            reasonParams: task.reason_params ?? {},
            reasonText: reasonText(task.reason, task.reason_params, 'zh-CN'),
            ...(result.callback && callbackAt ? { callbackLocal: localMinute(callbackAt, timeZone) } : {}),
          },
          at: now,
          actor,
          refType: 'follow_up_task',
          refId: task.id,
        },
      ]);
      if (body.outcome === 'reached') {
        await trx
          .updateTable('customers')
          .set({ last_contact_at: now })
          .where('id', '=', task.customer_id)
          .where((eb) => eb.or([eb('last_contact_at', 'is', null), eb('last_contact_at', '<', now)]))
          .execute();
      }
      await appendAudit(trx, ctx, {
        action: 'follow_up.attempt',
        entityType: 'follow_up_task',
        entityId: id,
        detail: { outcome: body.outcome, attempt: result.attempts, status: result.status, callbackTaskId },
      });
      if (closes) {
        const event: ClosedEvent = { task, status: result.status as ClosedEvent['status'], outcome: body.outcome, record: record ?? null, ctx, now };
        for (const hook of hooks) await hook(trx, event);
      }
      return { status: result.status, callbackTaskId };
    });
  }

  /** 回访记录表: saved while the task is open (a first save, or a change by its version); complete or not is computed. */
  async function saveRecord(ctx: Ctx, id: string, body: FollowUpRecordBody): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const task = await loadForWork(trx, ctx, id);
      if (task.status !== 'open') throw new AppError('follow_up.closed', 409, { status: task.status });
      const before = await trx.selectFrom('follow_up_records').select(['version', 'complaint_id']).where('task_id', '=', id).forUpdate().executeTakeFirst();
      const fields = {
        satisfaction: body.satisfaction,
        opinions: body.opinions || null,
        issues_found: body.issuesFound || null,
        has_issue: body.hasIssue,
        invited: body.invited,
        complete: isRecordComplete({ satisfaction: body.satisfaction, opinions: body.opinions, hasIssue: body.hasIssue, issuesFound: body.issuesFound }),
        recorded_by: userIdOf(ctx),
        recorded_at: now,
      };
      if (!before) {
        await trx
          .insertInto('follow_up_records')
          .values({ task_id: id, ...fields })
          .execute();
      } else {
        if (body.version !== before.version) throw conflict('follow_up.record_version_conflict');
        await trx
          .updateTable('follow_up_records')
          .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
          .where('task_id', '=', id)
          .execute();
      }
      await appendAudit(trx, ctx, {
        action: 'follow_up.record',
        entityType: 'follow_up_task',
        entityId: id,
        detail: { complete: fields.complete, hasIssue: body.hasIssue },
      });
    });
  }

  /**
   * An issue found becomes a complaint in one click (the complaints service registers it with the
   * customer and the record's text), or a complaint transferred to a department at once.
   *
   * The complaints module registers (and transfers) in its own transactions, so this cannot be one
   * commit. It is made recoverable instead: the record is first claimed by its version, and the claim's
   * moment (`issue_claimed_at`, migration 019) is the complaint's `received_at`. Should anything fail
   * after the case is registered (the transfer, the link, the process), the claim stays; the next press
   * finds that case (same customer, same moment, same person, linked to no record) and links it, so a
   * retry never makes a second complaint. A claim without a case (the registration itself failed) is
   * released at once, or, if the process died, taken over after CLAIM_STALE_MS.
   */
  async function raiseIssue(ctx: Ctx, id: string, body: z.infer<typeof followUpIssueBody>): Promise<{ complaintId: string; number: string }> {
    const need = body.kind === 'transfer' ? 'complaint:handle' : 'complaint:register';
    if (!ctx.actor.permissions.has('complaint:register') || !ctx.actor.permissions.has(need)) throw forbidden();
    if (body.kind === 'transfer' && (!body.departmentId || !body.dueAt)) {
      throw new AppError('error.validation', 400, {}, { errors: [{ path: body.departmentId ? 'dueAt' : 'departmentId', message: 'v.required' }] });
    }
    const now = clock.now();
    // checked before anything is registered: a transfer refused after the case exists would leave it half done
    if (body.dueAt && new Date(body.dueAt) <= now)
      throw new AppError('error.validation', 400, {}, { errors: [{ path: 'dueAt', message: 'complaint.in_past' }] });
    const task = await findTask(db, id);
    if (!task || !canSeeTask(ctx.actor, task)) throw taskNotFound();
    if (!canWorkTask(ctx.actor, task) && !supervises(ctx.actor)) throw conflict('follow_up.not_assignee');
    const record = await selectRecord(db).where('r.task_id', '=', id).executeTakeFirst();
    if (!record) throw conflict('follow_up.no_record');
    if (record.complaint_id) throw conflict('follow_up.issue_taken', { number: record.complaint_number ?? '' });

    // a claim left by an earlier press: its case, if it was registered, is linked now (not registered again)
    if (record.issue_claimed_at) {
      const orphan = await orphanCase(task.customer_id, record.issue_claimed_at, record.issue_claimed_by);
      if (orphan) {
        await claim(id, body.version, record.issue_claimed_at, record.issue_claimed_by);
        const department = body.kind === 'transfer' && !orphan.transferred ? await transferCase(ctx, orphan, record, body) : null;
        await linkCase(ctx, task, id, orphan, department, now);
        return { complaintId: orphan.id, number: orphan.number };
      }
      if (now.getTime() - record.issue_claimed_at.getTime() < CLAIM_STALE_MS) throw conflict('follow_up.issue_pending');
    }
    if (!record.has_issue || !record.issues_found) throw conflict('follow_up.no_issue');
    const me = userIdOf(ctx);
    // the record claimed by its version before the complaint is registered: two clicks make one complaint
    await claim(id, body.version, now, me);
    const content = [
      record.issues_found,
      record.opinions ? `客户意见：${record.opinions}` : null,
      `（回访发现：${reasonText(task.reason, task.reason_params, 'zh-CN')}）`,
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 4000);
    let complaint: { id: string; number: string; version: number };
    try {
      complaint = await complaints.register(ctx, {
        receivedAt: now.toISOString(),
        channel: 'hotline',
        complainantName: task.customer_name.slice(0, 50),
        complainantPhone: null,
        customerId: task.customer_id,
        content,
        category: 'other',
        severity: 'normal',
        major: false,
        departmentId: body.kind === 'transfer' ? (body.departmentId ?? null) : null,
        receiverId: null,
        assigneeId: null,
      });
    } catch (err) {
      // nothing was registered: the claim goes, the record can be pressed again
      await db
        .updateTable('follow_up_records')
        .set({ issue_claimed_at: null, issue_claimed_by: null })
        .where('task_id', '=', id)
        .where('complaint_id', 'is', null)
        .where('issue_claimed_at', '=', now)
        .execute();
      throw err;
    }
    const department = body.kind === 'transfer' ? await transferCase(ctx, complaint, record, body) : null;
    await linkCase(ctx, task, id, complaint, department, now);
    return { complaintId: complaint.id, number: complaint.number };
  }

  /** The conditional update that claims the record: its version, no complaint yet. */
  async function claim(taskId: string, version: number, at: Date, by: string | null) {
    const claimed = await db
      .updateTable('follow_up_records')
      .set((eb) => ({ issue_claimed_at: at, issue_claimed_by: by, version: eb('version', '+', 1) }))
      .where('task_id', '=', taskId)
      .where('version', '=', version)
      .where('complaint_id', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('follow_up.record_version_conflict');
  }

  /** The case an earlier claim registered and no record points to (the claim's moment is its received_at). */
  async function orphanCase(customerId: string, at: Date, by: string | null) {
    const row = await db
      .selectFrom('complaints as k')
      .select(['k.id', 'k.number', 'k.version'])
      .select((eb) => eb.exists(eb.selectFrom('complaint_transfers as t').select('t.id').whereRef('t.complaint_id', '=', 'k.id')).as('transferred'))
      .where('k.customer_id', '=', customerId)
      .where('k.received_at', '=', at)
      .where((eb) => (by ? eb('k.created_by', '=', by) : eb('k.created_by', 'is', null)))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('follow_up_records as r').select('r.task_id').whereRef('r.complaint_id', '=', 'k.id'))))
      .executeTakeFirst();
    return row ? { ...row, transferred: Boolean(row.transferred) } : undefined;
  }

  async function transferCase(
    ctx: Ctx,
    complaint: { id: string; version: number },
    record: { issues_found: string | null },
    body: z.infer<typeof followUpIssueBody>,
  ): Promise<string | null> {
    if (!body.departmentId || !body.dueAt) return null;
    await complaints.transfer(ctx, complaint.id, {
      version: complaint.version,
      departmentId: body.departmentId,
      request: (record.issues_found ?? '').slice(0, 2000),
      dueAt: body.dueAt,
    });
    const d = await db.selectFrom('departments').select('name').where('id', '=', body.departmentId).executeTakeFirst();
    return d?.name ?? null;
  }

  /** The record points to the case, with the customer's timeline line and the audit row, in one commit. */
  async function linkCase(ctx: Ctx, task: TaskRow, id: string, complaint: { id: string; number: string }, department: string | null, now: Date) {
    await db.transaction().execute(async (trx) => {
      const linked = await trx
        .updateTable('follow_up_records')
        .set((eb) => ({ complaint_id: complaint.id, transfer_department: department, version: eb('version', '+', 1) }))
        .where('task_id', '=', id)
        .where('complaint_id', 'is', null)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) throw conflict('follow_up.record_version_conflict');
      await insertTimeline(trx, [
        {
          customerId: task.customer_id,
          kind: 'follow_up.issue',
          data: { number: complaint.number, department },
          at: now,
          actor: userIdOf(ctx) ? { id: ctx.actor.id, name: ctx.actor.name } : null,
          refType: 'complaint',
          refId: complaint.id,
        },
      ]);
      await appendAudit(trx, ctx, {
        action: 'follow_up.issue',
        entityType: 'follow_up_task',
        entityId: id,
        detail: { complaint: complaint.number, department },
      });
    });
  }

  /** Other areas hear a task close inside its transaction (`followUps.onClosed(fn)`). */
  function onClosed(fn: ClosedHook) {
    hooks.push(fn);
  }

  // complaint follow-ups (ref_type 'complaint_follow_up'): reached with a complete record marks the case's follow-up done
  onClosed(async (trx, e) => {
    if (e.task.ref_type !== 'complaint_follow_up' || !e.task.ref_id || e.status !== 'done' || !e.record?.complete) return;
    const note = [`回访满意度 ${e.record.satisfaction ?? '-'}/5`, e.record.opinions].filter(Boolean).join('；').slice(0, 1000);
    await complaints.followUpDoneWithin(trx, e.ctx, e.task.ref_id, note, e.now, 'follow_up_task');
  });

  return { attempt, saveRecord, raiseIssue, onClosed };
}
