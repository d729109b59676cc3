import { z } from 'zod';
import { HHMM, minutesOf } from './config';
import { isValidTimeZone } from './zoned';

/** Request and answer shapes of /api/v1/calendar/…, used by the server and the 工作日历 page alike. */

function isRealDate(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === value;
}

export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'calendar.v.date' })
  .refine(isRealDate, { message: 'calendar.v.date' });

const timeOfDay = z.string().regex(HHMM, { message: 'calendar.v.time' });
// object checks run even when a field failed: they compare only well-formed times
const wellFormed = (...times: string[]) => times.every((t) => HHMM.test(t));

export const workHoursSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((h) => !wellFormed(h.start, h.end) || minutesOf(h.end) > minutesOf(h.start), { message: 'calendar.v.range', path: ['end'] });

export const calendarConfigSchema = z
  .object({
    timeZone: z.string().min(1, { message: 'v.time_zone' }).refine(isValidTimeZone, { message: 'v.time_zone' }),
    week: z.array(workHoursSchema.nullable()).length(7, { message: 'calendar.v.week' }),
    lunch: workHoursSchema.nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.week.every((h) => h === null)) ctx.addIssue({ code: 'custom', path: ['week'], message: 'calendar.v.no_working_day' });
    const { lunch } = c;
    // a lunch break no working day contains is a typo (22:00-23:00), not a rule
    const working = c.week.filter((h): h is { start: string; end: string } => h !== null && wellFormed(h.start, h.end));
    if (
      lunch &&
      wellFormed(lunch.start, lunch.end) &&
      !working.some((h) => minutesOf(h.start) <= minutesOf(lunch.start) && minutesOf(lunch.end) <= minutesOf(h.end))
    ) {
      ctx.addIssue({ code: 'custom', path: ['lunch', 'start'], message: 'calendar.v.lunch_outside' });
    }
    // a working day that is all lunch break has no working time: no deadline could ever fall on it
    if (lunch && wellFormed(lunch.start, lunch.end)) {
      c.week.forEach((h, day) => {
        if (h && wellFormed(h.start, h.end) && minutesOf(lunch.start) <= minutesOf(h.start) && minutesOf(h.end) <= minutesOf(lunch.end)) {
          ctx.addIssue({ code: 'custom', path: ['week', day, 'end'], message: 'calendar.v.all_lunch' });
        }
      });
    }
  });

/** What the manager sets on one day; `normal` cancels a shipped holiday or 调休 of that date. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'normal'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

const dayFields = z.object({
  date: calendarDateSchema,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().max(20, { message: 'calendar.v.day_name' }).default(''),
});
/** POST /calendar/days: sets one day (the date is in the body, so a bad one is a field error, not a 404). */
export const calendarDayBody = dayFields.refine((d) => d.kind === 'normal' || d.name.length > 0, { message: 'calendar.v.day_name', path: ['name'] });
export type CalendarDayBody = z.infer<typeof calendarDayBody>;

export const calendarDateParams = z.object({ date: calendarDateSchema });

/** A year in a path; its range is checked by the service, so that it is a clear 400, not a 404. */
export const calendarYearParams = z.object({ year: z.coerce.number().int() });
export const CALENDAR_YEAR_RANGE = [2000, 2100] as const;

/** One day of a year as the page shows it: the effective kind, and what shipped under it. */
export const calendarDayEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  source: z.enum(['shipped', 'manual']),
  /** the shipped day this one replaces, if any */
  shipped: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CalendarDayEntry = z.infer<typeof calendarDayEntrySchema>;

export const calendarYearSchema = z.object({
  year: z.number(),
  /** shipped: the notice ships with the system; manual: the manager declared it complete; null: missing */
  coveredBy: z.enum(['shipped', 'manual']).nullable(),
  days: z.array(calendarDayEntrySchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarCoverageSchema = z.object({
  /** every year with complete holiday data */
  covered: z.array(z.number()),
  shipped: z.array(z.number()),
  /** this year and next year, in the calendar's zone */
  checked: z.array(z.number()),
  /** of `checked`, the ones with no holiday data: the server and the page warn */
  missing: z.array(z.number()),
});
export type CalendarCoverage = z.infer<typeof calendarCoverageSchema>;
