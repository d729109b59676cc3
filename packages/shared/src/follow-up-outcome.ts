/**
 * The outcomes of a follow-up call and what each does to its task (SPEC §4, seed 000 #6/#10): one
 * transitions table, pure. The service locks the task, asks here, and writes what it says.
 */
export const FOLLOW_UP_OUTCOMES = ['reached', 'no_answer', 'busy', 'invalid_number', 'call_back', 'refused'] as const;
export type FollowUpOutcomeCode = (typeof FOLLOW_UP_OUTCOMES)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done', 'unreachable', 'refused', 'rescheduled', 'cancelled'] as const;
export type FollowUpStatusCode = (typeof FOLLOW_UP_STATUSES)[number];

export interface TaskFacts {
  status: FollowUpStatusCode;
  attempts: number;
  maxAttempts: number;
}

export type OutcomeResult =
  | { ok: true; status: FollowUpStatusCode; attempts: number; callback: boolean }
  | { ok: false; code: 'follow_up.closed' | 'follow_up.record_incomplete' | 'follow_up.callback_in_past'; status: 409 | 422 };

/**
 * - reached (成功): closes done, only with a complete record (422 otherwise: the agent fills the form first)
 * - no answer (未接通) / busy (占线): one more attempt; the last allowed one closes the task unreachable
 * - invalid number (空号): unreachable at once; calling again reaches nobody
 * - call back later (不方便): this task is rescheduled (closed) and ONE new task is due at the agreed time
 * - refused (拒访): closes refused
 */
export function applyOutcome(
  task: TaskFacts,
  outcome: FollowUpOutcomeCode,
  facts: { recordComplete: boolean; callbackAt: Date | null; now: Date },
): OutcomeResult {
  if (task.status !== 'open') return { ok: false, code: 'follow_up.closed', status: 409 };
  const attempts = task.attempts + 1;
  switch (outcome) {
    case 'reached':
      if (!facts.recordComplete) return { ok: false, code: 'follow_up.record_incomplete', status: 422 };
      return { ok: true, status: 'done', attempts, callback: false };
    case 'no_answer':
    case 'busy':
      return { ok: true, status: attempts >= task.maxAttempts ? 'unreachable' : 'open', attempts, callback: false };
    case 'invalid_number':
      return { ok: true, status: 'unreachable', attempts, callback: false };
    case 'call_back':
      if (!facts.callbackAt || facts.callbackAt.getTime() <= facts.now.getTime()) return { ok: false, code: 'follow_up.callback_in_past', status: 422 };
      return { ok: true, status: 'rescheduled', attempts, callback: true };
    case 'refused':
      return { ok: true, status: 'refused', attempts, callback: false };
  }
}

/** The record form answered in full: satisfaction given, opinions written, the issues question answered (an issue described). */
export function isRecordComplete(r: { satisfaction: number | null; opinions: string | null; hasIssue: boolean; issuesFound: string | null }): boolean {
  const filled = (s: string | null) => s !== null && s.trim().length > 0;
  return r.satisfaction !== null && r.satisfaction >= 1 && r.satisfaction <= 5 && filled(r.opinions) && (!r.hasIssue || filled(r.issuesFound));
}

/** A share, or null when there is nothing to divide by (a KPI with no tasks is "no data", not 0%). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}
