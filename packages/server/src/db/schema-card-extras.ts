import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 017-card-extras.sql: card holds of bookings, referrals, member activities. */
type Int8 = number; // bigint: db/client.ts parses int8 to numbers on both engines

export interface CardHoldsTable {
  booking_id: string;
  card_id: string;
  amount: Int8;
  state: Generated<'held' | 'charged' | 'released'>;
  entry_id: string | null;
  created_at: Date;
  settled_at: Date | null;
}

export interface ReferralsTable {
  id: Generated<string>;
  referrer_id: string;
  referred_id: string;
  referred_on: ColumnType<string, string, string>;
  note: Generated<string>;
  status: Generated<'pending' | 'qualified' | 'rewarded'>;
  qualified_at: Date | null;
  qualified_by: string | null;
  reward_card_id: string | null;
  reward_amount: Int8 | null;
  reward_entry_id: string | null;
  rewarded_at: Date | null;
  created_by_name: string;
  created_at: Date;
  version: Generated<number>;
}

export interface MemberActivitiesTable {
  id: Generated<string>;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  capacity: number;
  description: Generated<string>;
  accepted: Generated<number>;
  created_by_name: string;
  created_at: Date;
  version: Generated<number>;
}

export interface ActivityInvitationsTable {
  activity_id: string;
  customer_id: string;
  status: Generated<'invited' | 'accepted' | 'declined'>;
  invited_at: Date;
  invited_by_name: string;
  responded_at: Date | null;
  checked_in_at: Date | null;
  rating: number | null;
  opinion: string | null;
  opinion_at: Date | null;
  version: Generated<number>;
}

export interface CardExtrasTables {
  card_holds: CardHoldsTable;
  referrals: ReferralsTable;
  member_activities: MemberActivitiesTable;
  activity_invitations: ActivityInvitationsTable;
}
