import { addDays, minutesOf, zonedDate, zonedInstant } from '@kefu/shared';
import type { JobSchedule } from '../../db/schema-jobs';

/**
 * When a job runs next, after an instant: every N minutes from that instant, or the next time the
 * department's clocks read HH:MM (its time zone, the business calendar's). Pure: tested by tables.
 */
export function nextRunAfter(schedule: JobSchedule, after: Date, timeZone: string): Date {
  if ('everyMinutes' in schedule) return new Date(after.getTime() + schedule.everyMinutes * 60_000);
  const minutes = minutesOf(schedule.dailyAt);
  let day = zonedDate(after, timeZone);
  for (let i = 0; i < 3; i += 1, day = addDays(day, 1)) {
    const at = zonedInstant(day, minutes, timeZone);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`no next run for ${JSON.stringify(schedule)}`);
}

/** A new job's first run: a periodic one at once, a daily one at its next time. */
export function firstRun(schedule: JobSchedule, now: Date, timeZone: string): Date {
  return 'everyMinutes' in schedule ? now : nextRunAfter(schedule, now, timeZone);
}
