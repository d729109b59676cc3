import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 016-booking-extras.sql (waiting list, refusals, the day's sheet, closure notices, feed tokens). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Channel = 'phone' | 'front_desk' | 'self_service';

export type WaitlistStatus = 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface BookingWaitlistTable {
  id: Generated<string>;
  queue_no: Generated<string>;
  customer_id: string;
  resource_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  places: number;
  channel: Channel;
  notes: Generated<string>;
  status: Generated<WaitlistStatus>;
  offer_booking_id: Optional<string>;
  offered_at: Optional<Date>;
  offer_expires_at: Optional<Date>;
  taken_by_id: string | null;
  taken_by_name: string;
  decided_by_name: Optional<string>;
  decided_at: Optional<Date>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** migration 018: the lessons card the offer holds a lesson on, and why an offer was made without it */
  card_id: Optional<string>;
  offer_card_refusal: ColumnType<WaitlistCardRefusal | null, string | null | undefined, string | null>;
}
export interface WaitlistCardRefusal {
  code: string;
  params: Record<string, string | number>;
}

export interface BookingRefusalsTable {
  id: Generated<string>;
  customer_id: string;
  resource_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  refused_at: Timestamp;
  taken_by_name: string;
}

export interface BookingRefusalRunsTable {
  customer_id: string;
  refused_in_row: number;
  last_refused_at: Optional<Date>;
  updated_at: Timestamp;
}

export interface BookingSheetConfirmationsTable {
  day: string;
  confirmed_at: Timestamp;
  confirmed_by_id: string | null;
  confirmed_by_name: string;
  fingerprint: string;
  booking_count: number;
  version: Generated<number>;
}

export interface BookingSheetSendsTable {
  id: Generated<string>;
  day: string;
  department: string;
  email: string;
  status: 'sent' | 'failed';
  error: Optional<string>;
  message_id: Optional<string>;
  sent_at: Timestamp;
  sent_by_name: string;
}

export interface ClosureAffectedBookingsTable {
  closure_id: string;
  booking_id: string;
  customer_id: string;
  email_status: 'sent' | 'failed' | 'no_email' | 'not_configured' | 'pending';
  notified_at: Optional<Date>;
  notified_by_name: Optional<string>;
  outcome: Generated<'pending' | 'moved' | 'cancelled'>;
  moved_to: Optional<Date>;
  resolved_at: Optional<Date>;
  resolved_by_name: Optional<string>;
}

export interface BookingFeedTokensTable {
  id: Generated<string>;
  token_hash: string;
  prefix: string;
  resource_id: string | null;
  customer_id: string | null;
  label: Generated<string>;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Timestamp;
  last_used_at: Optional<Date>;
  revoked_at: Optional<Date>;
}

export interface BookingExtrasTables {
  booking_waitlist: BookingWaitlistTable;
  booking_refusals: BookingRefusalsTable;
  booking_refusal_runs: BookingRefusalRunsTable;
  booking_sheet_confirmations: BookingSheetConfirmationsTable;
  booking_sheet_sends: BookingSheetSendsTable;
  closure_affected_bookings: ClosureAffectedBookingsTable;
  booking_feed_tokens: BookingFeedTokensTable;
}
