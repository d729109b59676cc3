export { DEFAULT_CALENDAR_CONFIG, adjustedWorkdayHours, minutesOf, type CalendarConfig, type WorkHours } from './config';
export {
  createBusinessCalendar,
  endOfWorkingDay,
  hoursOn,
  isWorkingDay,
  missingYears,
  segmentsOn,
  type BusinessCalendar,
  type CalendarDay,
  type Pause,
  type Segment,
} from './business-calendar';
export { addWorkingDays, addWorkingHours, addWorkingTime, workingTimeBetween, type AddOptions } from './working-time';
export { slaClock, type SlaClock } from './sla-clock';
export { shippedCalendarDays } from './china-holidays';
export { zonedDate, zonedInstant } from './zoned';
export { CALENDAR_MESSAGES } from './messages';
export * from './schemas';
