import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface Notification {
  id: string;
  kind: string;
  /** in the reader's language (the server translates) */
  title: string;
  body: string | null;
  /** where clicking takes the reader (a case page…) */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface NotificationPage {
  items: Notification[];
  unread: number;
  nextCursor: string | null;
}

/** In-app notifications (a deadline at risk or breached, a transfer to answer…): asked again every 30 s. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationPage>('/api/v1/notifications', { limit: 10 }),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api.post(id === 'all' ? '/api/v1/notifications/read-all' : `/api/v1/notifications/${id}/read`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
