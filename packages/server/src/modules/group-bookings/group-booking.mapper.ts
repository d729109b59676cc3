import { GROUP_CHECKLIST_ITEMS, type GroupBooking, type GroupChecklistItem } from '@kefu/shared';
import type { Db } from '../../db/client';
import { checklistOf, eventsOf, holdsOf, rosterOf, type GroupRow } from './group-booking.repo';

/** A group booking with its holds, roster, the seed's checklist in its order, and its own timeline. */
export async function presentGroup(db: Db, g: GroupRow): Promise<GroupBooking> {
  const [holds, roster, checklist, events] = await Promise.all([holdsOf(db, g.id), rosterOf(db, g.id), checklistOf(db, g.id), eventsOf(db, g.id)]);
  const byItem = new Map(checklist.map((c) => [c.item as GroupChecklistItem, c]));
  return {
    id: g.id,
    number: g.number,
    name: g.name,
    organiserId: g.organiser_id,
    organiserName: g.organiser_name,
    contactName: g.contact_name,
    contactPhone: g.contact_phone,
    size: g.size,
    startsAt: g.starts_at.toISOString(),
    endsAt: g.ends_at.toISOString(),
    groupingMode: g.grouping_mode,
    notes: g.notes,
    status: g.status,
    leadWarning: g.lead_warning,
    leadOverrideBy: g.lead_override_by,
    cancelReason: g.cancel_reason,
    takenBy: g.taken_by_name,
    createdAt: g.created_at.toISOString(),
    holds: holds.map((h) => ({
      bookingId: h.booking_id,
      bookingNumber: h.number,
      resourceId: h.resource_id,
      resourceName: h.resource_name,
      places: h.places,
      status: h.status,
    })),
    roster: roster.map((m) => ({ name: m.name, phone: m.phone, handicap: m.handicap, team: m.team })),
    checklist: GROUP_CHECKLIST_ITEMS.map((item) => {
      const c = byItem.get(item);
      return {
        item,
        done: c?.done ?? false,
        note: c?.note ?? '',
        doneBy: c?.done_by_name ?? null,
        doneAt: c?.done_at?.toISOString() ?? null,
        version: c?.version ?? 1,
      };
    }),
    events: events.map((e) => ({ kind: e.kind, data: (e.data ?? {}) as Record<string, unknown>, actor: e.actor_name, at: e.at.toISOString() })),
    version: g.version,
  };
}
