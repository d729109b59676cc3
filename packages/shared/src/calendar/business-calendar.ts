import { addDays } from '../dates';
import { adjustedWorkdayHours, minutesOf, type CalendarConfig, type WorkHours } from './config';
import { weekdayOf, zonedDate, zonedInstant } from './zoned';

/** A day that differs from the working week: a statutory holiday, or 调休 (a weekend day that is worked). */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Time the case waits for the customer (待客户回复); `to` null = still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface BusinessCalendar {
  readonly config: CalendarConfig;
  /** years whose holidays and adjusted workdays are known; in any other year only the week decides */
  readonly coveredYears: ReadonlySet<number>;
  readonly days: ReadonlyMap<string, CalendarDay>;
}

/** Working intervals of one local date, as [start, end) epoch ms. */
export type Segment = readonly [number, number];

export function createBusinessCalendar(config: CalendarConfig, days: CalendarDay[], coveredYears: Iterable<number>): BusinessCalendar {
  return Object.freeze({ config, coveredYears: new Set(coveredYears), days: new Map(days.map((d) => [d.date, d])) });
}

/** The hours of a date: a holiday has none, 调休 has a weekday's, any other day the week's. */
export function hoursOn(cal: BusinessCalendar, date: string): WorkHours | null {
  const special = cal.days.get(date);
  if (special?.kind === 'holiday') return null;
  if (special?.kind === 'workday') return adjustedWorkdayHours(cal.config);
  return cal.config.week[weekdayOf(date)] ?? null;
}

/** A date with working time (a day whose hours are empty, e.g. wrongly 18:00-09:00, has none). */
export function isWorkingDay(cal: BusinessCalendar, date: string): boolean {
  return segmentsOn(cal, date).length > 0;
}

// SLA lists compute many deadlines with one calendar: a date's segments need Intl calls, so they are
// kept per calendar object (a calendar is immutable; a new one is built when the manager changes it).
const segmentCache = new WeakMap<BusinessCalendar, Map<string, Segment[]>>();
const CACHE_DAYS = 4000;

/** The working intervals of a local date: the day's hours minus the lunch break. */
export function segmentsOn(cal: BusinessCalendar, date: string): Segment[] {
  let cache = segmentCache.get(cal);
  if (!cache) segmentCache.set(cal, (cache = new Map()));
  const hit = cache.get(date);
  if (hit) return hit;
  const segments = computeSegments(cal, date);
  if (cache.size >= CACHE_DAYS) cache.clear();
  cache.set(date, segments);
  return segments;
}

function computeSegments(cal: BusinessCalendar, date: string): Segment[] {
  const hours = hoursOn(cal, date);
  if (!hours) return [];
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (end <= start) return [];
  const pieces: [number, number][] = [];
  const lunch = cal.config.lunch;
  if (lunch && minutesOf(lunch.end) > start && minutesOf(lunch.start) < end) {
    // the break is clipped to the day's hours: a half day 09:00-12:00 keeps all its time
    pieces.push([start, Math.max(start, minutesOf(lunch.start))], [Math.min(end, minutesOf(lunch.end)), end]);
  } else {
    pieces.push([start, end]);
  }
  const zone = cal.config.timeZone;
  return pieces.filter(([a, b]) => b > a).map(([a, b]) => [zonedInstant(date, a, zone), zonedInstant(date, b, zone)] as const);
}

/** The instant the working day of `date` ends (its last segment's end); null on a day off. */
export function endOfWorkingDay(cal: BusinessCalendar, date: string): Date | null {
  const last = segmentsOn(cal, date).at(-1);
  return last ? new Date(last[1]) : null;
}

/** Years in [from, to] (in the calendar's zone) with no holiday data: reported, never taken as "no holidays". */
export function missingYears(cal: BusinessCalendar, from: Date, to: Date): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const first = Number(zonedDate(a, cal.config.timeZone).slice(0, 4));
  const last = Number(zonedDate(b, cal.config.timeZone).slice(0, 4));
  const missing: number[] = [];
  for (let y = first; y <= last; y += 1) if (!cal.coveredYears.has(y)) missing.push(y);
  return missing;
}

/** Local dates from `from` to `to` inclusive. */
export function* datesBetween(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}
