-- Member cards (会籍, SPEC §7, issue 6): card types as settings, cards, ONE append-only ledger for every
-- movement, adjustments that wait for a second person, and the idempotency keys of balance-moving requests
-- (docs/decisions/010-card-ledger.md).

CREATE TABLE card_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_-]{2,32}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  kind text NOT NULL CHECK (kind IN ('stored_value', 'lessons', 'points')),
  prefix text NOT NULL UNIQUE CHECK (prefix ~ '^[A-Z]{2,4}$'),
  course text, -- 课时卡: the course the lessons are for
  validity_days integer CHECK (validity_days BETWEEN 1 AND 3650),
  low_balance_threshold bigint NOT NULL DEFAULT 0 CHECK (low_balance_threshold >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- One counter per prefix for the number people read (HY-000123): an upsert per card issued.
CREATE TABLE card_counters (
  prefix text PRIMARY KEY,
  last_no integer NOT NULL CHECK (last_no >= 1)
);

CREATE TABLE cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  type_id uuid NOT NULL REFERENCES card_types(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen', 'closed')),
  -- a cache of the sum of the card's entries, written in the same transaction as each entry; the last
  -- guard of "never below zero" is this CHECK, the first is the conditional update of the service
  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  expires_at timestamptz,
  issued_at timestamptz NOT NULL,
  issued_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX cards_customer ON cards (customer_id);
CREATE INDEX cards_type_balance ON cards (type_id, balance) WHERE status = 'active';

CREATE TABLE card_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL UNIQUE, -- the order entries were written in
  card_id uuid NOT NULL REFERENCES cards(id),
  kind text NOT NULL CHECK (kind IN ('top_up', 'spend', 'booking_charge', 'no_show_deduction', 'refund', 'adjustment',
    'points_earned', 'points_redeemed', 'transfer_out', 'transfer_in', 'reversal')),
  amount bigint NOT NULL CHECK (amount <> 0), -- signed, in the card type's unit (fen, lessons, points)
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  -- a correction references what it corrects; each entry is reversed at most once
  reverses_id uuid UNIQUE REFERENCES card_entries(id),
  transfer_id uuid, -- the two halves of a transfer share it
  booking_id uuid, -- the booking charged (bookings area)
  note text,
  actor_id uuid REFERENCES users(id),
  actor_name text NOT NULL,
  at timestamptz NOT NULL,
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL))
);
CREATE INDEX card_entries_card ON card_entries (card_id, seq);

CREATE FUNCTION card_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'card_entries is append-only: correct with a reversal';
END $$;
CREATE TRIGGER card_entries_no_update BEFORE UPDATE OR DELETE ON card_entries
  FOR EACH ROW EXECUTE FUNCTION card_entries_append_only();
CREATE TRIGGER card_entries_no_truncate BEFORE TRUNCATE ON card_entries
  FOR EACH STATEMENT EXECUTE FUNCTION card_entries_append_only();

-- An adjustment waits for a second person; its entry is written only when approved.
CREATE TABLE card_adjustments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  card_id uuid NOT NULL REFERENCES cards(id),
  amount bigint NOT NULL CHECK (amount <> 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_by_name text,
  decided_at timestamptz,
  entry_id uuid REFERENCES card_entries(id),
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX card_adjustments_pending ON card_adjustments (requested_at) WHERE state = 'pending';

-- Idempotency keys of requests that move balances (lib/idempotency.ts): inserted first in the request's
-- transaction, so a second request with the same key waits on the unique key and then replays.
CREATE TABLE idempotency_keys (
  actor_id text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  route text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (actor_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
