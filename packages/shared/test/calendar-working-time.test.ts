import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR_CONFIG,
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  createBusinessCalendar,
  isWorkingDay,
  missingYears,
  shippedCalendarDays,
  workingTimeBetween,
  type CalendarConfig,
  type Pause,
} from '../src/calendar';

/** Shanghai wall time 'YYYY-MM-DD HH:MM' -> instant. */
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const shipped = shippedCalendarDays();
const china = createBusinessCalendar(DEFAULT_CALENDAR_CONFIG, shipped.days, shipped.years);
const withLunch = createBusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, lunch: { start: '12:00', end: '13:30' } }, shipped.days, shipped.years);
const pause = (from: string, to: string | null): Pause => ({ from: sh(from), to: to ? sh(to) : null });

describe('isWorkingDay with the shipped 2025 and 2026 notices', () => {
  it.each([
    ['2025-01-01', false, '元旦'],
    ['2025-01-26', true, '春节调休 (Sunday)'],
    ['2025-01-28', false, '除夕'],
    ['2025-02-04', false, '正月初七'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, '春节调休 (Saturday)'],
    ['2025-04-27', true, '劳动节调休 (Sunday)'],
    ['2025-09-28', true, '国庆调休 (Sunday)'],
    ['2025-10-06', false, '中秋 inside 国庆'],
    ['2025-10-08', false, 'last day of 国庆'],
    ['2025-10-11', true, '国庆调休 (Saturday)'],
    ['2026-01-02', false, '元旦 (Friday)'],
    ['2026-01-04', true, '元旦调休 (Sunday)'],
    ['2026-02-14', true, '春节调休 (Saturday)'],
    ['2026-02-16', false, '除夕'],
    ['2026-02-23', false, 'last day of 春节'],
    ['2026-02-28', true, '春节调休 (Saturday)'],
    ['2026-05-09', true, '劳动节调休 (Saturday)'],
    ['2026-09-20', true, '国庆调休 (Sunday)'],
    ['2026-09-25', false, '中秋 (Friday)'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, 'last day of 国庆'],
    ['2026-10-08', true, 'back to work'],
    ['2026-10-10', true, '国庆调休 (Saturday)'],
    ['2026-10-11', false, 'a plain Sunday'],
    ['2026-10-12', true, 'a plain Monday'],
  ])('%s -> %s (%s)', (date, working) => {
    expect(isWorkingDay(china, date)).toBe(working);
  });
});

