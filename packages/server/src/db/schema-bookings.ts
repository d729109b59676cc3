import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 008-bookings.sql (resources, closures, counted slots, bookings, exceptions). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface ResourcesTable {
  id: Generated<string>;
  name: string;
  kind: 'teacher' | 'coach' | 'room' | 'court' | 'tee_time' | 'named_room';
  capacity: number;
  opening_hours: Json;
  notes: Generated<string>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ResourceClosuresTable {
  id: Generated<string>;
  resource_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by_name: string;
  created_at: Generated<Date>;
  /** migration 016: made less than the notice days ahead, with the manager's confirmation */
  late: Generated<boolean>;
  confirmed_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BookingCountersTable {
  day: string;
  last_no: number;
}

export interface BookingSlotsTable {
  resource_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  taken: Generated<number>;
}

export interface BookingsTable {
  id: Generated<string>;
  number: string;
  customer_id: string;
  resource_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  places: Generated<number>;
  exclusive: boolean;
  slot_starts_at: Timestamp | null;
  channel: 'phone' | 'front_desk' | 'self_service';
  notes: Generated<string>;
  status: Generated<'booked' | 'cancelled' | 'attended' | 'no_show'>;
  taken_by_id: string | null;
  taken_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  cancelled_at: Timestamp | null;
  cancel_reason: Generated<string>;
  charge_waived: Generated<boolean>;
  marked_at: Timestamp | null;
  /** migration 017: the lessons card the booking is charged to (cards area) */
  card_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

export interface BookingExceptionsTable {
  id: Generated<string>;
  booking_id: string;
  reason: 'illness' | 'other';
  proof_note: string;
  attachment_ref: string | null;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by_id: string | null;
  requested_by_name: string;
  requested_at: Timestamp;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
}

export interface BookingsTables {
  resources: ResourcesTable;
  resource_closures: ResourceClosuresTable;
  booking_counters: BookingCountersTable;
  booking_slots: BookingSlotsTable;
  bookings: BookingsTable;
  booking_exceptions: BookingExceptionsTable;
}
