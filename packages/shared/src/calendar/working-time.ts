import { addDays } from '../dates';
import { datesBetween, endOfWorkingDay, isWorkingDay, segmentsOn, type BusinessCalendar, type Pause } from './business-calendar';
import { zonedDate } from './zoned';

/**
 * Working-time arithmetic on a business calendar. The conventions (docs/business-calendar.md):
 * - "respond within N working hours" counts only working time: Friday 17:30 + 2 h with 09:00-18:00 is
 *   Monday 10:30; a case received at night or on a holiday starts counting the next working morning;
 *   the lunch break never counts. A deadline that uses up a day's last minute is that day's end
 *   (Friday 16:00 + 2 h = Friday 18:00, not Monday 09:00).
 * - "resolve within N working days" ends with the working day that is the Nth working day AFTER the
 *   day of receipt (received Monday 10:00, 3 days: Thursday 18:00). A receipt on a day off starts from
 *   that day too (Saturday -> Monday is day 1 -> Wednesday 18:00); a 调休 Saturday is simply a working
 *   day of receipt.
 * - Working time inside a pause (待客户回复) does not count. With pauses, N working days = the plain
 *   deadline pushed on by the working time the pauses took before it.
 * - An open pause (to = null) lasts until the end of the range: `to` for workingTimeBetween, and
 *   `opts.now` for the add* functions, whose deadline keeps moving while the case waits (without
 *   `now` they refuse an open pause, since the deadline would be nowhere).
 */
export interface AddOptions {
  /** closes open pauses: the deadline as it stands at this moment */
  now?: Date;
}

/** A calendar with no working time at all would loop for ever; ten years without one is an error. */
const MAX_DAYS = 3660;

type Span = readonly [number, number];

/** Pauses as sorted, merged [from, to) spans; an open one ends at `openEnd`. */
function stopsOf(pauses: readonly Pause[], openEnd: number | null): Span[] {
  const spans: [number, number][] = [];
  for (const p of pauses) {
    const to = p.to ? p.to.getTime() : openEnd;
    if (to === null) throw new RangeError('an open pause (to = null) needs opts.now: while the case waits, its deadline moves');
    if (to > p.from.getTime()) spans.push([p.from.getTime(), to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** [a, b) minus the stops, in order. */
function minusStops(a: number, b: number, stops: Span[]): Span[] {
  const out: Span[] = [];
  let cursor = a;
  for (const [s, e] of stops) {
    if (e <= cursor) continue;
    if (s >= b) break;
    if (s > cursor) out.push([cursor, s]);
    cursor = Math.max(cursor, e);
    if (cursor >= b) return out;
  }
  if (cursor < b) out.push([cursor, b]);
  return out;
}

/** The moment `ms` of working time (outside pauses) have passed after `from`. */
export function addWorkingTime(cal: BusinessCalendar, from: Date, ms: number, pauses: readonly Pause[] = [], opts: AddOptions = {}): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`working time must be a finite, non-negative number of ms: ${ms}`);
  const stops = stopsOf(pauses, opts.now?.getTime() ?? null);
  if (ms === 0) return new Date(from.getTime());
  const start = from.getTime();
  let left = ms;
  let date = zonedDate(from, cal.config.timeZone);
  for (let i = 0; i < MAX_DAYS; i += 1, date = addDays(date, 1)) {
    for (const [a, b] of segmentsOn(cal, date)) {
      if (b <= start) continue;
      for (const [s, e] of minusStops(Math.max(a, start), b, stops)) {
        if (e - s >= left) return new Date(s + left);
        left -= e - s;
      }
    }
  }
  throw new RangeError('the business calendar has no working time for ten years: check the working week');
}

export function addWorkingHours(cal: BusinessCalendar, from: Date, hours: number, pauses: readonly Pause[] = [], opts: AddOptions = {}): Date {
  return addWorkingTime(cal, from, Math.round(hours * 3_600_000), pauses, opts);
}

/** The end of the Nth working day after the day of receipt (N = 0: the end of the working day the case is in, or the next one). */
export function addWorkingDays(cal: BusinessCalendar, from: Date, days: number, pauses: readonly Pause[] = [], opts: AddOptions = {}): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a non-negative integer: ${days}`);
  const receipt = zonedDate(from, cal.config.timeZone);
  const receiptEnd = endOfWorkingDay(cal, receipt);
  const day = days === 0 && receiptEnd && receiptEnd > from ? receipt : nthWorkingDayAfter(cal, receipt, Math.max(days, 1));
  const plain = endOfWorkingDay(cal, day) as Date;
  if (pauses.length === 0) return plain;
  // pauses push the plain deadline on by the working time they took before it
  return addWorkingTime(cal, from, workingTimeBetween(cal, from, plain), pauses, opts);
}

function nthWorkingDayAfter(cal: BusinessCalendar, date: string, n: number): string {
  let day = date;
  for (let i = 0, counted = 0; i < MAX_DAYS; i += 1) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day) && (counted += 1) === n) return day;
  }
  throw new RangeError('the business calendar has no working day for ten years: check the working week');
}

/** Working ms between two moments, pauses excluded; negative when `to` is before `from`. */
export function workingTimeBetween(cal: BusinessCalendar, from: Date, to: Date, pauses: readonly Pause[] = []): number {
  if (to < from) return 0 - workingTimeBetween(cal, to, from, pauses);
  const [f, t] = [from.getTime(), to.getTime()];
  const stops = stopsOf(pauses, t);
  const zone = cal.config.timeZone;
  let total = 0;
  for (const date of datesBetween(zonedDate(from, zone), zonedDate(to, zone))) {
    for (const [a, b] of segmentsOn(cal, date)) {
      if (b <= f || a >= t) continue;
      for (const [s, e] of minusStops(Math.max(a, f), Math.min(b, t), stops)) total += e - s;
    }
  }
  return total;
}
