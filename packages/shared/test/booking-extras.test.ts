import { describe, expect, it } from 'vitest';
import { isLateClosure, isRefusalFlagged, isSheetOverdue, offerExpiresAt, sheetCells, sheetDeadlineAt, type SheetBooking } from '../src/booking-extras';

const HOUR = 3_600_000;

describe('booking extras: pure rules', () => {
  it.each([
    // [day, deadline, zone, expected instant]
    ['2026-10-10', '15:00', 'Asia/Shanghai', '2026-10-09T07:00:00.000Z'],
    ['2026-10-10', '15:00', 'Europe/London', '2026-10-09T14:00:00.000Z'],
    ['2026-01-01', '09:30', 'Asia/Shanghai', '2025-12-31T01:30:00.000Z'],
  ])('the sheet of %s is due the day before at %s in %s', (day, deadline, zone, expected) => {
    expect(sheetDeadlineAt(day, deadline, zone).toISOString()).toBe(expected);
  });

  it.each([
    [-1, false, false],
    [0, false, true],
    [1, false, true],
    [1, true, false],
  ])('overdue %s ms after the deadline, confirmed %s: %s', (delta, confirmed, expected) => {
    const deadline = new Date('2026-10-09T07:00:00Z');
    expect(isSheetOverdue(deadline, new Date(deadline.getTime() + delta), confirmed)).toBe(expected);
  });

  it.each([
    [71, 3, true],
    [72, 3, false],
    [1, 0, false],
  ])('a closure %s h ahead with %s notice days is late: %s', (hours, days, late) => {
    const now = new Date('2026-10-09T02:00:00Z');
    expect(isLateClosure(new Date(now.getTime() + hours * HOUR), now, days)).toBe(late);
  });

  it('an offer holds for the setting, never past the start', () => {
    const now = new Date('2026-10-09T02:00:00Z');
    expect(offerExpiresAt(now, 2, new Date('2026-10-12T01:00:00Z')).toISOString()).toBe('2026-10-09T04:00:00.000Z');
    expect(offerExpiresAt(now, 2, new Date('2026-10-09T03:00:00Z')).toISOString()).toBe('2026-10-09T03:00:00.000Z');
  });

  it.each([
    [0, false],
    [1, false],
    [2, true],
    [5, true],
  ])('%s refusals in a row flag: %s', (n, flagged) => expect(isRefusalFlagged(n)).toBe(flagged));

  it('a department sees only its columns; a hidden customer is said so', () => {
    const b: SheetBooking = {
      number: 'YY20261009-0001',
      startsAt: '',
      endsAt: '',
      localTime: '09:00-10:00',
      resourceName: '秦老师',
      customerName: null,
      places: 2,
      notes: '素食',
      status: 'booked',
    };
    expect(sheetCells(['time', 'places', 'notes'], b, 'zh-CN')).toEqual(['09:00-10:00', '2', '素食']);
    expect(sheetCells(['customer', 'number'], b, 'zh-CN')).toEqual(['（无权查看）', 'YY20261009-0001']);
    expect(sheetCells(['customer'], { ...b, customerName: '李娜' }, 'en')).toEqual(['李娜']);
  });
});
