import type { CustomerExport, CustomerFilter } from '@kefu/shared/customer-export';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from '../../lib/api-client';

const base = '/api/v1/customer-exports';
export type ExportScope = 'mine' | 'pending' | 'all';

export function useExports(scope: ExportScope) {
  return useInfiniteQuery({
    queryKey: ['customer-exports', scope],
    queryFn: ({ pageParam }) => api.get<{ items: CustomerExport[]; nextCursor: string | null }>(base, { scope, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['customer-exports'] });
}

export function useRequestExport() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { reason: string; filter: CustomerFilter }) => api.post<CustomerExport>(base, v), onSuccess: done });
}

export function useDecideExport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; action: 'approve' | 'reject'; note?: string }) =>
      api.post<CustomerExport>(`${base}/${v.id}/${v.action}`, v.note ? { note: v.note } : {}),
    onSuccess: done,
  });
}

export function useDownloadExport() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => downloadFile(`${base}/${id}/file`), onSuccess: done });
}
