import type { RequestActor } from '../../lib/context';

/**
 * Who sees and works a follow-up task. Agents (follow_up:work) see only the tasks assigned to them;
 * supervisors (follow_up:supervise) see every task. Not seen is 404, as not found. Only the assignee
 * presses the outcome buttons and fills the record form: a reassigned task refuses the previous
 * assignee (404, it is no longer theirs) — a supervisor sees it but works it only when it is theirs.
 */
export function supervises(actor: RequestActor): boolean {
  return actor.permissions.has('follow_up:supervise');
}

export function canSeeTask(actor: RequestActor, task: { assignee_id: string | null }): boolean {
  return supervises(actor) || (task.assignee_id !== null && task.assignee_id === actor.id);
}

export function canWorkTask(actor: RequestActor, task: { assignee_id: string | null }): boolean {
  return actor.permissions.has('follow_up:work') && task.assignee_id === actor.id;
}

/** The number to dial: the customer's owner and the assignee of an open task see it; everyone else masked (decision 004). */
export function seesNumber(actor: RequestActor, task: { assignee_id: string | null; owner_id: string | null; status: string }): boolean {
  return task.owner_id === actor.id || (task.status === 'open' && task.assignee_id === actor.id);
}
