import type {
  ChecklistTickInput,
  GroupBooking,
  GroupBookingCreateInput,
  GroupBookingListItem,
  GroupChecklistItem,
  GroupStatus,
  GroupSettings,
  RosterUpdateInput,
} from '@kefu/shared/group-booking';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

const KEY = ['group-bookings'] as const;

export function useGroupList(q: string, status: GroupStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', q, status],
    queryFn: ({ pageParam }) =>
      api.get<{ items: GroupBookingListItem[]; nextCursor: string | null }>('/api/v1/group-bookings', {
        q: q || undefined,
        status,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<GroupBooking>(`/api/v1/group-bookings/${id}`) });
}

/** Taking a group booking, with one Idempotency-Key per person's action (resent on a retry). */
export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: GroupBookingCreateInput; idempotencyKey: string }) =>
      request<GroupBooking>('POST', '/api/v1/group-bookings', body, { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The group's steps: every answer is the whole group, put straight into the page's cache. */
export function useGroupStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      step:
        | { kind: 'roster'; body: RosterUpdateInput }
        | { kind: 'tick'; item: GroupChecklistItem; body: ChecklistTickInput }
        | { kind: 'cancel'; body: { reason: string; version: number } }
        | { kind: 'complete'; body: { version: number } },
    ) => {
      const base = `/api/v1/group-bookings/${id}`;
      if (step.kind === 'roster') return api.put<GroupBooking>(`${base}/roster`, step.body);
      if (step.kind === 'tick') return api.put<GroupBooking>(`${base}/checklist/${step.item}`, step.body);
      return api.post<GroupBooking>(`${base}/${step.kind}`, step.body);
    },
    onSuccess: (g) => {
      qc.setQueryData([...KEY, 'one', id], g);
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useGroupSettings() {
  return useQuery({ queryKey: [...KEY, 'settings'], queryFn: () => api.get<GroupSettings>('/api/v1/group-bookings/settings'), staleTime: 5 * 60_000 });
}
