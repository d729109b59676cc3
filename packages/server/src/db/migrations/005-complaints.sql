-- Complaint cases (客诉): SPEC §5, the record form of seed 003 附件二, the deadlines of 附件三 #4
-- ("客户投诉在2小时内响应,三个工作日解决"), transfers (seed 001 客诉专员 "跟进和督促"), promises
-- (seed 004 原则 1 "承诺必须兑现"), follow-ups after closing (seed 004 第五篇 三 "处理后有回访"),
-- and the generic in-app notifications that tell people about them.

-- A per-day counter for the number people read on the phone (KS20261009-0001): one upsert per
-- registration, so two instances registering at once get different numbers.
CREATE TABLE complaint_counters (
  day date PRIMARY KEY,
  last_no integer NOT NULL CHECK (last_no >= 1)
);

CREATE TABLE complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^KS[0-9]{8}-[0-9]{4,}$'),
  state text NOT NULL DEFAULT 'registered'
    CHECK (state IN ('registered', 'acknowledged', 'verified', 'proposed', 'approved', 'resolved', 'feedback', 'closed')),
  -- 附件二, top half: who complained, when, how, about what
  received_at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('hotline', 'on_site', 'email', 'chat', 'letter', 'other')),
  complainant_name text NOT NULL CHECK (length(complainant_name) BETWEEN 1 AND 50),
  complainant_phone text CHECK (complainant_phone ~ '^[0-9]{5,20}$'),
  customer_id uuid REFERENCES customers(id),
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
  category text NOT NULL
    CHECK (category IN ('product', 'service_attitude', 'environment', 'staff', 'booking_unavailable', 'billing_refund', 'logistics', 'other')),
  severity text NOT NULL CHECK (severity IN ('low', 'normal', 'high', 'urgent')),
  major boolean NOT NULL DEFAULT false,
  department_id uuid REFERENCES departments(id), -- the responsible department (责任部门)
  receiver_id uuid REFERENCES users(id), -- 受诉人
  assignee_id uuid REFERENCES users(id), -- the complaint officer handling it
  -- each step's latest record (every step, in full, is in complaint_steps)
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users(id),
  acknowledge_note text,
  verified_at timestamptz, -- 情况核实
  verified_by uuid REFERENCES users(id),
  investigator_id uuid REFERENCES users(id), -- 调查人
  findings text,
  proposed_at timestamptz, -- 处理意见
  proposed_by uuid REFERENCES users(id),
  proposal text,
  responsible_id uuid REFERENCES users(id), -- 负责人
  compensation_fen bigint NOT NULL DEFAULT 0 CHECK (compensation_fen >= 0),
  needs_approval boolean NOT NULL DEFAULT false, -- the current proposal is above the manager's threshold
  approved_at timestamptz, -- 批准人
  approved_by uuid REFERENCES users(id),
  approval_note text,
  handled_at timestamptz, -- 处理结果
  handled_by uuid REFERENCES users(id),
  handler_id uuid REFERENCES users(id), -- 处理人
  result text,
  feedback_at timestamptz, -- 客户反馈: 处理结果 / 处理速度 满意 基本满意 不满意, 客户建议
  feedback_by uuid REFERENCES users(id),
  satisfaction_result text CHECK (satisfaction_result IN ('satisfied', 'fair', 'unsatisfied')),
  satisfaction_speed text CHECK (satisfaction_speed IN ('satisfied', 'fair', 'unsatisfied')),
  suggestion text,
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  close_note text,
  reopen_count integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
  -- SLA (seed 003 附件三 #4), in working time of the business calendar. The limits are the case's own,
  -- fixed at registration (a later settings change does not move a running case's deadlines).
  response_hours numeric(6, 2) NOT NULL CHECK (response_hours > 0),
  resolve_days integer NOT NULL CHECK (resolve_days > 0),
  response_due_at timestamptz NOT NULL, -- extended by the pauses so far
  resolve_due_at timestamptz NOT NULL, -- extended by the pauses so far
  responded_at timestamptz, -- the first acknowledgement: the response clock stops
  resolved_at timestamptz, -- the first resolution: the resolution clock stops
  -- the deadline that applies now: response due until acknowledged, then resolution due, then the
  -- earliest open promise; null while paused (paused cases sort last in the queue)
  current_due_at timestamptz,
  -- when the watch (sweep) must look at this case next: the at-risk moment, then the deadline
  watch_at timestamptz,
  -- what the watch has already told people about: response_at_risk, response_breached, resolve_…
  alerted text[] NOT NULL DEFAULT '{}',
  paused_since timestamptz, -- 待客户回复: the SLA clocks stand still
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CONSTRAINT complaints_closed_at CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CONSTRAINT complaints_responded CHECK (state = 'registered' OR (responded_at IS NOT NULL AND acknowledged_at IS NOT NULL)),
  CONSTRAINT complaints_proposal CHECK (state NOT IN ('proposed', 'approved') OR proposal IS NOT NULL),
  CONSTRAINT complaints_approval CHECK (state <> 'approved' OR (approved_at IS NOT NULL AND needs_approval)),
  CONSTRAINT complaints_resolution CHECK (state NOT IN ('resolved', 'feedback', 'closed') OR (handled_at IS NOT NULL AND resolved_at IS NOT NULL)),
  CONSTRAINT complaints_feedback CHECK (state NOT IN ('feedback', 'closed') OR feedback_at IS NOT NULL),
  CONSTRAINT complaints_paused CHECK (paused_since IS NULL OR (current_due_at IS NULL AND state <> 'closed')),
  CONSTRAINT complaints_closed_quiet CHECK (state <> 'closed' OR (current_due_at IS NULL AND watch_at IS NULL))
);
-- The officer's queue, "time left" order: open cases by the deadline that applies now, paused last
-- (NULLS LAST is the btree's ascending default), with (current_due_at, id) keyset cursors.
CREATE INDEX complaints_queue_idx ON complaints (current_due_at, id) WHERE state <> 'closed';
CREATE INDEX complaints_received_idx ON complaints (received_at DESC, id DESC);
CREATE INDEX complaints_watch_idx ON complaints (watch_at) WHERE watch_at IS NOT NULL;
CREATE INDEX complaints_assignee_idx ON complaints (assignee_id, current_due_at, id) WHERE state <> 'closed';
CREATE INDEX complaints_receiver_idx ON complaints (receiver_id);
CREATE INDEX complaints_created_by_idx ON complaints (created_by);
CREATE INDEX complaints_customer_idx ON complaints (customer_id, received_at DESC);
CREATE INDEX complaints_approvals_idx ON complaints (proposed_at, id) WHERE state = 'proposed' AND needs_approval;
CREATE INDEX complaints_closed_idx ON complaints (closed_at DESC, id DESC) WHERE state = 'closed';

-- Every step of a case, who and when and its own fields: append-only, like the audit log.
CREATE TABLE complaint_steps (
  id bigserial PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  action text NOT NULL, -- register, acknowledge … reopen, pause, resume, assign, transfer, promise, at_risk, breach …
  from_state text CHECK (from_state IN ('registered', 'acknowledged', 'verified', 'proposed', 'approved', 'resolved', 'feedback', 'closed')),
  to_state text CHECK (to_state IN ('registered', 'acknowledged', 'verified', 'proposed', 'approved', 'resolved', 'feedback', 'closed')),
  at timestamptz NOT NULL,
  actor_id uuid, -- a user or an API key; null for the system (the watch)
  actor_name text,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX complaint_steps_complaint_idx ON complaint_steps (complaint_id, at, id);

CREATE FUNCTION complaint_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_steps is append-only';
END;
$$;
CREATE TRIGGER complaint_steps_no_update BEFORE UPDATE OR DELETE ON complaint_steps
  FOR EACH ROW EXECUTE FUNCTION complaint_steps_append_only();

-- 待客户回复: time waiting for the customer does not count against the deadlines.
CREATE TABLE complaint_pauses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  from_at timestamptz NOT NULL,
  to_at timestamptz,
  reason text NOT NULL,
  resume_note text,
  paused_by uuid,
  resumed_by uuid,
  CHECK (to_at IS NULL OR to_at >= from_at)
);
CREATE INDEX complaint_pauses_complaint_idx ON complaint_pauses (complaint_id, from_at);
-- at most one running pause per case
CREATE UNIQUE INDEX complaint_pauses_open_key ON complaint_pauses (complaint_id) WHERE to_at IS NULL;

-- Transfers to another department (转交相关部门), answered in the case; reminded daily once overdue.
CREATE TABLE complaint_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  request text NOT NULL,
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  created_by_name text,
  answer text,
  answered_at timestamptz,
  answered_by uuid REFERENCES users(id),
  reminders_sent integer NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
  last_reminded_on date, -- the department's day of the last reminder: at most one a day
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX complaint_transfers_complaint_idx ON complaint_transfers (complaint_id, created_at);
CREATE INDEX complaint_transfers_inbox_idx ON complaint_transfers (department_id, created_at DESC, id DESC);
CREATE INDEX complaint_transfers_open_idx ON complaint_transfers (due_at, id) WHERE answered_at IS NULL;

-- Promises to the complainant (seed 004 原则 1 承诺必须兑现): each with its deadline and owner.
CREATE TABLE complaint_promises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  what text NOT NULL,
  due_at timestamptz NOT NULL,
  owner_id uuid REFERENCES users(id),
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'callback')), -- callback: unsatisfied feedback
  created_at timestamptz NOT NULL,
  created_by uuid,
  kept_at timestamptz,
  kept_by uuid,
  overdue_at timestamptz -- when the watch flagged it overdue (and told the owner, once)
);
CREATE INDEX complaint_promises_complaint_idx ON complaint_promises (complaint_id, due_at);
CREATE INDEX complaint_promises_owner_idx ON complaint_promises (owner_id, due_at, id) WHERE kept_at IS NULL;
CREATE INDEX complaint_promises_open_idx ON complaint_promises (due_at, id) WHERE kept_at IS NULL;

