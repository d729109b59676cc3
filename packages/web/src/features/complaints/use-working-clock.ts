import { createBusinessCalendar, type BusinessCalendar } from '@kefu/shared/calendar/business-calendar';
import { workingTimeBetween } from '@kefu/shared/calendar/working-time';
import type { CalendarConfig } from '@kefu/shared/calendar/config';
import type { CalendarYear } from '@kefu/shared/calendar/schemas';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../lib/api-client';

const HOUR = 3_600_000;

/**
 * The department's business calendar, read once (the same cache entries as the 工作日历 page), so a
 * countdown only runs during working time: at 19:00 "剩余 2小时" stays 2 hours until the next morning.
 */
function useBusinessCalendar(): BusinessCalendar | null {
  const year = new Date().getFullYear();
  const config = useQuery({ queryKey: ['calendar', 'config'], queryFn: () => api.get<CalendarConfig>('/api/v1/calendar/config'), staleTime: HOUR });
  const days = useQuery({ queryKey: ['calendar', 'year', year], queryFn: () => api.get<CalendarYear>(`/api/v1/calendar/years/${year}`), staleTime: HOUR });
  return useMemo(() => {
    if (!config.data || !days.data) return null;
    const special = days.data.days.flatMap((d) => (d.kind === 'normal' ? [] : [{ date: d.date, kind: d.kind, name: d.name }]));
    return createBusinessCalendar(config.data, special, days.data.coveredBy ? [year] : []);
  }, [config.data, days.data, year]);
}

/** Working milliseconds between two instants; wall time until the calendar has loaded (the lists correct it every minute). */
export function useWorkingElapsed(): (from: number, to: number) => number {
  const cal = useBusinessCalendar();
  return useMemo(() => (from: number, to: number) => (cal ? workingTimeBetween(cal, new Date(from), new Date(to)) : Math.max(0, to - from)), [cal]);
}
