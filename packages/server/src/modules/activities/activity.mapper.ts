import { activitySummary, type Activity, type Invitation } from '@kefu/shared';
import type { ActivityRow, InvitationRow } from './activity.repo';

type Fact = { activity_id: string; status: 'invited' | 'accepted' | 'declined'; checked_in_at: Date | null; rating: number | null };

export function toActivity(r: ActivityRow, facts: Fact[]): Activity {
  const mine = facts.filter((f) => f.activity_id === r.id).map((f) => ({ status: f.status, checkedInAt: f.checked_in_at, rating: f.rating }));
  return {
    id: r.id,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: r.place,
    capacity: r.capacity,
    description: r.description,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    summary: activitySummary(mine),
  };
}

export function toInvitation(r: InvitationRow): Invitation {
  return {
    activityId: r.activity_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    invitedAt: r.invited_at.toISOString(),
    invitedByName: r.invited_by_name,
    respondedAt: r.responded_at?.toISOString() ?? null,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    rating: r.rating,
    opinion: r.opinion,
    opinionAt: r.opinion_at?.toISOString() ?? null,
    version: r.version,
  };
}
