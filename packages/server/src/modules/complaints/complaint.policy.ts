import { allowedComplaintActions, type ComplaintAction, type Permission, type WorkflowFacts } from '@kefu/shared';
import type { RequestActor } from '../../lib/context';

/**
 * Who may see and do what with a complaint (SPEC §1, §5):
 * - scope: `complaint:read_all` sees every case; `complaint:read` the cases the reader received
 *   (受诉人), is assigned or registered; a department handler (`complaint:respond`) only the cases
 *   transferred to their department, in a reduced view (complainant's phone masked, no customer link,
 *   no actions: they answer through the transfer). Anything else is "not found" (404).
 * - actions: the workflow's allowed actions (shared/complaint-workflow.ts) that the reader's
 *   permissions cover: approve and reject need `complaint:approve` (and never on one's own proposal:
 *   four eyes on compensation), every other step and side action `complaint:handle`.
 */
export interface ComplaintScopeFacts {
  receiver_id: string | null;
  assignee_id: string | null;
  created_by: string | null;
  proposed_by: string | null;
}

export type View = 'full' | 'department';

function personal(actor: RequestActor, c: ComplaintScopeFacts): boolean {
  return c.receiver_id === actor.id || c.assignee_id === actor.id || c.created_by === actor.id;
}

/** How the reader sees the case, or null when it is outside their scope. */
export function viewOf(actor: RequestActor, c: ComplaintScopeFacts, transferredToMyDepartment: boolean): View | null {
  const p = actor.permissions;
  if (p.has('complaint:read_all')) return 'full';
  if (p.has('complaint:read') && personal(actor, c)) return 'full';
  if (p.has('complaint:respond') && transferredToMyDepartment) return 'department';
  return null;
}

/** Whether the department check (a query) can change the answer for this reader. */
export function mayNeedDepartment(actor: RequestActor, c: ComplaintScopeFacts): boolean {
  return viewOf(actor, c, false) === null && actor.permissions.has('complaint:respond') && actor.departmentId !== null;
}

/** The complainant's phone: those who work the case call back; a department handler sees it masked. */
export function seesPhone(view: View): boolean {
  return view === 'full';
}

export function permissionFor(action: ComplaintAction): Permission {
  return action === 'approve' || action === 'reject' ? 'complaint:approve' : 'complaint:handle';
}

export function mayTake(actor: RequestActor, action: ComplaintAction, c: ComplaintScopeFacts): boolean {
  if (!actor.permissions.has(permissionFor(action))) return false;
  if ((action === 'approve' || action === 'reject') && c.proposed_by === actor.id) return false;
  return true;
}

/** What this reader may do now: the UI offers only these. */
export function abilities(actor: RequestActor, c: ComplaintScopeFacts, facts: WorkflowFacts, view: View): ComplaintAction[] {
  if (view !== 'full') return [];
  return allowedComplaintActions(facts).filter((a) => mayTake(actor, a, c));
}

/** The SQL of the `complaint:read` scope (read_all needs none); department handlers use the transfer inbox. */
export function personalScope(actor: RequestActor): 'all' | 'personal' {
  return actor.permissions.has('complaint:read_all') ? 'all' : 'personal';
}
