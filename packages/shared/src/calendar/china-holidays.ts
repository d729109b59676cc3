import { addDays } from '../dates';
import type { CalendarDay } from './business-calendar';

/**
 * China's statutory holidays and adjusted workdays (调休), as the State Council's yearly notices
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知) set them. Our own small table rather than a package:
 * the web bundle may import shared code, and these few lines are all the rules need. Checked against the
 * notices and against the npm package chinese-days 1.5.7 (they agree for 2025 and 2026).
 * Next year's notice comes out in November: add it here for the next release; until then the manager
 * enters it in the 工作日历 page and marks the year complete (see docs/business-calendar.md).
 */
interface Notice {
  /** the notice it comes from */
  source: string;
  /** [name, first day, last day] of each holiday, inclusive */
  holidays: [string, string, string][];
  /** [name, date] of each weekend day worked */
  workdays: [string, string][];
}

const NOTICES: Record<number, Notice> = {
  2025: {
    source: '国办发明电〔2024〕12号，2024-11-12',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    workdays: [
      ['春节调休', '2025-01-26'],
      ['春节调休', '2025-02-08'],
      ['劳动节调休', '2025-04-27'],
      ['国庆节调休', '2025-09-28'],
      ['国庆节调休', '2025-10-11'],
    ],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知，2025-11-04',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: [
      ['元旦调休', '2026-01-04'],
      ['春节调休', '2026-02-14'],
      ['春节调休', '2026-02-28'],
      ['劳动节调休', '2026-05-09'],
      ['国庆节调休', '2026-09-20'],
      ['国庆节调休', '2026-10-10'],
    ],
  },
};

/** The shipped days and the years they cover completely. */
export function shippedCalendarDays(): { days: CalendarDay[]; years: number[] } {
  const days: CalendarDay[] = [];
  for (const notice of Object.values(NOTICES)) {
    for (const [name, first, last] of notice.holidays) {
      for (let date = first; date <= last; date = addDays(date, 1)) days.push({ date, kind: 'holiday', name });
    }
    for (const [name, date] of notice.workdays) days.push({ date, kind: 'workday', name });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, years: Object.keys(NOTICES).map(Number) };
}
