import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG, addDays, calendarConfigSchema, calendarDateSchema, calendarDayBody, shippedCalendarDays } from '../src';

/**
 * The State Council notices (国务院办公厅关于 2025 / 2026 年部分节假日安排的通知), as published: the
 * shipped table must say exactly this. [name, first day, last day] and the weekend days worked.
 */
const NOTICES = {
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

const shipped = shippedCalendarDays();

describe('shipped holidays and adjusted workdays', () => {
  it.each(Object.entries(NOTICES))('%s matches the State Council notice day by day', (year, notice) => {
    const expected: string[] = [];
    for (const [first, last] of notice.holidays) for (let d: string = first; d <= last; d = addDays(d, 1)) expected.push(`${d} holiday`);
    for (const d of notice.workdays) expected.push(`${d} workday`);
    const actual = shipped.days.filter((d) => d.date.startsWith(year)).map((d) => `${d.date} ${d.kind}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('covers 2025 and 2026', () => {
    expect(shipped.years).toEqual([2025, 2026]);
  });

  it('every adjusted workday is a Saturday or Sunday, every day is named and listed once', () => {
    for (const d of shipped.days.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    for (const d of shipped.days) expect(d.name.length).toBeGreaterThan(0);
    expect(new Set(shipped.days.map((d) => d.date)).size).toBe(shipped.days.length);
  });
});

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('calendar request schemas', () => {
  const week = DEFAULT_CALENDAR_CONFIG.week;
  it.each([
    ['the default', DEFAULT_CALENDAR_CONFIG, []],
    ['a lunch break inside the hours', { ...DEFAULT_CALENDAR_CONFIG, lunch: { start: '12:00', end: '13:30' } }, []],
    ['a day ending at midnight', { ...DEFAULT_CALENDAR_CONFIG, week: week.map((h) => (h ? { start: '16:00', end: '24:00' } : null)) }, []],
    ['end before start', { ...DEFAULT_CALENDAR_CONFIG, week: [null, { start: '18:00', end: '09:00' }, ...week.slice(2)] }, ['week.1.end: calendar.v.range']],
    ['a bad time', { ...DEFAULT_CALENDAR_CONFIG, week: [null, { start: '9:00', end: '18:00' }, ...week.slice(2)] }, ['week.1.start: calendar.v.time']],
    ['lunch outside the working hours', { ...DEFAULT_CALENDAR_CONFIG, lunch: { start: '19:00', end: '20:00' } }, ['lunch.start: calendar.v.lunch_outside']],
    [
      'a half day (Saturday 12:00-13:00) inside the lunch break',
      { ...DEFAULT_CALENDAR_CONFIG, week: [...week.slice(0, 6), { start: '12:00', end: '13:00' }], lunch: { start: '12:00', end: '13:30' } },
      ['week.6.end: calendar.v.all_lunch'],
    ],
    ['lunch ending before it starts', { ...DEFAULT_CALENDAR_CONFIG, lunch: { start: '13:00', end: '12:00' } }, ['lunch.end: calendar.v.range']],
    ['no working day', { ...DEFAULT_CALENDAR_CONFIG, week: week.map(() => null) }, ['week: calendar.v.no_working_day']],
    ['six days', { ...DEFAULT_CALENDAR_CONFIG, week: week.slice(1) }, ['week: calendar.v.week']],
    ['an unknown zone', { ...DEFAULT_CALENDAR_CONFIG, timeZone: 'Mars/Olympus' }, ['timeZone: v.time_zone']],
  ])('config: %s', (_, value, expected) => {
    expect(messages(calendarConfigSchema.safeParse(value))).toEqual(expected);
  });

  it.each([
    ['2027-01-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-1-1', false],
  ])('date %s valid: %s', (date, ok) => {
    expect(calendarDateSchema.safeParse(date).success).toBe(ok);
  });

  it.each([
    [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, []],
    [{ date: '2027-01-02', kind: 'normal' }, []],
    [{ date: '2027-01-01', kind: 'holiday', name: '  ' }, ['name: calendar.v.day_name']],
    [{ date: '2027-02-06', kind: 'workday', name: '春节调休春节调休春节调休春节调休春节调休春节调休' }, ['name: calendar.v.day_name']],
    [{ date: '2027-02-30', kind: 'holiday', name: '春节' }, ['date: calendar.v.date']],
  ])('day %j', (body, expected) => {
    expect(messages(calendarDayBody.safeParse(body))).toEqual(expected);
  });
});