describe('addWorkingHours: "respond within N working hours" counts only working time', () => {
  it.each([
    ['Friday 17:30 + 2 h -> Monday 10:30 (the rule in the docs)', china, '2026-10-16 17:30', 2, '2026-10-19 10:30'],
    ['a deadline on the day’s last minute stays that day', china, '2026-10-16 16:00', 2, '2026-10-16 18:00'],
    ['received at night counts from the next morning', china, '2026-10-12 22:00', 2, '2026-10-13 11:00'],
    ['received before opening counts from 09:00', china, '2026-10-13 06:00', 2, '2026-10-13 11:00'],
    ['received on a holiday (国庆, a Saturday)', china, '2026-10-03 10:00', 2, '2026-10-08 11:00'],
    ['received on a holiday that is a Monday', china, '2026-10-05 09:00', 2, '2026-10-08 11:00'],
    ['the eve of 国庆 2026', china, '2026-09-30 17:00', 2, '2026-10-08 10:00'],
    ['into the 国庆调休 Saturday 2026', china, '2026-10-09 17:00', 2, '2026-10-10 10:00'],
    ['into the 国庆调休 Sunday 2026', china, '2026-09-18 17:00', 2, '2026-09-20 10:00'],
    ['received on a 调休 Saturday counts that day', china, '2026-10-10 10:00', 2, '2026-10-10 12:00'],
    ['into the 春节调休 Saturday 2026', china, '2026-02-13 17:00', 2, '2026-02-14 10:00'],
    ['over 春节 2026', china, '2026-02-14 17:00', 2, '2026-02-24 10:00'],
    ['into the second 春节调休 Saturday 2026', china, '2026-02-27 17:00', 2, '2026-02-28 10:00'],
    ['into the 春节调休 Sunday 2025', china, '2025-01-24 17:00', 2, '2025-01-26 10:00'],
    ['over 春节 2025', china, '2025-01-27 17:00', 2, '2025-02-05 10:00'],
    ['into the 国庆调休 Sunday 2025', china, '2025-09-26 17:00', 2, '2025-09-28 10:00'],
    ['over 国庆 and 中秋 2025', china, '2025-09-30 17:00', 2, '2025-10-09 10:00'],
    ['into the 国庆调休 Saturday 2025', china, '2025-10-10 17:00', 2, '2025-10-11 10:00'],
    ['the lunch break does not count', withLunch, '2026-10-12 11:00', 2, '2026-10-12 14:30'],
    ['received during lunch counts from 13:30', withLunch, '2026-10-12 12:30', 1, '2026-10-12 14:30'],
    ['lunch and a weekend', withLunch, '2026-10-16 17:30', 2, '2026-10-19 10:30'],
    ['a quarter of an hour', china, '2026-10-12 17:50', 0.25, '2026-10-13 09:05'],
    ['a whole working week of hours', china, '2026-10-12 09:00', 45, '2026-10-16 18:00'],
  ])('%s', (_, cal, from, hours, due) => {
    expect(addWorkingHours(cal, sh(from), hours)).toEqual(sh(due));
  });

  it('zero working time is the moment itself', () => {
    expect(addWorkingTime(china, sh('2026-10-11 03:00'), 0)).toEqual(sh('2026-10-11 03:00'));
  });

  it('refuses negative time', () => {
    expect(() => addWorkingTime(china, sh('2026-10-12 10:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingDays: the end of the Nth working day after the day of receipt', () => {
  it.each([
    ['Monday 10:00, 3 days -> Thursday 18:00 (the rule in the docs)', china, '2026-10-12 10:00', 3, '2026-10-15 18:00'],
    ['received at night: that day is still the day of receipt', china, '2026-10-12 22:00', 3, '2026-10-15 18:00'],
    ['received on a Saturday: Monday is day 1', china, '2026-10-17 10:00', 3, '2026-10-21 18:00'],
    ['received on the 国庆调休 Saturday', china, '2026-10-10 10:00', 3, '2026-10-14 18:00'],
    ['received on a holiday (国庆 2026)', china, '2026-10-03 10:00', 3, '2026-10-10 18:00'],
    ['the eve of 国庆 2026 reaches the 调休 Saturday', china, '2026-09-30 10:00', 3, '2026-10-10 18:00'],
    ['春节 2026 with its 调休 Saturday', china, '2026-02-13 10:00', 3, '2026-02-25 18:00'],
    ['春节 2025 with its 调休 Sunday', china, '2025-01-24 10:00', 3, '2025-02-05 18:00'],
    ['after 春节 2025', china, '2025-01-27 10:00', 3, '2025-02-07 18:00'],
    ['国庆 2025 ends on its 调休 Saturday', china, '2025-09-30 10:00', 3, '2025-10-11 18:00'],
    ['lunch does not move the end of a day', withLunch, '2026-10-12 10:00', 3, '2026-10-15 18:00'],
    ['1 day', china, '2026-10-16 10:00', 1, '2026-10-19 18:00'],
    ['0 days: the end of the working day of receipt', china, '2026-10-12 10:00', 0, '2026-10-12 18:00'],
    ['0 days after closing time: the next working day', china, '2026-10-12 19:00', 0, '2026-10-13 18:00'],
  ])('%s', (_, cal, from, days, due) => {
    expect(addWorkingDays(cal, sh(from), days)).toEqual(sh(due));
  });
});

describe('pauses (待客户回复): working time inside a pause does not count', () => {
  it.each([
    ['a closed pause in the morning', '2026-10-12 09:00', 2, [pause('2026-10-12 09:30', '2026-10-12 10:30')], '2026-10-12 12:00'],
    ['a pause over the night only takes its working part', '2026-10-12 17:00', 2, [pause('2026-10-12 17:30', '2026-10-13 09:30')], '2026-10-13 11:00'],
    [
      'overlapping pauses count once',
      '2026-10-12 09:00',
      2,
      [pause('2026-10-12 10:00', '2026-10-12 11:00'), pause('2026-10-12 10:30', '2026-10-12 11:30')],
      '2026-10-12 12:30',
    ],
    ['a pause outside working time changes nothing', '2026-10-16 17:00', 2, [pause('2026-10-16 18:00', '2026-10-19 09:00')], '2026-10-19 10:00'],
    ['a pause after the deadline changes nothing', '2026-10-12 09:00', 2, [pause('2026-10-12 15:00', '2026-10-12 16:00')], '2026-10-12 11:00'],
  ])('hours: %s', (_, from, hours, pauses, due) => {
    expect(addWorkingHours(china, sh(from), hours, pauses)).toEqual(sh(due));
  });

  it('an open pause lasts until now: the deadline moves while the case waits', () => {
    const pauses = [pause('2026-10-12 10:00', null)];
    expect(addWorkingHours(china, sh('2026-10-12 09:00'), 2, pauses, { now: sh('2026-10-12 11:00') })).toEqual(sh('2026-10-12 12:00'));
    expect(addWorkingHours(china, sh('2026-10-12 09:00'), 2, pauses, { now: sh('2026-10-12 17:30') })).toEqual(sh('2026-10-13 09:30'));
  });

  it('an open pause without now is refused, not guessed', () => {
    expect(() => addWorkingHours(china, sh('2026-10-12 09:00'), 2, [pause('2026-10-12 10:00', null)])).toThrow(/opts\.now/);
  });

  it.each([
    ['a 2-hour pause pushes Thursday 18:00 to Friday 11:00', [pause('2026-10-13 10:00', '2026-10-13 12:00')], '2026-10-16 11:00'],
    ['a pause over a weekend before the deadline takes nothing', [pause('2026-10-10 18:00', '2026-10-12 09:00')], '2026-10-15 18:00'],
    ['a whole working day paused adds a working day', [pause('2026-10-13 09:00', '2026-10-13 18:00')], '2026-10-16 18:00'],
  ])('days: %s', (_, pauses, due) => {
    expect(addWorkingDays(china, sh('2026-10-12 10:00'), 3, pauses)).toEqual(sh(due));
  });

  it('days with an open pause: the plain deadline plus the working time paused until now', () => {
    const due = addWorkingDays(china, sh('2026-10-12 10:00'), 3, [pause('2026-10-14 09:00', null)], { now: sh('2026-10-14 12:00') });
    expect(due).toEqual(sh('2026-10-16 12:00'));
  });
});

describe('workingTimeBetween', () => {
  it.each([
    ['Friday 17:30 to Monday 10:30', china, '2026-10-16 17:30', '2026-10-19 10:30', [], 2],
    ['within one night', china, '2026-10-12 19:00', '2026-10-13 08:00', [], 0],
    ['a plain week', china, '2026-10-12 00:00', '2026-10-19 00:00', [], 45],
    ['国庆 2026 fortnight: 6 working days incl. the 调休 Saturday', china, '2026-09-28 00:00', '2026-10-12 00:00', [], 54],
    ['春节 2026 (Feb 9 to Mar 1): 11 working days incl. two 调休 Saturdays', china, '2026-02-09 00:00', '2026-03-02 00:00', [], 99],
    ['国庆 2025 fortnight: 6 working days incl. the 调休 Sunday and Saturday', china, '2025-09-28 00:00', '2025-10-12 00:00', [], 54],
    ['a day with lunch', withLunch, '2026-10-12 00:00', '2026-10-13 00:00', [], 7.5],
    ['from inside lunch', withLunch, '2026-10-12 12:15', '2026-10-12 14:00', [], 0.5],
    ['a closed pause', china, '2026-10-12 09:00', '2026-10-12 12:00', [pause('2026-10-12 10:00', '2026-10-12 11:00')], 2],
    ['an open pause lasts to the end of the range', china, '2026-10-12 09:00', '2026-10-12 12:00', [pause('2026-10-12 10:00', null)], 1],
    ['a pause before the range', china, '2026-10-12 09:00', '2026-10-12 12:00', [pause('2026-10-09 10:00', '2026-10-12 09:30')], 2.5],
  ])('%s', (_, cal, from, to, pauses, hours) => {
    expect(workingTimeBetween(cal, sh(from), sh(to), pauses)).toBe(hours * HOUR);
    // the same span backwards is the same working time, negative
    expect(workingTimeBetween(cal, sh(to), sh(from), pauses)).toBe(hours === 0 ? 0 : -hours * HOUR);
  });

  it('is the inverse of addWorkingTime', () => {
    for (const [from, hours] of [
      ['2026-09-30 17:00', 2],
      ['2026-02-13 11:11', 30],
      ['2025-01-24 17:59', 9],
    ] as const) {
      const due = addWorkingHours(withLunch, sh(from), hours);
      expect(workingTimeBetween(withLunch, sh(from), due)).toBe(hours * HOUR);
    }
  });
});

describe('a year without holiday data', () => {
  it('is reported, and the weekly hours alone decide until the manager enters it', () => {
    expect(missingYears(china, sh('2026-12-30 10:00'), sh('2027-01-05 10:00'))).toEqual([2027]);
    expect(missingYears(china, sh('2025-01-01 00:00'), sh('2026-12-31 23:59'))).toEqual([]);
    // 2027-01-01 (元旦, a Friday) is not known yet: it counts as a working day
    expect(isWorkingDay(china, '2027-01-01')).toBe(true);
    expect(addWorkingHours(china, sh('2026-12-31 17:00'), 2)).toEqual(sh('2027-01-01 10:00'));
    const entered = createBusinessCalendar(
      DEFAULT_CALENDAR_CONFIG,
      [...shipped.days, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      [...shipped.years, 2027],
    );
    expect(missingYears(entered, sh('2026-12-30 10:00'), sh('2027-01-05 10:00'))).toEqual([]);
    expect(addWorkingHours(entered, sh('2026-12-31 17:00'), 2)).toEqual(sh('2027-01-04 10:00'));
  });

  it('counts years in the calendar’s zone: 2026-12-31 17:00 UTC is already 2027 in Shanghai', () => {
    expect(missingYears(china, new Date('2026-12-31T15:00:00Z'), new Date('2026-12-31T17:00:00Z'))).toEqual([2027]);
  });
});

describe('other time zones and weeks', () => {
  const newYork: CalendarConfig = { ...DEFAULT_CALENDAR_CONFIG, timeZone: 'America/New_York' };
  const ny = createBusinessCalendar(newYork, [], []);

  it('keeps wall-clock hours across a DST change (New York, March 2026)', () => {
    // Friday 17:30 EST (-5) + 2 h -> Monday 10:30 EDT (-4)
    expect(addWorkingHours(ny, new Date('2026-03-06T22:30:00Z'), 2)).toEqual(new Date('2026-03-09T14:30:00Z'));
    expect(workingTimeBetween(ny, new Date('2026-03-06T05:00:00Z'), new Date('2026-03-10T04:00:00Z'))).toBe(18 * HOUR);
  });

  it('a six-day week with a Saturday half day, and 调休 gets Monday’s hours', () => {
    const week = [...DEFAULT_CALENDAR_CONFIG.week];
    week[6] = { start: '09:00', end: '12:00' };
    const sixDays = createBusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, week, lunch: { start: '12:00', end: '13:00' } }, shipped.days, shipped.years);
    expect(addWorkingHours(sixDays, sh('2026-10-16 17:00'), 3)).toEqual(sh('2026-10-17 11:00'));
    // 2026-10-10 is a 调休 Saturday: a whole weekday of 8 working hours, not the half day
    expect(workingTimeBetween(sixDays, sh('2026-10-10 00:00'), sh('2026-10-11 00:00'))).toBe(8 * HOUR);
  });
});
