import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG, addWorkingHours, createBusinessCalendar, shippedCalendarDays, slaClock, type Pause } from '../src/calendar';

const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const shipped = shippedCalendarDays();
const cal = createBusinessCalendar(DEFAULT_CALENDAR_CONFIG, shipped.days, shipped.years);

/** A 2-working-hour response clock started Monday 2026-10-12 09:00, due 11:00. */
const start = sh('2026-10-12 09:00');
const due = sh('2026-10-12 11:00');

describe('slaClock', () => {
  it.each([
    ['at the start', '2026-10-12 09:00', null, { usedMs: 0, remainingMs: 2 * HOUR, fraction: 0, breached: false }],
    ['half way', '2026-10-12 10:00', null, { usedMs: HOUR, remainingMs: HOUR, fraction: 0.5, breached: false }],
    [
      'at 80 %: the "at risk" setting compares the fraction',
      '2026-10-12 10:36',
      null,
      { usedMs: 1.6 * HOUR, remainingMs: 0.4 * HOUR, fraction: 0.8, breached: false },
    ],
    ['exactly at the due moment: not yet breached', '2026-10-12 11:00', null, { usedMs: 2 * HOUR, remainingMs: 0, fraction: 1, breached: false }],
    [
      'an hour after the due moment: breached, an hour overdue',
      '2026-10-12 12:00',
      null,
      { usedMs: 3 * HOUR, remainingMs: -HOUR, fraction: 1.5, breached: true },
    ],
    [
      'answered in time, read the next day: stays kept',
      '2026-10-13 15:00',
      '2026-10-12 10:30',
      { usedMs: 1.5 * HOUR, remainingMs: 0.5 * HOUR, fraction: 0.75, breached: false },
    ],
    ['answered late: stays breached', '2026-10-14 15:00', '2026-10-12 11:30', { usedMs: 2.5 * HOUR, remainingMs: -0.5 * HOUR, fraction: 1.25, breached: true }],
  ])('%s', (_, now, stoppedAt, expected) => {
    expect(slaClock(cal, { start, due, pauses: [], now: sh(now), stoppedAt: stoppedAt ? sh(stoppedAt) : null })).toEqual({ totalMs: 2 * HOUR, ...expected });
  });

  it('a deadline passed over the weekend is breached with no working time overdue', () => {
    const clock = slaClock(cal, { start: sh('2026-10-16 16:00'), due: sh('2026-10-16 18:00'), pauses: [], now: sh('2026-10-17 10:00'), stoppedAt: null });
    expect(clock).toEqual({ totalMs: 2 * HOUR, usedMs: 2 * HOUR, remainingMs: 0, fraction: 1, breached: true });
  });

  it('while the case waits for the customer, the remaining time stands still and the due moment moves', () => {
    const pauses: Pause[] = [{ from: sh('2026-10-12 10:00'), to: null }];
    for (const [now, expectedDue] of [
      ['2026-10-12 11:00', '2026-10-12 12:00'],
      ['2026-10-12 17:00', '2026-10-12 18:00'],
      ['2026-10-12 17:30', '2026-10-13 09:30'],
      ['2026-10-14 10:00', '2026-10-14 11:00'],
    ] as const) {
      const movedDue = addWorkingHours(cal, start, 2, pauses, { now: sh(now) });
      expect(movedDue).toEqual(sh(expectedDue));
      const clock = slaClock(cal, { start, due: movedDue, pauses, now: sh(now), stoppedAt: null });
      expect(clock).toEqual({ totalMs: 2 * HOUR, usedMs: HOUR, remainingMs: HOUR, fraction: 0.5, breached: false });
    }
  });

  it('a closed pause is left out of the used time', () => {
    const pauses: Pause[] = [{ from: sh('2026-10-12 09:30'), to: sh('2026-10-12 10:30') }];
    const pausedDue = addWorkingHours(cal, start, 2, pauses);
    expect(pausedDue).toEqual(sh('2026-10-12 12:00'));
    expect(slaClock(cal, { start, due: pausedDue, pauses, now: sh('2026-10-12 11:00'), stoppedAt: null })).toEqual({
      totalMs: 2 * HOUR,
      usedMs: 1 * HOUR,
      remainingMs: HOUR,
      fraction: 0.5,
      breached: false,
    });
  });

  it('a clock whose due moment is its start is used up at once', () => {
    expect(slaClock(cal, { start, due: start, pauses: [], now: sh('2026-10-12 09:30'), stoppedAt: null })).toMatchObject({
      totalMs: 0,
      fraction: 1,
      breached: true,
    });
  });
});
