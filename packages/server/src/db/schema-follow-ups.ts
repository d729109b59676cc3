import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 011-follow-ups.sql (follow-up tasks, attempts, records, rules, campaigns). */
type Int8 = number; // bigint: db/client.ts parses int8 to numbers on both engines
type Json<T> = ColumnType<T, string, string>; // written as JSON.stringify(...), as everywhere else

export type FollowUpStatus = 'open' | 'done' | 'unreachable' | 'refused' | 'rescheduled' | 'cancelled';
export type FollowUpOutcome = 'reached' | 'no_answer' | 'busy' | 'invalid_number' | 'call_back' | 'refused';

export interface FollowUpCampaignsTable {
  id: Generated<string>;
  name: string;
  purpose: string | null;
  target_success_rate: ColumnType<string | null, number | string | null, number | string | null>;
  starts_on: ColumnType<string | null, string | null, string | null>;
  ends_on: ColumnType<string | null, string | null, string | null>;
  active: Generated<boolean>;
  summary: string | null;
  summary_updated_by: string | null;
  summary_updated_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface FollowUpRulesTable {
  code: string;
  enabled: Generated<boolean>;
  params: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  last_run_at: Date | null;
  last_run_created: number | null;
  version: Generated<number>;
}

export interface FollowUpTasksTable {
  id: Generated<string>;
  customer_id: string;
  rule: string | null;
  campaign_id: string | null;
  reason: string;
  reason_params: Json<Record<string, unknown>>;
  dedupe_key: string;
  ref_type: string | null;
  ref_id: string | null;
  due_at: Date;
  priority: Generated<number>;
  assignee_id: string | null;
  script_code: string | null;
  status: Generated<FollowUpStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_attempt_at: Date | null;
  parent_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  version: Generated<number>;
}

export interface FollowUpAttemptsTable {
  id: Generated<Int8>;
  task_id: string;
  at: Date;
  agent_id: string | null;
  outcome: FollowUpOutcome;
  callback_at: Date | null;
  note: string | null;
}

export interface FollowUpRecordsTable {
  task_id: string;
  satisfaction: number | null;
  opinions: string | null;
  issues_found: string | null;
  has_issue: Generated<boolean>;
  invited: boolean | null;
  complete: Generated<boolean>;
  complaint_id: string | null;
  transfer_department: string | null;
  /** issue -> complaint started (migration 019): the complaint's received_at, to find it again after a failed link */
  issue_claimed_at: Date | null;
  issue_claimed_by: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  checked_by: string | null;
  checked_at: Date | null;
  check_ok: boolean | null;
  check_note: string | null;
  version: Generated<number>;
}

export interface FollowUpsTables {
  follow_up_campaigns: FollowUpCampaignsTable;
  follow_up_rules: FollowUpRulesTable;
  follow_up_tasks: FollowUpTasksTable;
  follow_up_attempts: FollowUpAttemptsTable;
  follow_up_records: FollowUpRecordsTable;
}
