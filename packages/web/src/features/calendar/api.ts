import type { CalendarConfig } from '@kefu/shared/calendar/config';
import type { CalendarCoverage, CalendarDayBody, CalendarDayEntry, CalendarYear } from '@kefu/shared/calendar/schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

const KEY = ['calendar'] as const;

export function useCalendarConfig() {
  return useQuery({ queryKey: [...KEY, 'config'], queryFn: () => api.get<CalendarConfig>('/api/v1/calendar/config') });
}

export function useCalendarCoverage() {
  return useQuery({ queryKey: [...KEY, 'coverage'], queryFn: () => api.get<CalendarCoverage>('/api/v1/calendar/coverage') });
}

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: [...KEY, 'year', year], queryFn: () => api.get<CalendarYear>(`/api/v1/calendar/years/${year}`) });
}

/** Any change to the calendar moves deadlines: the complaint screens reload theirs too. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: KEY });
    void queryClient.invalidateQueries({ queryKey: ['complaints'] });
  };
}

export function useSaveCalendarConfig() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CalendarConfig) => api.put<CalendarConfig>('/api/v1/calendar/config', body), onSuccess: invalidate });
}

export function useSetCalendarDay() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CalendarDayBody) => api.post<CalendarDayEntry>('/api/v1/calendar/days', body), onSuccess: invalidate });
}

export function useRevertCalendarDay() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (date: string) => request<{ ok: true }>('DELETE', `/api/v1/calendar/days/${date}`), onSuccess: invalidate });
}

export function useMarkYear() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ year, covered }: { year: number; covered: boolean }) =>
      request<CalendarCoverage>(covered ? 'POST' : 'DELETE', `/api/v1/calendar/years/${year}/covered`, covered ? {} : undefined),
    onSuccess: invalidate,
  });
}
