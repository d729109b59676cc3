import type { Inquiry, InquiryCreate } from '@kefu/shared/inquiry';
import type { Article } from '@kefu/shared/knowledge';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface InquiryQuery {
  q?: string | undefined;
  category?: string | undefined;
  customerId?: string | undefined;
  unpromoted?: 'true' | undefined;
}

export function useInquiries(query: InquiryQuery, enabled = true) {
  return useQuery({
    queryKey: ['inquiries', 'list', query],
    queryFn: () => api.get<Page<Inquiry>>('/api/v1/inquiries', { ...query, limit: 100 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRecordInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<InquiryCreate>) => api.post<Inquiry>('/api/v1/inquiries', body),
    onSuccess: (i) => {
      void qc.invalidateQueries({ queryKey: ['inquiries', 'list'] });
      // the inquiry is on the customer's timeline
      if (i.customer) void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function usePromoteInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title, publish }: { id: string; title?: string; publish: boolean }) =>
      api.post<Article>(`/api/v1/inquiries/${id}/promote`, { ...(title ? { title } : {}), publish }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['inquiries', 'list'] });
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
    },
  });
}
