-- Bookings' extras (issue 6; seed 003 接受预约 / 会籍管理员, seed 004 约课排课 / 引导合理排课):
-- the waiting list, refused requests (the "refused twice" flag), the day's booking sheet and its
-- sends, closure notices, and the secret tokens of calendar feeds (docs/decisions/017-booking-extras.md).

-- 候补: a customer waiting for a full time. An offer is a real booking held for the customer (so the
-- exclusion constraint and the counted slots hold it like any other) until staff accept it, or it is
-- declined or expires and the place passes to the next in line.
CREATE TABLE booking_waitlist (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order of the line: the position is counted on it (two entries of the same second keep their order)
  queue_no bigserial NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  resource_id uuid NOT NULL REFERENCES resources(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  places integer NOT NULL DEFAULT 1 CHECK (places >= 1),
  channel text NOT NULL CHECK (channel IN ('phone', 'front_desk', 'self_service')),
  notes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  offer_booking_id uuid REFERENCES bookings(id),
  offered_at timestamptz,
  offer_expires_at timestamptz,
  taken_by_id uuid,
  taken_by_name text NOT NULL,
  decided_by_name text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL),
  CHECK (status NOT IN ('offered', 'accepted') OR offer_booking_id IS NOT NULL)
);
-- one live entry per customer and time
CREATE UNIQUE INDEX booking_waitlist_one_live ON booking_waitlist (customer_id, resource_id, starts_at) WHERE status IN ('waiting', 'offered');
CREATE INDEX booking_waitlist_queue ON booking_waitlist (resource_id, starts_at, queue_no) WHERE status = 'waiting';
CREATE INDEX booking_waitlist_offers ON booking_waitlist (offer_expires_at) WHERE status = 'offered';

-- Requests refused because the time was full (booking.slot_full), and each customer's run of them
-- since their last successful booking: two in a row flag the customer (seed 004 引导合理排课).
CREATE TABLE booking_refusals (
  id bigserial PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  resource_id uuid NOT NULL REFERENCES resources(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  refused_at timestamptz NOT NULL,
  taken_by_name text NOT NULL
);
CREATE INDEX booking_refusals_customer ON booking_refusals (customer_id, refused_at DESC);
CREATE TABLE booking_refusal_runs (
  customer_id uuid PRIMARY KEY REFERENCES customers(id),
  refused_in_row integer NOT NULL CHECK (refused_in_row >= 0),
  last_refused_at timestamptz,
  updated_at timestamptz NOT NULL
);

-- 预订单: the next day's sheet, confirmed before the deadline; the fingerprint of the day's bookings at
-- confirmation tells "changed since confirmed".
CREATE TABLE booking_sheet_confirmations (
  day date PRIMARY KEY,
  confirmed_at timestamptz NOT NULL,
  confirmed_by_id uuid,
  confirmed_by_name text NOT NULL,
  fingerprint text NOT NULL,
  booking_count integer NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE booking_sheet_sends (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  day date NOT NULL,
  department text NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'failed')),
  error text,
  message_id text,
  sent_at timestamptz NOT NULL,
  sent_by_name text NOT NULL
);
CREATE INDEX booking_sheet_sends_day ON booking_sheet_sends (day, sent_at DESC);

-- Closures (维护停用): made less than the notice days ahead only with the manager's confirmation (late);
-- each booking inside one is listed, its customer told, and it is moved or cancelled without charge.
ALTER TABLE resource_closures ADD COLUMN late boolean NOT NULL DEFAULT false;
ALTER TABLE resource_closures ADD COLUMN confirmed_by_name text;
CREATE TABLE closure_affected_bookings (
  closure_id uuid NOT NULL REFERENCES resource_closures(id),
  booking_id uuid NOT NULL REFERENCES bookings(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  -- the notice: by email where the customer has one ('sent' / 'failed' / 'no_email' / 'not_configured'),
  -- and ticked by the agent who phoned
  email_status text NOT NULL CHECK (email_status IN ('sent', 'failed', 'no_email', 'not_configured', 'pending')),
  notified_at timestamptz,
  notified_by_name text,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'moved', 'cancelled')),
  moved_to timestamptz,
  resolved_at timestamptz,
  resolved_by_name text,
  PRIMARY KEY (closure_id, booking_id)
);
CREATE INDEX closure_affected_booking ON closure_affected_bookings (booking_id);

-- Calendar apps cannot send cookies: a feed is read by a secret token in its URL, stored hashed as
-- API keys are, revocable.
CREATE TABLE booking_feed_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  resource_id uuid REFERENCES resources(id),
  customer_id uuid REFERENCES customers(id),
  label text NOT NULL DEFAULT '',
  created_by_id uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  CHECK ((resource_id IS NULL) <> (customer_id IS NULL))
);
