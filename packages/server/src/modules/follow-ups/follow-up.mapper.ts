import { isMessageKey, translate, type FollowUpRecord, type FollowUpTask, type Lang } from '@kefu/shared';
import type { AttemptRow, RecordRow, TaskRow } from './follow-up.repo';

/** The reason as the reader reads it: a message key of the shared catalog with its params, or plain text. */
export function reasonText(reason: string, params: Record<string, unknown>, lang: Lang): string {
  if (!isMessageKey(reason)) return reason;
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string' || typeof v === 'number') p[k] = v;
  return translate(reason, lang, p);
}

export function toTask(r: TaskRow, lang: Lang, now: Date): FollowUpTask {
  return {
    id: r.id,
    customer: { id: r.customer_id, name: r.customer_name },
    rule: r.rule,
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
    reason: r.reason,
    reasonText: reasonText(r.reason, r.reason_params, lang),
    refType: r.ref_type,
    refId: r.ref_id,
    dueAt: r.due_at.toISOString(),
    priority: r.priority,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    scriptCode: r.script_code,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    parentId: r.parent_id,
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    overdue: r.status === 'open' && r.due_at.getTime() < now.getTime(),
    version: r.version,
  };
}

export function toRecord(r: RecordRow): FollowUpRecord {
  return {
    satisfaction: r.satisfaction,
    opinions: r.opinions,
    issuesFound: r.issues_found,
    hasIssue: r.has_issue,
    invited: r.invited,
    complete: r.complete,
    complaint: r.complaint_id ? { id: r.complaint_id, number: r.complaint_number ?? '' } : null,
    transferDepartment: r.transfer_department,
    recordedBy: r.recorded_by ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null,
    recordedAt: r.recorded_at.toISOString(),
    check:
      r.checked_at && r.check_ok !== null
        ? { ok: r.check_ok, note: r.check_note, by: r.checked_by ? { id: r.checked_by, name: r.checked_by_name ?? '' } : null, at: r.checked_at.toISOString() }
        : null,
    version: r.version,
  };
}

export function toAttempt(r: AttemptRow) {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    agent: r.agent_id ? { id: r.agent_id, name: r.agent_name ?? '' } : null,
    outcome: r.outcome,
    callbackAt: r.callback_at?.toISOString() ?? null,
    note: r.note,
  };
}