-- A deadline missed: recorded when it passes unmet (the watch) or when it is met late (the step),
-- once per case and clock.
CREATE TABLE complaint_breaches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  kind text NOT NULL CHECK (kind IN ('response', 'resolve')),
  due_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  met_at timestamptz, -- when the late response or resolution came; null while still unmet
  UNIQUE (complaint_id, kind),
  CHECK (met_at IS NULL OR met_at > due_at)
);
CREATE INDEX complaint_breaches_recorded_idx ON complaint_breaches (recorded_at);

-- Follow-ups after closing (seed 004 第五篇 三 "处理后有回访"): right away and a month later. They live
-- on the case until the follow-up area exists.
CREATE TABLE complaint_follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  kind text NOT NULL CHECK (kind IN ('after_close', 'one_month')),
  days integer NOT NULL CHECK (days >= 0),
  due_date date NOT NULL,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES users(id),
  note text
);
CREATE INDEX complaint_follow_ups_complaint_idx ON complaint_follow_ups (complaint_id, due_date);
CREATE INDEX complaint_follow_ups_open_idx ON complaint_follow_ups (due_date) WHERE done_at IS NULL;

-- In-app notifications (generic): the text is rendered in the reader's language from kind + params.
-- dedupe_key makes "tell once" safe when several instances run the watch at the same time.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
