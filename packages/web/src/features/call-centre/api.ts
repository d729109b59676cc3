import type { Interaction, InteractionListQuery, InteractionUpdate } from '@kefu/shared/interaction';
import type { Customer } from '@kefu/shared/customer';
import type { CallCard, DialInput } from '@kefu/shared/telephony';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api-client';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type CallLogFilter = Partial<Omit<InteractionListQuery, 'limit' | 'cursor'>>;

/** The pop's card: fetched when the stream names a call (the stream carries ids only). */
export function useCallCard(callId: string | null, state: string | null) {
  return useQuery({
    queryKey: ['call-card', callId, state],
    queryFn: () => api.get<CallCard>(`/api/v1/telephony/calls/${encodeURIComponent(callId!)}/card`),
    enabled: Boolean(callId),
    staleTime: 5_000,
  });
}

export function useInteractions(filter: CallLogFilter, limit = 50) {
  return useInfiniteQuery({
    queryKey: ['interactions', filter, limit],
    queryFn: ({ pageParam }) => api.get<Page<Interaction>>(withQuery('/api/v1/interactions', { ...filter, limit, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function callLogExportUrl(filter: CallLogFilter): string {
  return withQuery('/api/v1/interactions/export.xlsx', { ...filter });
}

export function useRecordInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<Interaction>('/api/v1/interactions', input),
    onSuccess: () => invalidate(qc),
  });
}

export function useUpdateInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: InteractionUpdate & { id: string }) => api.patch<Interaction>(`/api/v1/interactions/${id}`, patch),
    onSuccess: () => invalidate(qc),
  });
}

export function useInteraction(id: string | null) {
  return useQuery({ queryKey: ['interactions', 'one', id], queryFn: () => api.get<Interaction>(`/api/v1/interactions/${id}`), enabled: Boolean(id) });
}

/** An unknown caller's new customer, saved through the call: the server links the call (and its interaction) in the same commit. */
export function useCallCustomer(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<Customer>(`/api/v1/telephony/calls/${encodeURIComponent(callId)}/customer`, input),
    onSuccess: () => invalidate(qc),
  });
}

/** Click-to-call: the server rings the agent's extension and then dials the real number. */
export function useDial() {
  return useMutation({ mutationFn: (input: DialInput) => api.post<{ callId: string }>('/api/v1/telephony/dial', input) });
}

function invalidate(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: ['interactions'] });
  void qc.invalidateQueries({ queryKey: ['call-card'] });
  void qc.invalidateQueries({ queryKey: ['customers'] });
}
