import type { CalendarConfig } from '@kefu/shared/calendar/config';
import type { CalendarDayEntry } from '@kefu/shared/calendar/schemas';

/** One day of a month grid. Dates are plain YYYY-MM-DD; no time zone is involved in laying out a month. */
export interface DayCell {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The cells of a month, Monday first, with empty cells before the 1st. */
export function monthCells(year: number, month: number): (DayCell | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day += 1) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    cells.push({ date, day, weekday: (first.getUTCDay() + day - 1) % 7 });
  }
  return cells;
}

/** What a day looks like on the page: a holiday, a 调休 workday, a plain day off, or a plain working day. */
export interface DayLook {
  look: 'holiday' | 'workday' | 'off' | 'working';
  name: string | null;
  entry: CalendarDayEntry | null;
}

export function lookOf(cell: DayCell, entry: CalendarDayEntry | undefined, config: CalendarConfig): DayLook {
  if (entry?.kind === 'holiday') return { look: 'holiday', name: entry.name, entry };
  if (entry?.kind === 'workday') return { look: 'workday', name: entry.name, entry };
  return { look: config.week[cell.weekday] ? 'working' : 'off', name: null, entry: entry ?? null };
}
