-- The waiting list carries the lessons card the booking will be charged to (issue 6, seed 004 约课排课;
-- docs/decisions/018-card-bookings-referrals-activities.md, "Waiting list and group bookings").
-- The card is checked when the customer joins (as a booking's would be) and the lesson is held only when
-- a freed place is offered, in the offer's transaction. If the card can no longer hold it then (no lessons
-- left, frozen, expired), the offer is still made, without the card, and the entry records why.
ALTER TABLE booking_waitlist ADD COLUMN card_id uuid REFERENCES cards(id);
-- the refusal of the card at offer time: {"code": "card.insufficient_lessons", "params": {...}}; null when
-- the offer holds the lesson or the entry names no card
ALTER TABLE booking_waitlist ADD COLUMN offer_card_refusal jsonb;
CREATE INDEX booking_waitlist_card ON booking_waitlist (card_id) WHERE card_id IS NOT NULL;
