-- Follow-up programmes (回访, SPEC §4, issue 5): tasks made by rules or by hand, the attempts on each,
-- the record form (回访记录表) that closes a reached task, and campaigns that group tasks for KPIs.
-- Every area that needs a call made (bookings' confirmation calls, absentees, low card balances,
-- complaint follow-ups) makes a task here; the agent's day is one list.

CREATE TABLE follow_up_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  purpose text, -- e.g. satisfaction visit, maintenance reminder (targets differ, seed 000)
  target_success_rate numeric(5, 4), -- 0.95 for satisfaction visits, 0.90 for maintenance reminders
  starts_on date,
  ends_on date,
  active boolean NOT NULL DEFAULT true,
  -- 回访总结报告: the supervisor's written summary beside the figures
  summary text,
  summary_updated_by uuid REFERENCES users(id),
  summary_updated_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- A rule is a setting the manager turns on and tunes; the scheduler runs the enabled ones.
CREATE TABLE follow_up_rules (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{2,40}$'),
  enabled boolean NOT NULL DEFAULT false,
  params jsonb NOT NULL DEFAULT '{}',
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_run_at timestamptz,
  last_run_created integer,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE follow_up_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers(id),
  -- the rule that made it (follow_up_rules.code), or NULL for a task made by hand or a callback
  rule text,
  campaign_id uuid REFERENCES follow_up_campaigns(id),
  -- what the agent reads: a message key of the shared catalog and its params (rendered in the reader's language)
  reason text NOT NULL,
  reason_params jsonb NOT NULL DEFAULT '{}',
  -- the rule's identity of this task: re-running a rule never makes a duplicate (ON CONFLICT DO NOTHING)
  -- e.g. 'monthly:2026-11:<customer id>', 'absentee:<booking id>', 'complaint:<follow-up id>'
  dedupe_key text NOT NULL,
  -- what it is about: 'complaint' | 'booking' | 'card' | 'customer' ... and its id
  ref_type text,
  ref_id text,
  due_at timestamptz NOT NULL,
  priority smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3), -- 1 high, 2 normal, 3 low
  assignee_id uuid REFERENCES users(id),
  script_code text, -- the script shown on the task screen (标准话术)
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'done', 'unreachable', 'refused', 'rescheduled', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 20),
  last_attempt_at timestamptz,
  -- a "call back later" makes a new task; it points to the one it continues
  parent_id uuid REFERENCES follow_up_tasks(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX follow_up_tasks_dedupe ON follow_up_tasks (dedupe_key);
CREATE INDEX follow_up_tasks_agent_day ON follow_up_tasks (assignee_id, due_at, priority, id) WHERE status = 'open';
CREATE INDEX follow_up_tasks_open_due ON follow_up_tasks (due_at, id) WHERE status = 'open';
CREATE INDEX follow_up_tasks_customer ON follow_up_tasks (customer_id, created_at DESC);
CREATE INDEX follow_up_tasks_rule_created ON follow_up_tasks (rule, created_at);
CREATE INDEX follow_up_tasks_campaign ON follow_up_tasks (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX follow_up_tasks_ref ON follow_up_tasks (ref_type, ref_id) WHERE ref_type IS NOT NULL;

-- One row per call attempt (outcome buttons of the task screen)
CREATE TABLE follow_up_attempts (
  id bigserial PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES follow_up_tasks(id),
  at timestamptz NOT NULL,
  agent_id uuid REFERENCES users(id),
  outcome text NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'busy', 'invalid_number', 'call_back', 'refused')),
  callback_at timestamptz, -- for call_back: when the new task is due
  note text
);
CREATE INDEX follow_up_attempts_task ON follow_up_attempts (task_id, at);
CREATE INDEX follow_up_attempts_agent_at ON follow_up_attempts (agent_id, at);

-- 回访记录表: complete (satisfaction + opinions + issues answered) before a reached task can close
CREATE TABLE follow_up_records (
  task_id uuid PRIMARY KEY REFERENCES follow_up_tasks(id),
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  opinions text,
  issues_found text,
  has_issue boolean NOT NULL DEFAULT false,
  invited boolean, -- maintenance / first-service reminders: did the customer accept the invitation (邀约)
  complete boolean NOT NULL DEFAULT false,
  complaint_id uuid REFERENCES complaints(id), -- an issue turned into a complaint
  transfer_department text, -- or forwarded to a department
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  -- the supervisor's spot check (抽查)
  checked_by uuid REFERENCES users(id),
  checked_at timestamptz,
  check_ok boolean,
  check_note text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_records_recorded ON follow_up_records (recorded_at);
