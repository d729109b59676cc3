import type { CalendarDay, CalendarDayEntry } from '@kefu/shared';
import type { DayOverrideRow } from './calendar.repo';

/**
 * The effective special days: the shipped ones, with the manager's overrides on top (an override of
 * kind `normal` takes the date back to the working week).
 */
export function mergeDays(shipped: readonly CalendarDay[], overrides: readonly DayOverrideRow[]): CalendarDay[] {
  const byDate = new Map(shipped.map((d) => [d.date, d]));
  for (const o of overrides) {
    if (o.kind === 'normal') byDate.delete(o.date);
    else byDate.set(o.date, { date: o.date, kind: o.kind, name: o.name });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** One year's special days as the 工作日历 page lists them: each with where it comes from. */
export function yearEntries(year: number, shipped: readonly CalendarDay[], overrides: readonly DayOverrideRow[]): CalendarDayEntry[] {
  const prefix = `${year}-`;
  const entries = new Map<string, CalendarDayEntry>();
  for (const d of shipped) {
    if (d.date.startsWith(prefix)) entries.set(d.date, { ...d, source: 'shipped', shipped: null, updatedAt: null, updatedBy: null });
  }
  for (const o of overrides) {
    if (!o.date.startsWith(prefix)) continue;
    entries.set(o.date, toEntry(o, shipped.find((d) => d.date === o.date) ?? null));
  }
  return [...entries.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function toEntry(o: DayOverrideRow, shipped: CalendarDay | null): CalendarDayEntry {
  return {
    date: o.date,
    kind: o.kind,
    name: o.name,
    source: 'manual',
    shipped: shipped ? { kind: shipped.kind, name: shipped.name } : null,
    updatedAt: o.updated_at.toISOString(),
    updatedBy: o.updated_by_name,
  };
}
