import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: string;
  actorName: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}
export interface AuditFilters {
  actor?: string;
  action?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam }) => api.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/v1/audit-log', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
