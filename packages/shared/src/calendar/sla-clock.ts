import type { BusinessCalendar, Pause } from './business-calendar';
import { workingTimeBetween } from './working-time';

export interface SlaClock {
  /** the working time allowed between the start and the due moment, pauses excluded */
  totalMs: number;
  /** working time used so far (to `now`, or to when the clock stopped), pauses excluded */
  usedMs: number;
  /** totalMs - usedMs: negative when breached (working time overdue) */
  remainingMs: number;
  /** usedMs / totalMs, 0..1 and above when breached; the "at risk" setting compares against it */
  fraction: number;
  breached: boolean;
}

/**
 * One SLA clock (response or resolution) as of `now`. `due` must have been computed with the same pauses
 * (an open one closed at `now`, e.g. addWorkingTime(cal, start, budget, pauses, { now })), so while a case
 * waits for the customer its remaining time stands still and its due moment moves. `stoppedAt` (answered,
 * resolved) freezes the clock: a case resolved late stays breached, one resolved in time never breaches.
 */
export function slaClock(cal: BusinessCalendar, a: { start: Date; due: Date; pauses: Pause[]; now: Date; stoppedAt: Date | null }): SlaClock {
  const end = a.stoppedAt ?? a.now;
  // an open pause lasts until the clock's end (now, or when it stopped)
  const pauses = a.pauses.map((p) => ({ from: p.from, to: p.to ?? end }));
  const totalMs = Math.max(0, workingTimeBetween(cal, a.start, a.due, pauses));
  const usedMs = Math.max(0, workingTimeBetween(cal, a.start, end, pauses));
  const breached = end.getTime() > a.due.getTime();
  const fraction = totalMs > 0 ? usedMs / totalMs : breached ? 1 : 0;
  return { totalMs, usedMs, remainingMs: totalMs - usedMs, fraction, breached };
}
