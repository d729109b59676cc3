-- Member cards extras (SPEC §6-§7, issue 6; seed 004 约课排课 / 旷课 / 转介绍, seed 003 会籍管理员 (5)(6)):
-- bookings charged to a lessons card, referrals with their reward, member activities
-- (docs/decisions/018-card-bookings-referrals-activities.md).

-- A booking names the card it will be charged to (a lessons card of its customer).
-- deferred: the booking row is written before its card is locked (cards/card.bookings.ts), and an immediate
-- check would take a KEY SHARE lock on the card first, so two bookings of one card would deadlock on it
ALTER TABLE bookings ADD COLUMN card_id uuid REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX bookings_card ON bookings (card_id) WHERE card_id IS NOT NULL;

-- Lessons promised to live bookings: a cache of the card's open holds, written in the same transaction as
-- each hold. The CHECK is the database's last word that two bookings never promise the same last lesson,
-- and that no spend takes a lesson a booking is holding.
ALTER TABLE cards ADD COLUMN held bigint NOT NULL DEFAULT 0;
ALTER TABLE cards ADD CONSTRAINT cards_held_within_balance CHECK (held >= 0 AND held <= balance);

-- One hold per booking: taken when the booking is made, then charged (attended: booking_charge; no-show:
-- no_show_deduction) or released (cancelled, excused) exactly once.
CREATE TABLE card_holds (
  booking_id uuid PRIMARY KEY REFERENCES bookings(id),
  card_id uuid NOT NULL REFERENCES cards(id),
  amount bigint NOT NULL CHECK (amount > 0),
  state text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'charged', 'released')),
  entry_id uuid UNIQUE REFERENCES card_entries(id),
  created_at timestamptz NOT NULL,
  settled_at timestamptz,
  CHECK ((state = 'charged') = (entry_id IS NOT NULL))
);
CREATE INDEX card_holds_card ON card_holds (card_id) WHERE state = 'held';

-- Never charged twice for one booking, whatever the code does: one charge or deduction per booking.
CREATE UNIQUE INDEX card_entries_one_charge_per_booking ON card_entries (booking_id)
  WHERE kind IN ('booking_charge', 'no_show_deduction');

-- 转介绍 (seed 004): who brought whom; pending until the new customer buys or attends, then rewarded once.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referrer_id uuid NOT NULL REFERENCES customers(id),
  -- a customer is brought by one person
  referred_id uuid NOT NULL UNIQUE REFERENCES customers(id),
  referred_on date NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'qualified', 'rewarded')),
  qualified_at timestamptz,
  qualified_by text, -- 'top_up' | 'attended'
  reward_card_id uuid REFERENCES cards(id),
  reward_amount bigint CHECK (reward_amount IS NULL OR reward_amount > 0),
  reward_entry_id uuid UNIQUE REFERENCES card_entries(id),
  rewarded_at timestamptz,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (referrer_id <> referred_id),
  CHECK ((status = 'rewarded') = (reward_entry_id IS NOT NULL))
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);
CREATE INDEX referrals_created ON referrals (created_at DESC, id);

-- 会员活动 (seed 003 会籍管理员 (5)(6)): the event, whom it invites, who came, what they said.
CREATE TABLE member_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- accepted invitations (a cache written with each answer): never more than the places
  accepted integer NOT NULL DEFAULT 0,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT member_activities_within_capacity CHECK (accepted >= 0 AND accepted <= capacity)
);
CREATE INDEX member_activities_starts ON member_activities (starts_at DESC);

CREATE TABLE activity_invitations (
  activity_id uuid NOT NULL REFERENCES member_activities(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined')),
  invited_at timestamptz NOT NULL,
  invited_by_name text NOT NULL,
  responded_at timestamptz,
  checked_in_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  opinion text CHECK (length(opinion) <= 1000),
  opinion_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (activity_id, customer_id),
  -- only who came is asked for an opinion; who came had accepted
  CHECK (checked_in_at IS NULL OR status = 'accepted'),
  CHECK (opinion_at IS NULL OR checked_in_at IS NOT NULL)
);
CREATE INDEX activity_invitations_customer ON activity_invitations (customer_id);
