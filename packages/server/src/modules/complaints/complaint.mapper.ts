import { maskPhone, type Complaint, type ComplaintAction, type ComplaintListItem, type ComplaintSla } from '@kefu/shared';
import type { ComplaintRowNamed } from './complaint.repo';
import type { SlaFacts } from './complaint.sla';
import { seesPhone, type View } from './complaint.policy';

/** The facts the SLA clocks need, from a row. */
export function slaFactsOf(row: ComplaintRowNamed): SlaFacts {
  return {
    receivedAt: row.received_at,
    responseHours: Number(row.response_hours),
    resolveDays: row.resolve_days,
    responseDueAt: row.response_due_at,
    resolveDueAt: row.resolve_due_at,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    pausedSince: row.paused_since,
    closed: row.state === 'closed',
    alerted: row.alerted,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/**
 * The only way a case leaves the server: the phone masked unless this reader works the case, the
 * department handler's reduced view without the customer link, the reader's actions attached.
 */
export function toComplaint(row: ComplaintRowNamed, view: View, sla: ComplaintSla, actions: ComplaintAction[]): Complaint {
  const phoneVisible = seesPhone(view);
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    receivedAt: row.received_at.toISOString(),
    channel: row.channel,
    complainantName: row.complainant_name,
    complainantPhone: row.complainant_phone && !phoneVisible ? maskPhone(row.complainant_phone) : row.complainant_phone,
    phoneMasked: Boolean(row.complainant_phone) && !phoneVisible,
    customer: view === 'full' ? person(row.customer_id, row.customer_name) : null,
    content: row.content,
    category: row.category,
    severity: row.severity,
    major: row.major,
    department: person(row.department_id, row.department_name),
    receiver: person(row.receiver_id, row.receiver_name),
    assignee: person(row.assignee_id, row.assignee_name),
    acknowledgement: row.acknowledged_at
      ? { at: row.acknowledged_at.toISOString(), by: person(row.acknowledged_by, row.acknowledged_by_name), note: row.acknowledge_note }
      : null,
    verification: row.verified_at
      ? { at: row.verified_at.toISOString(), investigator: person(row.investigator_id, row.investigator_name), findings: row.findings ?? '' }
      : null,
    proposal: row.proposed_at
      ? {
          at: row.proposed_at.toISOString(),
          by: person(row.proposed_by, row.proposed_by_name),
          proposal: row.proposal ?? '',
          responsible: person(row.responsible_id, row.responsible_name),
          compensationFen: Number(row.compensation_fen),
          needsApproval: row.needs_approval,
        }
      : null,
    approval: row.approved_at ? { at: row.approved_at.toISOString(), approver: person(row.approved_by, row.approved_by_name), note: row.approval_note } : null,
    resolution: row.handled_at ? { at: row.handled_at.toISOString(), handler: person(row.handler_id, row.handler_name), result: row.result ?? '' } : null,
    feedback:
      row.feedback_at && row.satisfaction_result && row.satisfaction_speed
        ? {
            at: row.feedback_at.toISOString(),
            by: person(row.feedback_by, row.feedback_by_name),
            satisfactionResult: row.satisfaction_result,
            satisfactionSpeed: row.satisfaction_speed,
            suggestion: row.suggestion,
          }
        : null,
    closedAt: iso(row.closed_at),
    reopenCount: row.reopen_count,
    sla,
    openTransfers: row.open_transfers,
    openPromises: row.open_promises,
    actions,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toListItem(row: ComplaintRowNamed, sla: ComplaintSla): ComplaintListItem {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    receivedAt: row.received_at.toISOString(),
    channel: row.channel,
    complainantName: row.complainant_name,
    customer: person(row.customer_id, row.customer_name),
    category: row.category,
    severity: row.severity,
    major: row.major,
    department: person(row.department_id, row.department_name),
    assignee: person(row.assignee_id, row.assignee_name),
    sla,
    openTransfers: row.open_transfers,
    openPromises: row.open_promises,
  };
}
