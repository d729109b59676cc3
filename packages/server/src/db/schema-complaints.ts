import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintState, Satisfaction } from '@kefu/shared';

/** Table types of migration 005-complaints.sql (complaint cases and in-app notifications). */
type Json = ColumnType<unknown, string, string>;
/** numeric comes back as a string from both engines */
type Numeric = ColumnType<string, number | string, number | string>;

export interface ComplaintCountersTable {
  day: string;
  last_no: number;
}

export interface ComplaintsTable {
  id: Generated<string>;
  number: string;
  state: Generated<ComplaintState>;
  received_at: Date;
  channel: ComplaintChannel;
  complainant_name: string;
  complainant_phone: string | null;
  customer_id: string | null;
  content: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  major: Generated<boolean>;
  department_id: string | null;
  receiver_id: string | null;
  assignee_id: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
  verified_at: Date | null;
  verified_by: string | null;
  investigator_id: string | null;
  findings: string | null;
  proposed_at: Date | null;
  proposed_by: string | null;
  proposal: string | null;
  responsible_id: string | null;
  compensation_fen: Generated<number>;
  needs_approval: Generated<boolean>;
  approved_at: Date | null;
  approved_by: string | null;
  approval_note: string | null;
  handled_at: Date | null;
  handled_by: string | null;
  handler_id: string | null;
  result: string | null;
  feedback_at: Date | null;
  feedback_by: string | null;
  satisfaction_result: Satisfaction | null;
  satisfaction_speed: Satisfaction | null;
  suggestion: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
  reopen_count: Generated<number>;
  response_hours: Numeric;
  resolve_days: number;
  response_due_at: Date;
  resolve_due_at: Date;
  responded_at: Date | null;
  resolved_at: Date | null;
  current_due_at: Date | null;
  watch_at: Date | null;
  alerted: Generated<string[]>;
  paused_since: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ComplaintStepsTable {
  id: Generated<number>;
  complaint_id: string;
  action: string;
  from_state: ComplaintState | null;
  to_state: ComplaintState | null;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  data: Json;
}

export interface ComplaintPausesTable {
  id: Generated<string>;
  complaint_id: string;
  from_at: Date;
  to_at: Date | null;
  reason: string;
  resume_note: string | null;
  paused_by: string | null;
  resumed_by: string | null;
}

export interface ComplaintTransfersTable {
  id: Generated<string>;
  complaint_id: string;
  department_id: string;
  request: string;
  due_at: Date;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  reminders_sent: Generated<number>;
  last_reminded_on: string | null;
}

export interface ComplaintPromisesTable {
  id: Generated<string>;
  complaint_id: string;
  what: string;
  due_at: Date;
  owner_id: string | null;
  source: Generated<'manual' | 'callback'>;
  created_at: Date;
  created_by: string | null;
  kept_at: Date | null;
  kept_by: string | null;
  overdue_at: Date | null;
}

export interface ComplaintBreachesTable {
  id: Generated<string>;
  complaint_id: string;
  kind: 'response' | 'resolve';
  due_at: Date;
  recorded_at: Date;
  met_at: Date | null;
}

export interface ComplaintFollowUpsTable {
  id: Generated<string>;
  complaint_id: string;
  kind: 'after_close' | 'one_month';
  days: number;
  due_date: string;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
  note: string | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  params: Json;
  link: string | null;
  dedupe_key: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface ComplaintsTables {
  complaint_counters: ComplaintCountersTable;
  complaints: ComplaintsTable;
  complaint_steps: ComplaintStepsTable;
  complaint_pauses: ComplaintPausesTable;
  complaint_transfers: ComplaintTransfersTable;
  complaint_promises: ComplaintPromisesTable;
  complaint_breaches: ComplaintBreachesTable;
  complaint_follow_ups: ComplaintFollowUpsTable;
  notifications: NotificationsTable;
}

export type ComplaintRow = Selectable<ComplaintsTable>;
export type ComplaintTransferRow = Selectable<ComplaintTransfersTable>;
export type ComplaintPromiseRow = Selectable<ComplaintPromisesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
