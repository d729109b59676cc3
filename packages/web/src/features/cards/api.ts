import type { CardMovementInput } from '@kefu/shared/card';
import type { z } from 'zod';
import type {
  cardAdjustmentSchema,
  cardEntrySchema,
  cardMovementResultSchema,
  cardReceiptSchema,
  cardSchema,
  cardSettingsSchema,
  cardTypeSchema,
  cardVerifySchema,
  renewalItemSchema,
  ADJUSTMENT_STATES,
} from '@kefu/shared/card';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

export type Card = z.infer<typeof cardSchema>;
export type CardEntry = z.infer<typeof cardEntrySchema>;
export type CardType = z.infer<typeof cardTypeSchema>;
export type CardReceipt = z.infer<typeof cardReceiptSchema>;
export type CardAdjustment = z.infer<typeof cardAdjustmentSchema>;
export type MovementResult = z.infer<typeof cardMovementResultSchema>;
export type RenewalItem = z.infer<typeof renewalItemSchema>;
export type VerifyResult = z.infer<typeof cardVerifySchema>;
export type CardSettings = z.infer<typeof cardSettingsSchema>;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A balance-moving request: the Idempotency-Key makes a retry or a second click answer the first result. */
function postOnce<T>(path: string, body: unknown, key: string): Promise<T> {
  return request<T>('POST', path, body, { headers: { 'Idempotency-Key': key } });
}

export function useCard(id: string) {
  return useQuery({ queryKey: ['cards', 'one', id], queryFn: () => api.get<Card>(`/api/v1/cards/${id}`) });
}

export function useCardList(query: { customerId?: string; q?: string }, enabled = true) {
  return useQuery({
    queryKey: ['cards', 'list', query],
    queryFn: () => api.get<Page<Card>>('/api/v1/cards', { ...query, limit: 100 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCardEntries(id: string) {
  return useInfiniteQuery({
    queryKey: ['cards', 'entries', id],
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => api.get<Page<CardEntry>>(`/api/v1/cards/${id}/entries`, { cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<CardEntry>) => last.nextCursor ?? undefined,
  });
}

export function useCardTypes(enabled = true) {
  return useQuery({ queryKey: ['card-types'], queryFn: () => api.get<{ items: CardType[] }>('/api/v1/card-types'), staleTime: 60_000, enabled });
}

/** The refund policy (seed 004 不退费) decides whether 退费 is offered at all. */
export function useCardSettings() {
  return useQuery({ queryKey: ['card-settings'], queryFn: () => api.get<CardSettings>('/api/v1/card-settings'), staleTime: 60_000 });
}

export function useReceipt(entryId: string | null) {
  return useQuery({
    queryKey: ['card-receipt', entryId],
    queryFn: () => api.get<CardReceipt>(`/api/v1/card-entries/${entryId}/receipt`),
    enabled: !!entryId,
  });
}

export function useRenewals() {
  return useQuery({ queryKey: ['cards', 'renewals'], queryFn: () => api.get<{ items: RenewalItem[] }>('/api/v1/cards/renewals', { limit: 200 }) });
}

export function useAdjustments(state: AdjustmentState) {
  return useQuery({ queryKey: ['card-adjustments', state], queryFn: () => api.get<Page<CardAdjustment>>('/api/v1/card-adjustments', { state }) });
}

/** After anything that moves a balance: the cards, their ledgers and the lists that show them are read again. */
function useRefreshCards() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['cards'] }), qc.invalidateQueries({ queryKey: ['card-adjustments'] })]);
}

export function useIssueCard() {
  const refresh = useRefreshCards();
  return useMutation({ mutationFn: (body: { typeId: string; customerId: string }) => api.post<Card>('/api/v1/cards', body), onSuccess: refresh });
}

/** 冻结 / 解冻 / 注销, by the card's version: a card someone else changed meanwhile answers 409. */
export function useChangeStatus(cardId: string) {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: (body: { status: 'active' | 'frozen' | 'closed'; version: number }) => api.post<Card>(`/api/v1/cards/${cardId}/status`, body),
    onSettled: refresh,
  });
}

export function useMove(cardId: string) {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: ({ body, key }: { body: CardMovementInput; key: string }) => postOnce<MovementResult>(`/api/v1/cards/${cardId}/entries`, body, key),
    onSuccess: refresh,
  });
}

export function useTransfer(cardId: string) {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: ({ body, key }: { body: { toCardId: string; amount: number; note?: string }; key: string }) =>
      postOnce<MovementResult>(`/api/v1/cards/${cardId}/transfer`, body, key),
    onSuccess: refresh,
  });
}

export function useReverse() {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: ({ entryId, reason, key }: { entryId: string; reason: string; key: string }) =>
      postOnce<MovementResult>(`/api/v1/card-entries/${entryId}/reverse`, { reason }, key),
    onSuccess: refresh,
  });
}

export function useRequestAdjustment(cardId: string) {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: (body: { amount: number; reason: string }) => api.post<CardAdjustment>(`/api/v1/cards/${cardId}/adjustments`, body),
    onSuccess: refresh,
  });
}

export function useDecideAdjustment() {
  const refresh = useRefreshCards();
  return useMutation({
    mutationFn: ({ id, approve, key }: { id: string; approve: boolean; key: string }) =>
      postOnce<CardAdjustment>(`/api/v1/card-adjustments/${id}/decide`, { approve }, key),
    onSuccess: refresh,
  });
}

export function useVerifyLedger() {
  return useMutation({ mutationFn: () => api.post<VerifyResult>('/api/v1/cards/verify') });
}

export function useCreateCardType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CardType>('/api/v1/card-types', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['card-types'] }),
  });
}

/** A type switched on or off (only new cards are affected), by its version. */
export function useUpdateCardType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.patch<CardType>(`/api/v1/card-types/${id}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['card-types'] }),
  });
}

export function useSaveCardSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CardSettings) => api.put<CardSettings>('/api/v1/card-settings', body),
    onSuccess: (saved) => qc.setQueryData(['card-settings'], saved),
  });
}
