import type { Booking, Resource } from '@kefu/shared/booking';
import { minutesOf } from '@kefu/shared/calendar/config';
import { weekdayOf, zonedInstant } from '@kefu/shared/calendar/zoned';

/** The schedule shows a resource's day in slots of one hour from the start of each opening window. */
export const SLOT_MINUTES = 60;

export interface DaySlot {
  /** 'HH:MM' on the department's clock */
  label: string;
  startsAt: string;
  endsAt: string;
  taken: number;
  free: number;
  closedReason: string | null;
  past: boolean;
  bookings: Booking[];
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/**
 * The day's slots with the places taken: a cancelled booking frees its places, an attended or no-show one
 * held them. A maintenance closure overlapping a slot closes it.
 */
export function daySlots(resource: Resource, date: string, timeZone: string, bookings: Booking[], now: Date): DaySlot[] {
  const slots: DaySlot[] = [];
  for (const w of resource.openingHours[weekdayOf(date)] ?? []) {
    const end = minutesOf(w.to);
    for (let m = minutesOf(w.from); m + SLOT_MINUTES <= end; m += SLOT_MINUTES) {
      const startsAt = new Date(zonedInstant(date, m, timeZone)).toISOString();
      const endsAt = new Date(zonedInstant(date, m + SLOT_MINUTES, timeZone)).toISOString();
      const slot = { startsAt, endsAt };
      const here = bookings.filter((b) => b.status !== 'cancelled' && overlaps(b, slot));
      const taken = here.reduce((n, b) => n + b.places, 0);
      const closure = resource.closures.find((c) => overlaps(c, slot));
      slots.push({
        label: hhmm(m),
        startsAt,
        endsAt,
        taken,
        free: Math.max(0, resource.capacity - taken),
        closedReason: closure ? closure.reason : null,
        past: Date.parse(startsAt) <= now.getTime(),
        bookings: bookings.filter((b) => overlaps(b, slot)),
      });
    }
  }
  return slots;
}

/** A time on the department's clock, 'MM-DD HH:MM' (the date shown when it is not the schedule's day). */
export function clockText(iso: string, timeZone: string, withDate = true): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  return withDate ? `${get('month')}-${get('day')} ${time}` : time;
}
