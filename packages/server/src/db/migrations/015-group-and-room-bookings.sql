-- Group bookings (团体预约) and named-room bookings (冠名房预约): seed 003 接受团体预约的工作流程,
-- 接受冠名房预约的工作流程, 附件一 冠名房预订表 (docs/decisions/016-group-and-room-bookings.md).
-- Neither holds places of its own: each resource a group takes and each named room's stay is a row of
-- `bookings` (migration 008), so the exclusion constraint and the counted slots guard them as they
-- guard every booking; the tables here only say which bookings belong to which group or form.

-- A per-day counter per prefix for the numbers read on the phone (TD20261009-0001, GM20261009-0001).
CREATE TABLE group_room_counters (
  prefix text NOT NULL CHECK (prefix IN ('TD', 'GM')),
  day date NOT NULL,
  last_no integer NOT NULL CHECK (last_no >= 1),
  PRIMARY KEY (prefix, day)
);

CREATE TABLE group_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^TD[0-9]{8}-[0-9]{4,}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  organiser_id uuid NOT NULL REFERENCES customers(id),
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  size integer NOT NULL CHECK (size BETWEEN 2 AND 500),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  -- seed 003 "是自己分组还是球场分组"
  grouping_mode text NOT NULL DEFAULT 'venue' CHECK (grouping_mode IN ('self', 'venue')),
  notes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'done')),
  -- booked earlier or later than the 1-2 weeks of the seed: who let it through, and what was said
  lead_warning text,
  lead_override_by text,
  cancel_reason text NOT NULL DEFAULT '',
  taken_by_id uuid,
  taken_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX group_bookings_starts ON group_bookings (starts_at DESC);
CREATE INDEX group_bookings_organiser ON group_bookings (organiser_id);

-- The places a group holds: one booking per resource.
CREATE TABLE group_booking_holds (
  group_booking_id uuid NOT NULL REFERENCES group_bookings(id),
  booking_id uuid NOT NULL UNIQUE REFERENCES bookings(id),
  resource_id uuid NOT NULL REFERENCES resources(id),
  places integer NOT NULL CHECK (places >= 1),
  PRIMARY KEY (group_booking_id, resource_id)
);

-- 团体名单及差点, and who plays with whom (team).
CREATE TABLE group_booking_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_booking_id uuid NOT NULL REFERENCES group_bookings(id),
  position integer NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  phone text NOT NULL DEFAULT '',
  handicap integer CHECK (handicap BETWEEN -10 AND 54),
  team integer CHECK (team BETWEEN 1 AND 200),
  UNIQUE (group_booking_id, position)
);

-- One row per item of the seed's checklist, ticked or open, each with its own version.
CREATE TABLE group_booking_checklist (
  group_booking_id uuid NOT NULL REFERENCES group_bookings(id),
  item text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  note text NOT NULL DEFAULT '',
  done_by_name text,
  done_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (group_booking_id, item)
);

-- The group's own timeline (created, roster, checklist, cancelled).
CREATE TABLE group_booking_events (
  -- in the order they happened, also within one instant of a fixed clock
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_booking_id uuid NOT NULL REFERENCES group_bookings(id),
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  actor_name text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX group_booking_events_group ON group_booking_events (group_booking_id, at);

-- 附件一 冠名房预订表: every version of a form is a row; a change or a cancellation is a new row that
-- names the original (the first version) and the one it replaces. Only the chain's latest is current.
CREATE TABLE room_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL CHECK (number ~ '^GM[0-9]{8}-[0-9]{4,}$'),
  revision integer NOT NULL CHECK (revision >= 1),
  kind text NOT NULL CHECK (kind IN ('new', 'change', 'cancel')),
  original_id uuid REFERENCES room_bookings(id),
  previous_id uuid UNIQUE REFERENCES room_bookings(id),
  is_current boolean NOT NULL DEFAULT true,
  customer_id uuid NOT NULL REFERENCES customers(id),
  guest_identity text NOT NULL CHECK (guest_identity IN ('named_box', 'named_box_client', 'founding_member', 'stored_value_member', 'visitor')),
  guest_name text NOT NULL,
  contact text NOT NULL,
  company text NOT NULL DEFAULT '',
  arrival date NOT NULL,
  departure date NOT NULL CHECK (departure > arrival),
  room_type text NOT NULL,
  persons integer NOT NULL CHECK (persons >= 1),
  rooms integer NOT NULL CHECK (rooms >= 1),
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  discount_percent integer NOT NULL CHECK (discount_percent BETWEEN 1 AND 100),
  rate_fen integer NOT NULL CHECK (rate_fen >= 0 AND rate_fen <= price_fen),
  extras text[] NOT NULL DEFAULT '{}',
  extras_note text NOT NULL DEFAULT '',
  payment_method text NOT NULL CHECK (payment_method IN ('cash', 'stored_value', 'credit_card', 'on_account', 'other')),
  channel text NOT NULL CHECK (channel IN ('phone', 'fax', 'in_person')),
  remarks text NOT NULL DEFAULT '',
  booked_on date NOT NULL,
  received_by text NOT NULL,
  entered_by_id uuid,
  entered_by_name text NOT NULL,
  confirmed_by text NOT NULL DEFAULT '',
  room_ids uuid[] NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((kind = 'new') = (original_id IS NULL)),
  CHECK ((kind = 'new') = (previous_id IS NULL)),
  CHECK (kind = 'cancel' OR cardinality(room_ids) = rooms)
);
-- one current version per chain (the original's id, or its own for a new form)
CREATE UNIQUE INDEX room_bookings_one_current ON room_bookings ((coalesce(original_id, id))) WHERE is_current;
CREATE UNIQUE INDEX room_bookings_number_revision ON room_bookings (number, revision);
CREATE INDEX room_bookings_arrival ON room_bookings (arrival DESC) WHERE is_current;

-- The nights a version holds: one booking per room, arrival 14:00 to departure 12:00 in the department's zone.
CREATE TABLE room_booking_holds (
  room_booking_id uuid NOT NULL REFERENCES room_bookings(id),
  booking_id uuid NOT NULL UNIQUE REFERENCES bookings(id),
  resource_id uuid NOT NULL REFERENCES resources(id),
  PRIMARY KEY (room_booking_id, resource_id)
);
