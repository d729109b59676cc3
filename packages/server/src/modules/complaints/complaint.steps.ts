import { addDays, zonedDate } from '@kefu/shared';
import type { z } from 'zod';
import type { acknowledgeBody, approveBody, closeBody, feedbackBody, proposeBody, rejectBody, reopenBody, resolveBody, verifyBody } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { userIdOf, type ComplaintCore, type Env } from './complaint.core';
import { createMover } from './complaint.move';
import { caseLink, localTime, notes, yuan } from './complaint.notify';
import { checkPeople, fieldError } from './complaint.register';
import { recordBreach, usersWithPermission, type ComplaintRowNamed } from './complaint.repo';

type In<T extends z.ZodType> = z.output<T>;

/** A clock stopped after its deadline: the breach is on record even if the watch never saw it. */
async function lateBreach(trx: Db, row: ComplaintRowNamed, kind: 'response' | 'resolve', e: Env): Promise<boolean> {
  const stoppedBefore = kind === 'response' ? row.responded_at : row.resolved_at;
  const due = kind === 'response' ? row.response_due_at : row.resolve_due_at;
  if (stoppedBefore || e.now <= due) return false;
  await recordBreach(trx, row.id, kind, due, e.now, e.now);
  return true;
}

/**
 * The workflow steps of seed 003 附件二, each with its own fields: 受理 (the customer answered), 情况核实
 * (investigator, findings), 处理意见 (proposal, responsible person, compensation), 批准, 处理结果 (handler,
 * result), 客户反馈 (satisfaction with the result and the speed, suggestion), 结案, and reopening.
 */
