import type { OpeningHours } from '@kefu/shared/booking';

/** The week as the form shows it: Monday first, as the department reads a timetable; index = Date.getUTCDay(). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** One day's windows as typed: "09:00-12:00, 14:00-21:00"; empty = closed that day. */
export function hoursToText(hours: OpeningHours): string[] {
  return hours.map((day) => day.map((w) => `${w.from}-${w.to}`).join(', '));
}

/**
 * The typed days back to windows. A piece that is not "from-to" is kept as typed in `from`, so the shared
 * schema refuses it with its own message beside that day.
 */
export function textToHours(days: string[]): OpeningHours {
  return days.map((text) =>
    text
      .split(/[,，;；\s]+/)
      .filter(Boolean)
      .map((piece) => {
        const [from = piece, to = ''] = piece.split(/[-–~～至]/);
        return { from: from.trim(), to: to.trim() };
      }),
  );
}

/** A short summary for the list: days with the same hours together ("周一、周二… 07:00-21:00"), all seven as `everyDay`. */
export function hoursSummary(hours: OpeningHours, names: { days: string[]; closed: string; everyDay: string }): string {
  const texts = hoursToText(hours);
  const groups = new Map<string, number[]>();
  for (const d of WEEK_ORDER) groups.set(texts[d] ?? '', [...(groups.get(texts[d] ?? '') ?? []), d]);
  return [...groups]
    .map(([text, days]) => `${days.length === 7 ? names.everyDay : days.map((d) => names.days[d]).join('、')} ${text || names.closed}`)
    .join('；');
}
