import type { NotificationPage } from '@kefu/shared/notification';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

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
