import type { RoomBooking, RoomBookingCancelInput, RoomBookingChangeInput, RoomBookingCreateInput, RoomBookingListItem } from '@kefu/shared/room-booking';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

const KEY = ['room-bookings'] as const;

export function useRoomList(q: string, includeCancelled: boolean) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', q, includeCancelled],
    queryFn: ({ pageParam }) =>
      api.get<{ items: RoomBookingListItem[]; nextCursor: string | null }>('/api/v1/room-bookings', {
        q: q || undefined,
        includeCancelled: includeCancelled ? 'true' : undefined,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRoomBooking(id: string) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<RoomBooking>(`/api/v1/room-bookings/${id}`) });
}

/** A new form (one Idempotency-Key per person's action), a change or a cancellation: each answers the new version. */
export function useRoomWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      w:
        | { kind: 'new'; body: RoomBookingCreateInput; idempotencyKey: string }
        | { kind: 'change'; id: string; body: RoomBookingChangeInput }
        | { kind: 'cancel'; id: string; body: RoomBookingCancelInput },
    ) =>
      w.kind === 'new'
        ? request<RoomBooking>('POST', '/api/v1/room-bookings', w.body, { headers: { 'idempotency-key': w.idempotencyKey } })
        : api.post<RoomBooking>(`/api/v1/room-bookings/${w.id}/${w.kind}`, w.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
