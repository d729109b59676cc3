import type { Db } from '../../db/client';

export const selectActivities = (db: Db) => db.selectFrom('member_activities').selectAll();
export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

/** Invitations with the customer's name and owner (the row scope of the archive). */
export function selectInvitations(db: Db) {
  return db
    .selectFrom('activity_invitations as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select(['c.name as customer_name', 'c.owner_id']);
}
export type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;

/** What the summaries count, for a set of activities. */
export async function factsOf(db: Db, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db.selectFrom('activity_invitations').select(['activity_id', 'status', 'checked_in_at', 'rating']).where('activity_id', 'in', activityIds).execute();
}
