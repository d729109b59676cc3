-- Resources and bookings (预约): SPEC §6, seed 003 接受预约, seed 004 约课排课 / 取消课 / 临时取消课的流程.
-- No resource is ever booked beyond its capacity, and the database says so, not the application
-- (docs/decisions/011-booking-capacity.md): a one-place resource by an exclusion constraint on the
-- bookings, a resource with more places by a counted slot row whose CHECK refuses taken > capacity.

CREATE TABLE resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
  kind text NOT NULL CHECK (kind IN ('teacher', 'coach', 'room', 'court', 'tee_time', 'named_room')),
  -- fixed at creation: it decides which of the two guards holds the resource's bookings
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  -- seven days (0 = Sunday) of [{from, to}] in the department's zone
  opening_hours jsonb NOT NULL,
  notes text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- Maintenance periods (seed 003 "草皮保养"): no booking inside one.
CREATE TABLE resource_closures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id uuid NOT NULL REFERENCES resources(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  reason text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resource_closures_resource ON resource_closures (resource_id, starts_at);

-- A per-day counter for the number read on the phone (YY20261009-0001).
CREATE TABLE booking_counters (
  day date PRIMARY KEY,
  last_no integer NOT NULL CHECK (last_no >= 1)
);

-- A class of 12 (capacity > 1): one row per scheduled slot. Every booking adds its places with a
-- conditional upsert in its own transaction; the CHECK is the last word under any concurrency.
-- Slots of one resource never overlap (a slot nobody holds any more does not count).
CREATE TABLE booking_slots (
  resource_id uuid NOT NULL REFERENCES resources(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  capacity integer NOT NULL,
  taken integer NOT NULL DEFAULT 0,
  PRIMARY KEY (resource_id, starts_at),
  CONSTRAINT booking_slots_within_capacity CHECK (taken >= 0 AND taken <= capacity),
  CONSTRAINT booking_slots_no_overlap EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (taken > 0)
);

CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^YY[0-9]{8}-[0-9]{4,}$'),
  customer_id uuid NOT NULL REFERENCES customers(id),
  resource_id uuid NOT NULL REFERENCES resources(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  places integer NOT NULL DEFAULT 1 CHECK (places >= 1),
  -- the resource has one place: the exclusion constraint below is its guard
  exclusive boolean NOT NULL,
  -- a shared resource's booking names its slot, so it can only exist inside a counted one
  slot_starts_at timestamptz,
  channel text NOT NULL CHECK (channel IN ('phone', 'front_desk', 'self_service')),
  notes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
  taken_by_id uuid,
  taken_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancel_reason text NOT NULL DEFAULT '',
  -- cancelled by an approved exception (illness): the credit comes back, nothing is charged
  charge_waived boolean NOT NULL DEFAULT false,
  marked_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (exclusive = (slot_starts_at IS NULL)),
  CHECK (NOT exclusive OR places = 1),
  FOREIGN KEY (resource_id, slot_starts_at) REFERENCES booking_slots (resource_id, starts_at),
  CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status = 'booked' AND exclusive)
);
CREATE INDEX bookings_resource_time ON bookings (resource_id, starts_at);
CREATE INDEX bookings_customer_time ON bookings (customer_id, starts_at DESC);

-- Seed 004 临时取消课的流程: inside the frozen window only the manager, shown the proof, lets it go.
CREATE TABLE booking_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings(id),
  reason text NOT NULL CHECK (reason IN ('illness', 'other')),
  proof_note text NOT NULL,
  attachment_ref text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by_id uuid,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by_name text,
  decided_at timestamptz,
  decision_note text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX booking_exceptions_one_pending ON booking_exceptions (booking_id) WHERE status = 'pending';
CREATE INDEX booking_exceptions_booking ON booking_exceptions (booking_id);
