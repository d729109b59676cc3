import type { BookingChannel, BookingSettings, BookingStatus, OpeningHours } from './booking';
import { minutesOf } from './calendar/config';
import { weekdayOf, zonedDate, zonedInstant } from './calendar/zoned';
import { addDays } from './dates';

/**
 * The booking rules, pure (SPEC §6, seed 004). Time is passed in; the server gives its clock.
 */
const HOUR = 3_600_000;

/** Hours ahead of the start a change or cancellation must come: seed 004 "电话取消最好是提前一天 … APP 上自助取消也需要提前12小时". */
export function hoursAheadFor(settings: BookingSettings, via: BookingChannel): number {
  // the front desk takes a cancellation the way the phone does: a person does it for the customer
  return via === 'self_service' ? settings.selfServiceHoursAhead : settings.phoneHoursAhead;
}

/** The last moment the booking can still be changed or cancelled through `via`. */
export function changeDeadline(settings: BookingSettings, via: BookingChannel, startsAt: Date): Date {
  return new Date(startsAt.getTime() - hoursAheadFor(settings, via) * HOUR);
}

/** Inside the window the booking is frozen (seed 004 "12小时以内的课程的确已经没有权限去取消了"): only an approved exception cancels it. */
export function isFrozen(settings: BookingSettings, via: BookingChannel, startsAt: Date, now: Date): boolean {
  return now.getTime() > changeDeadline(settings, via, startsAt).getTime();
}

/** The booking's steps: one table, every route asks it. */
export const BOOKING_ACTIONS = ['cancel', 'move', 'attend', 'no_show', 'request_exception', 'decide_exception'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
const FROM: Record<BookingStatus, readonly BookingAction[]> = {
  booked: ['cancel', 'move', 'attend', 'no_show', 'request_exception', 'decide_exception'],
  cancelled: [],
  attended: [],
  // a no-show for illness can still be excused afterwards (seed 004: the proof may come after the lesson)
  no_show: ['request_exception', 'decide_exception'],
};
export function allowedBookingActions(status: BookingStatus): readonly BookingAction[] {
  return FROM[status];
}

/** Attendance is known only once the booking has begun. */
export function canMarkAttendance(startsAt: Date, now: Date): boolean {
  return now.getTime() >= startsAt.getTime();
}

/** A resource with one place is guarded by an exclusion constraint; more places by a counted slot (decision 011). */
export const isExclusive = (capacity: number) => capacity === 1;

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}
export const overlaps = (a: Interval, b: Interval) => a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** The booking lies inside one opening window of its day, in the department's zone. */
export function withinOpeningHours(hours: OpeningHours, r: Interval, timeZone: string): boolean {
  const date = zonedDate(r.startsAt, timeZone);
  return (hours[weekdayOf(date)] ?? []).some((w) => {
    const from = zonedInstant(date, minutesOf(w.from), timeZone);
    const to = zonedInstant(date, minutesOf(w.to), timeZone);
    return r.startsAt.getTime() >= from && r.endsAt.getTime() <= to;
  });
}

export interface Busy extends Interval {
  places: number;
}
export interface SuggestInput {
  wanted: Interval;
  places: number;
  capacity: number;
  hours: OpeningHours;
  closures: Interval[];
  /** bookings in the search horizon (live ones) */
  busy: Busy[];
  timeZone: string;
  now: Date;
  days?: number;
  limit?: number;
}

/** Monday to Friday before noon: seed 004 引导合理排课 "主动引导学员周一到周五上午上课". */
export function isWeekdayMorning(at: Date, timeZone: string): boolean {
  const date = zonedDate(at, timeZone);
  const wd = weekdayOf(date);
  return wd >= 1 && wd <= 5 && at.getTime() < zonedInstant(date, 12 * 60, timeZone);
}

/**
 * Other times of the same length on the same resource with room for the party, in the next days:
 * weekday mornings first, then the emptiest, then the nearest to what was asked.
 */
export function suggestQuieterSlots(input: SuggestInput): { startsAt: Date; endsAt: Date; free: number }[] {
  const { wanted, places, capacity, hours, closures, busy, timeZone, now } = input;
  const length = wanted.endsAt.getTime() - wanted.startsAt.getTime();
  const first = zonedDate(new Date(Math.max(now.getTime(), wanted.startsAt.getTime() - 7 * 24 * HOUR)), timeZone);
  const found: { startsAt: Date; endsAt: Date; free: number; morning: boolean; distance: number }[] = [];
  for (let d = 0; d < (input.days ?? 14); d++) {
    const date = addDays(first, d);
    for (const w of hours[weekdayOf(date)] ?? []) {
      const to = zonedInstant(date, minutesOf(w.to), timeZone);
      for (let s = zonedInstant(date, minutesOf(w.from), timeZone); s + length <= to; s += length) {
        const slot = { startsAt: new Date(s), endsAt: new Date(s + length) };
        if (s <= now.getTime() || s === wanted.startsAt.getTime()) continue;
        if (closures.some((c) => overlaps(c, slot))) continue;
        const taken = busy.filter((b) => overlaps(b, slot)).reduce((n, b) => n + b.places, 0);
        const free = capacity - taken;
        if (free < places) continue;
        found.push({ ...slot, free, morning: isWeekdayMorning(slot.startsAt, timeZone), distance: Math.abs(s - wanted.startsAt.getTime()) });
      }
    }
  }
  found.sort((a, b) => Number(b.morning) - Number(a.morning) || b.free - a.free || a.distance - b.distance);
  return found.slice(0, input.limit ?? 3).map(({ startsAt, endsAt, free }) => ({ startsAt, endsAt, free }));
}

/** The number read on the phone: YY20261009-0001 (day of taking the booking, in the department's zone). */
export function bookingNumber(day: string, n: number): string {
  return `YY${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
