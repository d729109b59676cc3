import { describe, expect, it } from 'vitest';
import { reportQuery, reportRange, rootCauseBody, rootCauseParams, share, type ReportPeriod } from '../src/complaint-report';

describe('report periods (weeks Monday to Sunday, calendar months)', () => {
  it.each<[ReportPeriod, string, string, string]>([
    ['week', '2026-10-09', '2026-10-05', '2026-10-11'], // a Friday
    ['week', '2026-10-05', '2026-10-05', '2026-10-11'], // the Monday itself
    ['week', '2026-10-11', '2026-10-05', '2026-10-11'], // Sunday belongs to the week it ends
    ['week', '2026-10-12', '2026-10-12', '2026-10-18'], // the next Monday starts a new week
    ['week', '2026-12-31', '2026-12-28', '2027-01-03'], // across the new year
    ['week', '2024-02-29', '2024-02-26', '2024-03-03'], // leap day
    ['month', '2026-10-09', '2026-10-01', '2026-10-31'],
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2024-02-01', '2024-02-01', '2024-02-29'],
    ['month', '2026-12-31', '2026-12-01', '2026-12-31'],
  ])('%s of %s: %s to %s', (period, date, from, to) => expect(reportRange(period, date)).toEqual({ from, to }));
});

describe('shares', () => {
  it.each([
    [1, 4, 0.25],
    [0, 0, 0],
    [3, 3, 1],
  ])('%i of %i = %d', (count, total, expected) => expect(share(count, total)).toBe(expected));
});

describe('report inputs', () => {
  it.each([
    [{ period: 'month', date: '2026-10-09' }, true],
    [{}, true],
    [{ period: 'year' }, false],
    [{ period: 'week', date: '2026-02-30' }, false],
    [{ period: 'week', date: '2026/10/09' }, false],
  ])('%j valid: %s', (q, ok) => expect(reportQuery.safeParse(q).success).toBe(ok));

  it.each([
    ['2026-10', true],
    ['2026-13', false],
    ['2026-1', false],
    ['202610', false],
  ])('month %s valid: %s', (month, ok) => expect(rootCauseParams.safeParse({ month }).success).toBe(ok));

  it('the analysis is trimmed; version 0 is the first save', () => {
    expect(rootCauseBody.parse({ analysis: '  本月约课类投诉最多。 ', version: 0 })).toEqual({ analysis: '本月约课类投诉最多。', version: 0 });
    expect(rootCauseBody.safeParse({ analysis: 'x', version: -1 }).success).toBe(false);
  });
});
