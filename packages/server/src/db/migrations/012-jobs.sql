-- The job scheduler (issue 5): jobs that survive restarts and run once across several instances, on
-- plain SQL that works the same on PGlite and PostgreSQL (decision 013). A job is claimed by one
-- conditional UPDATE (due, and its lease free or expired); a crashed run is retried once its lease ends.
CREATE TABLE jobs (
  name text PRIMARY KEY CHECK (name ~ '^[a-z0-9_.-]{2,60}$'),
  -- {"everyMinutes": 15} or {"dailyAt": "02:30"} (in the department's time zone)
  schedule jsonb NOT NULL,
  next_run_at timestamptz NOT NULL,
  lease_owner text, -- the instance running it now
  lease_until timestamptz, -- after this, another instance may take it over (the runner died)
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_ok boolean,
  last_result jsonb,
  last_error text,
  run_count integer NOT NULL DEFAULT 0,
  fail_count integer NOT NULL DEFAULT 0,
  CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);

CREATE TABLE job_runs (
  id bigserial PRIMARY KEY,
  job text NOT NULL REFERENCES jobs(name),
  instance text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  ok boolean,
  result jsonb,
  error text
);
CREATE INDEX job_runs_job ON job_runs (job, started_at DESC, id DESC);

-- The follow-up rules that make sense from the first day are on; the others wait for the manager.
INSERT INTO follow_up_rules (code, enabled) VALUES
  ('absentee', true),
  ('booking_confirm', true),
  ('complaint_follow_up', true),
  ('card_renewal', true),
  ('first_contact', true),
  ('monthly_coverage', false),
  ('important_weekly', false),
  ('after_service', false),
  ('birthday', false),
  ('holiday', false),
  ('lost_recall', false),
  ('lost_deal_sample', false),
  ('no_visit', false)
ON CONFLICT (code) DO NOTHING;

-- The rules look up recent assignments and lifecycle changes by kind and time (first contact, lost recall)
CREATE INDEX timeline_events_rule_kinds ON timeline_events (kind, at) WHERE kind IN ('customer.assigned', 'customer.lifecycle');
-- the bookings of the next days still to confirm, and the desk's spends of a day (after-service calls)
CREATE INDEX bookings_booked_starts ON bookings (starts_at) WHERE status = 'booked';
CREATE INDEX card_entries_spend_at ON card_entries (at) WHERE kind = 'spend';
