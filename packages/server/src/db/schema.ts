import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BookingExtrasTables } from './schema-booking-extras';
import type { BookingsTables } from './schema-bookings';
import type { CalendarTables } from './schema-calendar';
import type { CardsTables } from './schema-cards';
import type { CardExtrasTables } from './schema-card-extras';
import type { ComplaintReportsTables } from './schema-complaint-reports';
import type { ComplaintsTables } from './schema-complaints';
import type { InquiriesTables } from './schema-inquiries';
import type { FollowUpsTables } from './schema-follow-ups';
import type { JobsTables } from './schema-jobs';
import type { GroupRoomBookingsTables } from './schema-group-room-bookings';
import type { InteractionsTables } from './schema-interactions';

/**
 * Table types for Kysely, kept by hand beside the migrations (docs/decisions/001-kysely-typed-sql.md).
 * A migration that changes a table changes its interface here in the same commit.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface DepartmentsTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface RolesTable {
  name: string;
  label_zh: string;
  label_en: string;
  permissions: string[];
  builtin: Generated<boolean>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  department_id: string | null;
  agent_no: string | null;
  extension: Generated<string | null>;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  first_at: Timestamp;
  last_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  key_hash: string;
  permissions: string[];
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_kind: string;
  actor_name: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: Json;
  ip: string | null;
  request_id: string | null;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface CustomerCategoriesTable {
  kind: 'class' | 'tier';
  code: string;
  label_zh: string;
  label_en: string;
  description: string | null;
  sort: number;
  active: boolean;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  title: 'mr' | 'ms' | null;
  gender: 'male' | 'female' | 'unknown';
  mobile: string | null;
  other_phones: string[];
  wechat: string | null;
  email: string | null;
  id_number: string | null;
  birthday: string | null;
  birthday_lunar: boolean;
  birthday_lunar_leap: boolean;
  birthday_md: string | null;
  region: string | null;
  address: string | null;
  source: 'walk_in' | 'referral' | 'phone' | 'online' | 'event' | 'other' | null;
  company: string | null;
  owner_id: string | null;
  class_code: string | null;
  tier_code: string | null;
  tags: string[];
  notes: string | null;
  consent_marketing: boolean;
  consent_sensitive: boolean;
  lifecycle: Generated<'prospect' | 'active' | 'dormant' | 'lost' | 'closed'>;
  merged_into: string | null;
  last_contact_at: Date | null;
  name_pinyin: string;
  name_initials: string;
  search_keys: string[];
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CustomerHistoryTable {
  id: Generated<number>;
  customer_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string | null;
  field: string;
  old_value: Json | null;
  new_value: Json | null;
}

export interface TimelineEventsTable {
  id: Generated<number>;
  customer_id: string;
  at: Generated<Date>;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Json;
  ref_type: string | null;
  ref_id: string | null;
}

export interface CustomerExportsTable {
  id: Generated<string>;
  requested_by: string;
  requested_at: Generated<Date>;
  reason: string;
  filter: Json;
  status: Generated<'pending' | 'approved' | 'rejected' | 'downloaded'>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  downloaded_at: Date | null;
  row_count: number | null;
}

export interface CustomerImportsTable {
  id: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
  file_name: string;
  status: Generated<'uploaded' | 'running' | 'done' | 'failed'>;
  headers: Json;
  rows: Json;
  mapping: Json | null;
  mode: string | null;
  total: number;
  processed: Generated<number>;
  imported: Generated<number>;
  report: Json | null;
  finished_at: Date | null;
  claimed_at: Date | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface RoleDefaultGrantsTable {
  role: string;
  permission: string;
  granted_at: Generated<Date>;
}

export interface Database extends CardExtrasTables, ComplaintsTables, CalendarTables, ComplaintReportsTables, CardsTables, BookingsTables, FollowUpsTables, InteractionsTables, GroupRoomBookingsTables, BookingExtrasTables, JobsTables, InquiriesTables {
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  role_default_grants: RoleDefaultGrantsTable;
  customer_categories: CustomerCategoriesTable;
  customers: CustomersTable;
  customer_history: CustomerHistoryTable;
  timeline_events: TimelineEventsTable;
  customer_exports: CustomerExportsTable;
  customer_imports: CustomerImportsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type CustomerPatch = Updateable<CustomersTable>;
export type UserRow = Selectable<UsersTable>;
