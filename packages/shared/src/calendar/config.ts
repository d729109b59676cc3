/**
 * The department's working week (seed 003 附件三 #4 counts "2 hours" and "3 working days" in it).
 * Times are wall-clock 'HH:MM' in the calendar's own time zone; '24:00' may end a day.
 */
export interface WorkHours {
  start: string;
  end: string;
}

export interface CalendarConfig {
  /** an IANA zone; every business-day rule is computed in it (default Asia/Shanghai) */
  timeZone: string;
  /** index 0 = Sunday … 6 = Saturday; null = day off */
  week: (WorkHours | null)[];
  /** an optional break (e.g. 12:00-13:30) that applies every working day and never counts */
  lunch: WorkHours | null;
}

const NINE_TO_SIX: WorkHours = { start: '09:00', end: '18:00' };

/** Monday-Friday 09:00-18:00, no lunch break, Asia/Shanghai. */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  timeZone: 'Asia/Shanghai',
  week: [null, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, null],
  lunch: null,
};

export const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** 'HH:MM' -> minutes after midnight (0..1440). */
export function minutesOf(hhmm: string): number {
  if (!HHMM.test(hhmm)) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * The hours of an adjusted workday (调休: a Saturday or Sunday worked in place of a weekday): the
 * State Council notices move a whole weekday's work there, so it gets Monday's hours (or, if Monday
 * is off, the first working weekday's).
 */
export function adjustedWorkdayHours(config: CalendarConfig): WorkHours {
  return config.week[1] ?? [2, 3, 4, 5, 6, 0].map((i) => config.week[i]).find((h) => h != null) ?? NINE_TO_SIX;
}
