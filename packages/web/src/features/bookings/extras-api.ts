import type { BookingExtrasSettings, ClosureDetail, FeedToken, MailSettings, WaitlistEntry } from '@kefu/shared/booking-extras';
import type { z } from 'zod';
import type { mailStatusSchema } from '@kefu/shared/booking-extras';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

/** The bookings' extras (issue 6): waiting list, closures' affected bookings, calendar links, the sheet's settings. */
export type MailStatus = z.infer<typeof mailStatusSchema>;
export type WaitlistFilter = { resourceId?: string | undefined; status: 'live' | 'offered' | 'all' };
export type WaitlistStep = 'accept' | 'decline' | 'withdraw';
export type FeedTokenCreated = FeedToken & { token: string; path: string };

export function useWaitlist(filter: WaitlistFilter) {
  return useQuery({
    queryKey: ['bookings', 'waitlist', filter],
    queryFn: () => api.get<{ items: WaitlistEntry[] }>('/api/v1/bookings/waitlist', filter),
    // an offer's hold runs out on the server (the watch job): the list follows without a reload
    refetchInterval: 30_000,
  });
}

/** Accept / decline an offer, or take a waiting customer off the list; every booking list follows. */
export function useWaitlistStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, entry }: { step: WaitlistStep; entry: WaitlistEntry }) =>
      api.post<WaitlistEntry>(`/api/v1/bookings/waitlist/${entry.id}/${step}`, { version: entry.version }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

export function useClosure(id: string) {
  return useQuery({ queryKey: ['bookings', 'closure', id], queryFn: () => api.get<ClosureDetail>(`/api/v1/closures/${id}`) });
}

/** The affected bookings' steps; each answers the closure as it now stands. */
export function useClosureSteps(id: string) {
  const qc = useQueryClient();
  const onSuccess = (c: ClosureDetail) => {
    qc.setQueryData(['bookings', 'closure', id], c);
    return qc.invalidateQueries({ queryKey: ['bookings'] });
  };
  return {
    notified: useMutation({
      mutationFn: (bookingId: string) => api.post<ClosureDetail>(`/api/v1/closures/${id}/affected/${bookingId}/notified`),
      onSuccess,
    }),
    resolve: useMutation({
      mutationFn: ({ bookingId, body }: { bookingId: string; body: { action: 'move'; startsAt: string; endsAt: string } | { action: 'cancel' } }) =>
        api.post<ClosureDetail>(`/api/v1/closures/${id}/affected/${bookingId}/resolve`, body),
      onSuccess,
    }),
  };
}

export function useFeedTokens() {
  return useQuery({ queryKey: ['bookings', 'feed-tokens'], queryFn: () => api.get<{ items: FeedToken[] }>('/api/v1/bookings/feed-tokens') });
}

export function useFeedTokenMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['bookings', 'feed-tokens'] });
  return {
    create: useMutation({
      mutationFn: (body: { resourceId?: string; customerId?: string; label: string }) => api.post<FeedTokenCreated>('/api/v1/bookings/feed-tokens', body),
      onSuccess,
    }),
    revoke: useMutation({ mutationFn: (id: string) => request<FeedToken>('DELETE', `/api/v1/bookings/feed-tokens/${id}`), onSuccess }),
  };
}

/** The settings, and whether mail can go out at all (SMTP_URL or the mail setting). */
export function useExtrasSettings() {
  return useQuery({
    queryKey: ['bookings', 'extras-settings'],
    queryFn: () => api.get<BookingExtrasSettings & { mailConfigured: boolean }>('/api/v1/bookings/extras-settings'),
  });
}

export function useMailStatus(enabled: boolean) {
  return useQuery({ queryKey: ['bookings', 'mail-settings'], queryFn: () => api.get<MailStatus>('/api/v1/bookings/mail-settings'), enabled });
}

export function useSettingsMutations() {
  const qc = useQueryClient();
  return {
    extras: useMutation({
      mutationFn: (body: BookingExtrasSettings) => api.put<BookingExtrasSettings>('/api/v1/bookings/extras-settings', body),
      onSuccess: () => qc.invalidateQueries({ queryKey: ['bookings'] }),
    }),
    mail: useMutation({
      mutationFn: (body: MailSettings) => api.put<MailStatus>('/api/v1/bookings/mail-settings', body),
      onSuccess: (s) => {
        qc.setQueryData(['bookings', 'mail-settings'], s);
        return qc.invalidateQueries({ queryKey: ['bookings', 'extras-settings'] });
      },
    }),
  };
}
