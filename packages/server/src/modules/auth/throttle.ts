/**
 * Sign-in throttling, pure: after a key's limit of failed attempts within WINDOW (counted from the
 * first failure), the key is locked until LOCK after the last failure. Keys are a username ('u:…') or
 * an IP address ('ip:…'). An address gets a higher limit than a name: a department signs in from
 * behind one office address, and five typos by colleagues must not lock everyone out; the name's
 * limit is what stops guessing one account's password.
 */
export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 30;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export interface FailureRecord {
  failures: number;
  firstAt: Date;
  lastAt: Date;
}

export function limitFor(key: string): number {
  return key.startsWith('ip:') ? MAX_FAILURES_PER_IP : MAX_FAILURES;
}

/** Minutes left of the lock, or 0 when the key may try. */
export function lockedMinutes(rec: FailureRecord | undefined, now: Date, limit = MAX_FAILURES): number {
  if (!rec || rec.failures < limit) return 0;
  const until = rec.lastAt.getTime() + LOCK_MS;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/**
 * The record after one more failure. The window is half-open, like the lock: at the moment a lock
 * ends, the old failures no longer count (otherwise one typo right then locks the name again).
 */
export function nextFailure(rec: FailureRecord | undefined, now: Date): FailureRecord {
  if (!rec || now.getTime() - rec.firstAt.getTime() >= WINDOW_MS) return { failures: 1, firstAt: now, lastAt: now };
  return { failures: rec.failures + 1, firstAt: rec.firstAt, lastAt: now };
}
