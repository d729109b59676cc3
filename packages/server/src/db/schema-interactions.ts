import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables of migration 013: the PBX's calls and the interactions on the customer's timeline. */
export interface TelephonyCallsTable {
  id: Generated<string>;
  call_id: string;
  direction: 'inbound' | 'outbound';
  state: 'dialing' | 'ringing' | 'answered' | 'ended';
  caller: Generated<string>;
  called: Generated<string>;
  phone: string | null;
  extension: string | null;
  agent_id: string | null;
  customer_id: string | null;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  duration_seconds: number | null;
  recording_ref: string | null;
  created_at: Generated<Date>;
}

export interface InteractionsTable {
  id: Generated<string>;
  customer_id: string | null;
  channel: 'phone' | 'visit' | 'chat' | 'email';
  direction: 'inbound' | 'outbound';
  agent_id: string | null;
  started_at: Timestamp;
  duration_seconds: Generated<number>;
  summary: Generated<string>;
  outcome: Generated<'pending' | 'resolved' | 'inquiry' | 'booking' | 'complaint' | 'callback' | 'no_answer' | 'other'>;
  recording_ref: string | null;
  phone: string | null;
  call_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface InteractionsTables {
  telephony_calls: TelephonyCallsTable;
  interactions: InteractionsTable;
}
