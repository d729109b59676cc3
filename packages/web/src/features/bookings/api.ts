import type {
  Booking,
  BookingChannel,
  ExceptionListItem,
  OpeningHours,
  Resource,
  ResourceCreateInput,
  ResourceUpdateInput,
  SuggestedSlot,
} from '@kefu/shared/booking';
import type { ClosureDetail, ClosureRequest } from '@kefu/shared/booking-extras';
import type { CalendarConfig } from '@kefu/shared/calendar/config';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

const KEY = ['bookings'] as const;

export function useResources(all = false) {
  return useQuery({ queryKey: ['resources', { all }], queryFn: () => api.get<{ items: Resource[] }>('/api/v1/resources', { all }) });
}

/** The department's time zone: the schedule's days and hours are read on its clock, wherever the browser is. */
export function useDepartmentTimeZone(): string | undefined {
  const q = useQuery({ queryKey: ['calendar', 'config'], queryFn: () => api.get<CalendarConfig>('/api/v1/calendar/config'), staleTime: 10 * 60_000 });
  return q.data?.timeZone;
}

export function useDayBookings(resourceId: string | undefined, date: string) {
  return useQuery({
    queryKey: [...KEY, 'day', resourceId, date],
    queryFn: () => api.get<{ items: Booking[] }>('/api/v1/bookings', { resourceId, date }),
    enabled: !!resourceId,
    refetchInterval: 60_000,
  });
}

export function useCustomerBookings(customerId: string) {
  return useQuery({ queryKey: [...KEY, 'customer', customerId], queryFn: () => api.get<{ items: Booking[] }>('/api/v1/bookings', { customerId, limit: 50 }) });
}

export function useBooking(id: string) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<Booking>(`/api/v1/bookings/${id}`) });
}

/** The manager's exception requests, waiting (oldest first) or decided; a decision made anywhere refreshes it (same key prefix). */
export function useExceptionList(status: 'pending' | 'decided') {
  return useInfiniteQuery({
    queryKey: [...KEY, 'exceptions', status],
    queryFn: ({ pageParam }) =>
      api.get<{ items: ExceptionListItem[]; nextCursor: string | null }>('/api/v1/bookings/exceptions', { status, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export interface NewBooking {
  customerId: string;
  resourceId: string;
  startsAt: string;
  endsAt: string;
  places: number;
  channel: BookingChannel;
  notes: string;
}

/**
 * Taking a booking. `idempotencyKey` is made once per person's action (one dialog) and sent again on a retry,
 * so a dropped answer never books the customer twice.
 */
export function useCreateBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewBooking; idempotencyKey: string }) =>
      request<Booking>('POST', '/api/v1/bookings', body, { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The quieter times the server offers with its 409 booking.slot_full (seed 004 引导合理排课). */
export function suggestionsOf(err: unknown): SuggestedSlot[] | null {
  if (!isApiError(err) || err.code !== 'booking.slot_full') return null;
  return Array.isArray(err.body.suggestions) ? (err.body.suggestions as SuggestedSlot[]) : [];
}

export type BookingStep =
  | { kind: 'cancel'; body: { via: BookingChannel; reason: string; version: number } }
  | { kind: 'move'; body: { startsAt: string; endsAt: string; via: BookingChannel; version: number } }
  | { kind: 'attendance'; body: { outcome: 'attended' | 'no_show'; version: number } }
  | { kind: 'exception'; body: { reason: 'illness' | 'other'; proofNote: string; attachmentRef: string | null } }
  | { kind: 'exception/decision'; body: { approve: boolean; note: string } };

/** A move of any booking of the schedule (drag to move): the day's list follows the server's answer. */
export function useMoveBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: { id: string; body: { startsAt: string; endsAt: string; via: BookingChannel; version: number } }) =>
      api.post<Booking>(`/api/v1/bookings/${m.id}/move`, m.body),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useBookingStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (step: BookingStep) => api.post<Booking>(`/api/v1/bookings/${id}/${step.kind}`, step.body),
    onSuccess: (b) => {
      qc.setQueryData([...KEY, 'one', id], b);
      return qc.invalidateQueries({ queryKey: KEY });
    },
  });
}

export function useResourceMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['resources'] });
  return {
    create: useMutation({ mutationFn: (body: ResourceCreateInput) => api.post<Resource>('/api/v1/resources', body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ResourceUpdateInput }) => api.patch<Resource>(`/api/v1/resources/${id}`, body),
      onSuccess,
    }),
    // the answer carries the closure with its affected bookings (emails sent, call tasks made)
    addClosure: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ClosureRequest }) =>
        api.post<Resource & { closure: ClosureDetail }>(`/api/v1/resources/${id}/closures`, body),
      onSuccess,
    }),
  };
}
export type { OpeningHours };
