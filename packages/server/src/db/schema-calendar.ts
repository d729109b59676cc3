import type { Generated } from 'kysely';

/** Table types of migration 004-calendar.sql (the manager's changes to the business calendar). */
export interface CalendarDaysTable {
  /** YYYY-MM-DD (date columns are read as text) */
  date: string;
  kind: 'holiday' | 'workday' | 'normal';
  name: Generated<string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CalendarYearsTable {
  year: number;
  marked_by: string | null;
  marked_at: Generated<Date>;
}

export interface CalendarTables {
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
}
