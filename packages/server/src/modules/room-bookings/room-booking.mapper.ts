import type { RoomBooking, RoomExtra } from '@kefu/shared';
import type { Db } from '../../db/client';
import { holdsOf, roomNames, versionsOf, type FormRow } from './room-booking.repo';

const DAY = 86_400_000;
export const nightsBetween = (arrival: string, departure: string) =>
  Math.round((Date.parse(`${departure}T00:00:00Z`) - Date.parse(`${arrival}T00:00:00Z`)) / DAY);

/** One version of the form, with the rooms' names, the nights it holds and the versions of its chain. */
export async function presentForm(db: Db, f: FormRow): Promise<RoomBooking> {
  const [holds, versions, names] = await Promise.all([holdsOf(db, f.id), versionsOf(db, f), roomNames(db, f.room_ids)]);
  return {
    id: f.id,
    number: f.number,
    revision: f.revision,
    kind: f.kind,
    originalId: f.original_id,
    previousId: f.previous_id,
    current: f.is_current,
    customerId: f.customer_id,
    customerName: f.customer_name,
    guestIdentity: f.guest_identity,
    guestName: f.guest_name,
    contact: f.contact,
    company: f.company,
    arrival: f.arrival,
    departure: f.departure,
    nights: nightsBetween(f.arrival, f.departure),
    roomType: f.room_type,
    persons: f.persons,
    rooms: f.rooms,
    roomIds: f.room_ids,
    roomNames: f.room_ids.map((id) => names.get(id) ?? ''),
    priceFen: f.price_fen,
    discountPercent: f.discount_percent,
    rateFen: f.rate_fen,
    extras: f.extras as RoomExtra[],
    extrasNote: f.extras_note,
    paymentMethod: f.payment_method,
    channel: f.channel,
    remarks: f.remarks,
    bookedOn: f.booked_on,
    receivedBy: f.received_by,
    enteredBy: f.entered_by_name,
    confirmedBy: f.confirmed_by,
    createdAt: f.created_at.toISOString(),
    holds: holds.map((h) => ({ bookingId: h.booking_id, bookingNumber: h.number, resourceId: h.resource_id, resourceName: h.resource_name, status: h.status })),
    versions: versions.map((v) => ({
      id: v.id,
      revision: v.revision,
      kind: v.kind,
      enteredBy: v.entered_by_name,
      confirmedBy: v.confirmed_by,
      createdAt: v.created_at.toISOString(),
    })),
  };
}
