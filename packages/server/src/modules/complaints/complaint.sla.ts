import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  missingYears,
  slaClock,
  workingTimeBetween,
  type BusinessCalendar,
  type ComplaintSla,
  type Pause,
  type SlaClock,
  type SlaLimits,
} from '@kefu/shared';

/**
 * The two SLA clocks of seed 003 附件三 #4 ("客户投诉在2小时内响应,三个工作日解决") on the business
 * calendar. Each clock runs once: the response clock stops at the first acknowledgement, the resolution
 * clock at the first resolution; what happens after (unsatisfied feedback, a reopening) is driven by the
 * promises made to the customer (docs/decisions/009-complaint-sla-and-watch.md).
 */
export type ClockKind = 'response' | 'resolve';

export interface SlaFacts {
  receivedAt: Date;
  responseHours: number;
  resolveDays: number;
  responseDueAt: Date;
  resolveDueAt: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  pausedSince: Date | null;
  closed: boolean;
  /** what the watch has told people already: `response_at_risk`, `resolve_breached`, … */
  alerted: readonly string[];
}

/** Both deadlines, pushed on by the pauses; an open pause counts up to `now` (the deadline moves while waiting). */
export function deadlines(cal: BusinessCalendar, receivedAt: Date, limits: SlaLimits, pauses: Pause[], now: Date) {
  return {
    responseDueAt: addWorkingHours(cal, receivedAt, limits.responseHours, pauses, { now }),
    resolveDueAt: addWorkingDays(cal, receivedAt, limits.resolveDays, pauses, { now }),
  };
}

/** The clock that runs now: response until acknowledged, then resolution until resolved; none after, or when closed. */
export function runningClock(f: SlaFacts): ClockKind | null {
  if (f.closed) return null;
  if (!f.respondedAt) return 'response';
  if (!f.resolvedAt) return 'resolve';
  return null;
}

export function clockOf(cal: BusinessCalendar, f: SlaFacts, kind: ClockKind, pauses: Pause[], now: Date, due?: Date): SlaClock {
  return slaClock(cal, {
    start: f.receivedAt,
    due: due ?? (kind === 'response' ? f.responseDueAt : f.resolveDueAt),
    pauses,
    now,
    stoppedAt: kind === 'response' ? f.respondedAt : f.resolvedAt,
  });
}

/** A running clock's due moment as of now: while paused, the deadline keeps moving. */
function dueNow(cal: BusinessCalendar, f: SlaFacts, kind: ClockKind, pauses: Pause[], now: Date): Date {
  if (!f.pausedSince) return kind === 'response' ? f.responseDueAt : f.resolveDueAt;
  const limits = { responseHours: f.responseHours, resolveDays: f.resolveDays };
  return deadlines(cal, f.receivedAt, limits, pauses, now)[kind === 'response' ? 'responseDueAt' : 'resolveDueAt'];
}

/** The SLA block of a case as of `now`, as the queue and the case page show it. */
export function slaView(cal: BusinessCalendar, f: SlaFacts, pauses: Pause[], now: Date, atRiskFraction: number): ComplaintSla {
  const running = runningClock(f);
  const responseDue = running === 'response' ? dueNow(cal, f, 'response', pauses, now) : f.responseDueAt;
  const resolveDue = running ? dueNow(cal, f, 'resolve', pauses, now) : f.resolveDueAt;
  const response = clockOf(cal, f, 'response', pauses, now, responseDue);
  const resolve = clockOf(cal, f, 'resolve', pauses, now, resolveDue);
  const current = running === 'response' ? response : running === 'resolve' ? resolve : null;
  let status: ComplaintSla['status'] = 'met';
  if (current) {
    if (f.pausedSince) status = 'paused';
    else if (current.breached) status = 'breached';
    else if (current.fraction >= atRiskFraction) status = 'at_risk';
    else status = 'on_track';
  }
  return {
    responseDueAt: responseDue.toISOString(),
    resolveDueAt: resolveDue.toISOString(),
    respondedAt: f.respondedAt?.toISOString() ?? null,
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
    remainingMs: current ? current.remainingMs : null,
    usedFraction: current ? current.fraction : null,
    status,
    responseBreached: response.breached,
    resolveBreached: resolve.breached,
    pausedSince: f.pausedSince?.toISOString() ?? null,
    calendarMissingYears: missingYears(cal, f.receivedAt, resolveDue),
  };
}

/** The moment the running clock has used `fraction` of its working time. */
export function riskMoment(cal: BusinessCalendar, f: SlaFacts, kind: ClockKind, pauses: Pause[], fraction: number): Date {
  const due = kind === 'response' ? f.responseDueAt : f.resolveDueAt;
  const total = workingTimeBetween(cal, f.receivedAt, due, pauses);
  return addWorkingTime(cal, f.receivedAt, Math.ceil(total * fraction), pauses);
}

/**
 * When the watch must look at the case next: the at-risk moment of the running clock, then its
 * deadline, each only while not told yet; null while paused, closed or with no clock running.
 */
export function watchMoment(cal: BusinessCalendar, f: SlaFacts, pauses: Pause[], atRiskFraction: number): Date | null {
  const kind = f.pausedSince ? null : runningClock(f);
  if (!kind) return null;
  if (!f.alerted.includes(`${kind}_at_risk`) && !f.alerted.includes(`${kind}_breached`)) return riskMoment(cal, f, kind, pauses, atRiskFraction);
  if (!f.alerted.includes(`${kind}_breached`)) return new Date((kind === 'response' ? f.responseDueAt : f.resolveDueAt).getTime() + 1);
  return null;
}

/**
 * The deadline that applies now (the queue's order): the running clock's, else the earliest open
 * promise to the customer; none while paused or closed.
 */
export function currentDue(f: SlaFacts, earliestPromise: Date | null): Date | null {
  if (f.closed || f.pausedSince) return null;
  const kind = runningClock(f);
  if (kind === 'response') return f.responseDueAt;
  if (kind === 'resolve') return f.resolveDueAt;
  return earliestPromise;
}
