import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 010-cards.sql (member cards and their ledger). */
type Int8 = number; // bigint: db/client.ts parses int8 to numbers on both engines

export interface CardTypesTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'stored_value' | 'lessons' | 'points';
  prefix: string;
  course: string | null;
  validity_days: number | null;
  low_balance_threshold: Int8;
  active: boolean;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface CardsTable {
  id: Generated<string>;
  number: string;
  type_id: string;
  customer_id: string;
  status: Generated<'active' | 'frozen' | 'closed'>;
  balance: ColumnType<number, number | undefined, number>;
  /** migration 017: lessons promised to live bookings (card_holds), never above the balance */
  held: ColumnType<number, number | undefined, number>;
  expires_at: Date | null;
  issued_at: Date;
  issued_by: string | null;
  version: Generated<number>;
}

export interface CardEntriesTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  card_id: string;
  kind: string;
  amount: Int8;
  balance_after: Int8;
  reverses_id: string | null;
  transfer_id: string | null;
  booking_id: string | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface CardAdjustmentsTable {
  id: Generated<string>;
  card_id: string;
  amount: Int8;
  reason: string;
  state: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  entry_id: string | null;
}

export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  route: string;
  request_hash: string;
  status: number | null;
  body: ColumnType<unknown, string | null, string | null>;
  created_at: Date;
}

export interface CardsTables {
  card_types: CardTypesTable;
  card_counters: { prefix: string; last_no: number };
  cards: CardsTable;
  card_entries: CardEntriesTable;
  card_adjustments: CardAdjustmentsTable;
  idempotency_keys: IdempotencyKeysTable;
}