export function createSteps(core: ComplaintCore) {
  const { move } = createMover(core);
  const me = (ctx: Ctx) => userIdOf(ctx);

  const acknowledge = (ctx: Ctx, id: string, b: In<typeof acknowledgeBody>) =>
    move(ctx, id, 'acknowledge', b.version, async (trx, row, e) => {
      const late = await lateBreach(trx, row, 'response', e);
      // whoever answers an unassigned case takes it (seed 001 客诉专员: the specialist follows it through)
      const takes = !row.assignee_id && me(ctx) !== null && ctx.actor.permissions.has('complaint:handle');
      return {
        set: {
          acknowledged_at: e.now,
          acknowledged_by: me(ctx),
          acknowledge_note: b.note,
          responded_at: row.responded_at ?? e.now,
          ...(takes ? { assignee_id: me(ctx) } : {}),
        },
        data: { note: b.note, late, ...(takes ? { assignee: ctx.actor.name } : {}) },
        timeline: { late },
      };
    });

  const verify = (ctx: Ctx, id: string, b: In<typeof verifyBody>) =>
    move(ctx, id, 'verify', b.version, async (trx, _row, e) => {
      const people = await checkPeople(trx, [{ path: 'investigatorId', id: b.investigatorId }]);
      return {
        set: { verified_at: e.now, verified_by: me(ctx), investigator_id: b.investigatorId, findings: b.findings },
        data: { investigator: people.get(b.investigatorId)?.name, findings: b.findings },
        timeline: {},
      };
    });

  const propose = (ctx: Ctx, id: string, b: In<typeof proposeBody>) =>
    move(ctx, id, 'propose', b.version, async (trx, row, e) => {
      const people = await checkPeople(trx, [{ path: 'responsibleId', id: b.responsibleId }]);
      // above the manager's threshold the compensation waits for approval (批准人)
      const needsApproval = b.compensationFen > e.settings.approvalThresholdFen;
      return {
        set: {
          proposed_at: e.now,
          proposed_by: me(ctx),
          proposal: b.proposal,
          responsible_id: b.responsibleId,
          compensation_fen: b.compensationFen,
          needs_approval: needsApproval,
          approved_at: null,
          approved_by: null,
          approval_note: null,
        },
        data: {
          proposal: b.proposal,
          responsible: people.get(b.responsibleId)?.name,
          compensationFen: b.compensationFen,
          needsApproval,
          thresholdFen: e.settings.approvalThresholdFen,
        },
        timeline: { compensationFen: b.compensationFen, needsApproval },
        tell: async (after) =>
          needsApproval
            ? notes(
                await usersWithPermission(trx, 'complaint:approve'),
                'approval_needed',
                `${row.id}:${after.version}`,
                { number: row.number, amount: yuan(b.compensationFen), by: ctx.actor.name },
                caseLink(row.id),
                me(ctx),
              )
            : [],
      };
    });

  const approve = (ctx: Ctx, id: string, b: In<typeof approveBody>) =>
    move(ctx, id, 'approve', b.version, (_trx, row, e) => ({
      set: { approved_at: e.now, approved_by: me(ctx), approval_note: b.note },
      data: { note: b.note, compensationFen: Number(row.compensation_fen) },
      timeline: {},
      tell: (after) =>
        notes(
          [row.proposed_by, row.assignee_id],
          'approved',
          `${row.id}:${after.version}`,
          { number: row.number, by: ctx.actor.name },
          caseLink(row.id),
          me(ctx),
        ),
    }));

  const reject = (ctx: Ctx, id: string, b: In<typeof rejectBody>) =>
    move(ctx, id, 'reject', b.version, (_trx, row) => ({
      set: { needs_approval: false },
      data: { reason: b.reason, proposal: row.proposal, compensationFen: Number(row.compensation_fen) },
      timeline: {},
      tell: (after) =>
        notes(
          [row.proposed_by, row.assignee_id],
          'rejected',
          `${row.id}:${after.version}`,
          { number: row.number, by: ctx.actor.name, reason: b.reason },
          caseLink(row.id),
          me(ctx),
        ),
    }));

  const resolve = (ctx: Ctx, id: string, b: In<typeof resolveBody>) =>
    move(ctx, id, 'resolve', b.version, async (trx, row, e) => {
      const people = await checkPeople(trx, [{ path: 'handlerId', id: b.handlerId }]);
      const late = await lateBreach(trx, row, 'resolve', e);
      return {
        set: { handled_at: e.now, handled_by: me(ctx), handler_id: b.handlerId, result: b.result, resolved_at: row.resolved_at ?? e.now },
        data: { handler: people.get(b.handlerId)?.name, result: b.result, late },
        timeline: { late },
      };
    });

  /** Unsatisfied (with the result or the speed) goes back to handling, with the callback promised on record (seed 004). */
  const recordFeedback = (ctx: Ctx, id: string, b: In<typeof feedbackBody>) => {
    const unsatisfied = b.satisfactionResult === 'unsatisfied' || b.satisfactionSpeed === 'unsatisfied';
    return move(
      ctx,
      id,
      'recordFeedback',
      b.version,
      async (trx, row, e) => {
        const callbackAt = b.callbackAt ? new Date(b.callbackAt) : null;
        if (unsatisfied && callbackAt && callbackAt <= e.now) throw fieldError('callbackAt', 'complaint.in_past');
        if (unsatisfied && callbackAt) {
          await trx
            .insertInto('complaint_promises')
            .values({
              complaint_id: row.id,
              what: '客户不满意：按约定时间回电',
              due_at: callbackAt,
              owner_id: row.assignee_id ?? me(ctx),
              source: 'callback',
              created_at: e.now,
              created_by: ctx.actor.id,
            })
            .execute();
        }
        const due = callbackAt ? localTime(callbackAt, e.cal.config.timeZone) : '';
        return {
          set: {
            feedback_at: e.now,
            feedback_by: me(ctx),
            satisfaction_result: b.satisfactionResult,
            satisfaction_speed: b.satisfactionSpeed,
            suggestion: b.suggestion,
          },
          data: {
            satisfactionResult: b.satisfactionResult,
            satisfactionSpeed: b.satisfactionSpeed,
            suggestion: b.suggestion,
            unsatisfied,
            callbackAt: callbackAt?.toISOString() ?? null,
          },
          timeline: { satisfactionResult: b.satisfactionResult, satisfactionSpeed: b.satisfactionSpeed, unsatisfied },
          tell: (after) =>
            unsatisfied ? notes([row.assignee_id], 'unsatisfied', `${row.id}:${after.version}`, { number: row.number, due }, caseLink(row.id), me(ctx)) : [],
        };
      },
      { unsatisfied },
    );
  };

  /** Closing sets the follow-ups of the settings: right away and a month later (seed 004 第五篇 三 "处理后有回访"). */
  const close = (ctx: Ctx, id: string, b: In<typeof closeBody>) =>
    move(ctx, id, 'close', b.version, async (trx, row, e) => {
      const today = zonedDate(e.now, e.cal.config.timeZone);
      const followUps = e.settings.followUpDays.map((days, i) => ({
        complaint_id: row.id,
        kind: i === 0 ? ('after_close' as const) : ('one_month' as const),
        days,
        due_date: addDays(today, days),
        created_at: e.now,
      }));
      if (followUps.length) await trx.insertInto('complaint_follow_ups').values(followUps).execute();
      return {
        set: { closed_at: e.now, closed_by: me(ctx), close_note: b.note },
        data: { note: b.note, followUps: followUps.map((f) => f.due_date) },
        timeline: {},
      };
    });

  /** Within the reopen window only; the follow-ups of the earlier closing that are still to do go away with it. */
  const reopen = (ctx: Ctx, id: string, b: In<typeof reopenBody>) =>
    move(ctx, id, 'reopen', b.version, async (trx, row) => {
      await trx.deleteFrom('complaint_follow_ups').where('complaint_id', '=', row.id).where('done_at', 'is', null).execute();
      return { set: { closed_at: null, closed_by: null, reopen_count: row.reopen_count + 1 }, data: { reason: b.reason }, timeline: {} };
    });

  return { acknowledge, verify, propose, approve, reject, resolve, recordFeedback, close, reopen };
}
