/**
 * Sign-in throttling, pure: after MAX_FAILURES failed attempts within WINDOW, the key (a username or
 * an IP address) is locked until LOCK after the last failure.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export interface FailureRecord {
  failures: number;
  firstAt: Date;
  lastAt: Date;
}

/** Minutes left of the lock, or 0 when the key may try. */
export function lockedMinutes(rec: FailureRecord | undefined, now: Date): number {
  if (!rec || rec.failures < MAX_FAILURES) return 0;
  const until = rec.lastAt.getTime() + LOCK_MS;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

export function nextFailure(rec: FailureRecord | undefined, now: Date): FailureRecord {
  if (!rec || now.getTime() - rec.firstAt.getTime() > WINDOW_MS) return { failures: 1, firstAt: now, lastAt: now };
  return { failures: rec.failures + 1, firstAt: rec.firstAt, lastAt: now };
}
