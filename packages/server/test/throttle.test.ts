import { describe, expect, it } from 'vitest';
import { LOCK_MS, MAX_FAILURES, MAX_FAILURES_PER_IP, WINDOW_MS, limitFor, lockedMinutes, nextFailure, type FailureRecord } from '../src/modules/auth/throttle';

const T0 = new Date('2026-10-09T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const rec = (failures: number, firstMs: number, lastMs: number): FailureRecord => ({ failures, firstAt: at(firstMs), lastAt: at(lastMs) });

/** n failures, one a minute from T0, through nextFailure. */
function failuresOneAMinute(n: number): FailureRecord | undefined {
  let r: FailureRecord | undefined;
  for (let i = 0; i < n; i += 1) r = nextFailure(r, at(i * MIN));
  return r;
}

describe('sign-in throttling rules', () => {
  it('limits: five for a name, more for an address shared by an office', () => {
    expect(limitFor('u:zhangsan')).toBe(MAX_FAILURES);
    expect(limitFor('ip:10.0.0.1')).toBe(MAX_FAILURES_PER_IP);
    expect(MAX_FAILURES).toBe(5);
    expect(MAX_FAILURES_PER_IP).toBeGreaterThan(MAX_FAILURES);
  });

  it.each([
    ['no failures', undefined, 0, 0],
    ['four failures', rec(4, 0, 4 * MIN), 4 * MIN, 0],
    ['five failures: locked for 15 minutes after the last', rec(5, 0, 4 * MIN), 4 * MIN, 15],
    ['half a minute later: still 15 (rounded up)', rec(5, 0, 4 * MIN), 4 * MIN + 30_000, 15],
    ['ten minutes later: 5', rec(5, 0, 4 * MIN), 14 * MIN, 5],
    ['one millisecond before the end: 1', rec(5, 0, 4 * MIN), 4 * MIN + LOCK_MS - 1, 1],
    ['exactly at the end: free', rec(5, 0, 4 * MIN), 4 * MIN + LOCK_MS, 0],
    ['after the end: free', rec(5, 0, 4 * MIN), 60 * MIN, 0],
  ])('%s -> %i minutes', (_name, r, nowMs, minutes) => {
    expect(lockedMinutes(r, at(nowMs))).toBe(minutes);
  });

  it('an address is locked at its own limit', () => {
    expect(lockedMinutes(rec(MAX_FAILURES_PER_IP - 1, 0, 0), T0, MAX_FAILURES_PER_IP)).toBe(0);
    expect(lockedMinutes(rec(MAX_FAILURES_PER_IP, 0, 0), T0, MAX_FAILURES_PER_IP)).toBe(15);
  });

  it.each([
    ['the first failure starts a window', undefined, 0, { failures: 1, first: 0, last: 0 }],
    ['inside the window: counted', rec(2, 0, MIN), 5 * MIN, { failures: 3, first: 0, last: 5 * MIN }],
    ['one millisecond before the window ends: counted', rec(4, 0, MIN), WINDOW_MS - 1, { failures: 5, first: 0, last: WINDOW_MS - 1 }],
    ['when the window ends: a new window', rec(4, 0, MIN), WINDOW_MS, { failures: 1, first: WINDOW_MS, last: WINDOW_MS }],
    ['long after: a new window', rec(4, 0, MIN), 3 * WINDOW_MS, { failures: 1, first: 3 * WINDOW_MS, last: 3 * WINDOW_MS }],
  ])('%s', (_name, r, nowMs, expected) => {
    expect(nextFailure(r, at(nowMs))).toEqual({ failures: expected.failures, firstAt: at(expected.first), lastAt: at(expected.last) });
  });

  it('five failures a minute apart lock the name; four do not', () => {
    expect(lockedMinutes(failuresOneAMinute(4), at(4 * MIN))).toBe(0);
    expect(lockedMinutes(failuresOneAMinute(5), at(4 * MIN))).toBe(15);
  });

  it('failures spread wider than the window never lock', () => {
    let r: FailureRecord | undefined;
    for (let i = 0; i < 20; i += 1) {
      r = nextFailure(r, at(i * 4 * MIN));
      expect(lockedMinutes(r, at(i * 4 * MIN))).toBe(0);
    }
  });

  it('when a lock ends, one more typo does not lock the name again at once', () => {
    // five failures in the same instant (a script), locked for LOCK_MS
    let r: FailureRecord | undefined;
    for (let i = 0; i < 5; i += 1) r = nextFailure(r, T0);
    expect(lockedMinutes(r, T0)).toBe(15);
    const end = at(LOCK_MS);
    expect(lockedMinutes(r, end)).toBe(0);
    const after = nextFailure(r, end);
    expect(after.failures).toBe(1);
    expect(lockedMinutes(after, end)).toBe(0);
  });
});
