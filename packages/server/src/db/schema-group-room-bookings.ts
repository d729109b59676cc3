import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 015-group-and-room-bookings.sql (团体预约, 冠名房预订表). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
/** a `date` column: read as 'YYYY-MM-DD' (the pg type parser of db/client keeps dates as text) */
type DateText = ColumnType<string, string, string>;

export interface GroupRoomCountersTable {
  prefix: 'TD' | 'GM';
  day: DateText;
  last_no: number;
}

export interface GroupBookingsTable {
  id: Generated<string>;
  number: string;
  name: string;
  organiser_id: string;
  contact_name: string;
  contact_phone: string;
  size: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  grouping_mode: Generated<'self' | 'venue'>;
  notes: Generated<string>;
  status: Generated<'booked' | 'cancelled' | 'done'>;
  lead_warning: string | null;
  lead_override_by: string | null;
  cancel_reason: Generated<string>;
  taken_by_id: string | null;
  taken_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface GroupBookingHoldsTable {
  group_booking_id: string;
  booking_id: string;
  resource_id: string;
  places: number;
}

export interface GroupBookingMembersTable {
  id: Generated<string>;
  group_booking_id: string;
  position: number;
  name: string;
  phone: Generated<string>;
  handicap: number | null;
  team: number | null;
}

export interface GroupBookingChecklistTable {
  group_booking_id: string;
  item: string;
  done: Generated<boolean>;
  note: Generated<string>;
  done_by_name: string | null;
  done_at: Timestamp | null;
  version: Generated<number>;
}

export interface GroupBookingEventsTable {
  id: Generated<number>;
  group_booking_id: string;
  kind: string;
  data: Json;
  actor_name: string;
  at: Timestamp;
}

export interface RoomBookingsTable {
  id: Generated<string>;
  number: string;
  revision: number;
  kind: 'new' | 'change' | 'cancel';
  original_id: string | null;
  previous_id: string | null;
  is_current: Generated<boolean>;
  customer_id: string;
  guest_identity: 'named_box' | 'named_box_client' | 'founding_member' | 'stored_value_member' | 'visitor';
  guest_name: string;
  contact: string;
  company: Generated<string>;
  arrival: DateText;
  departure: DateText;
  room_type: string;
  persons: number;
  rooms: number;
  price_fen: number;
  discount_percent: number;
  rate_fen: number;
  extras: string[];
  extras_note: Generated<string>;
  payment_method: 'cash' | 'stored_value' | 'credit_card' | 'on_account' | 'other';
  channel: 'phone' | 'fax' | 'in_person';
  remarks: Generated<string>;
  booked_on: DateText;
  received_by: string;
  entered_by_id: string | null;
  entered_by_name: string;
  confirmed_by: Generated<string>;
  room_ids: string[];
  created_at: Timestamp;
}

export interface RoomBookingHoldsTable {
  room_booking_id: string;
  booking_id: string;
  resource_id: string;
}

export interface GroupRoomBookingsTables {
  group_room_counters: GroupRoomCountersTable;
  group_bookings: GroupBookingsTable;
  group_booking_holds: GroupBookingHoldsTable;
  group_booking_members: GroupBookingMembersTable;
  group_booking_checklist: GroupBookingChecklistTable;
  group_booking_events: GroupBookingEventsTable;
  room_bookings: RoomBookingsTable;
  room_booking_holds: RoomBookingHoldsTable;
}
