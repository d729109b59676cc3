import type { ArchiveSettings, Category } from '@kefu/shared/settings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export function useArchiveSettings() {
  return useQuery({ queryKey: ['settings', 'archive'], queryFn: () => api.get<ArchiveSettings>('/api/v1/settings/archive') });
}

export function useSaveArchiveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArchiveSettings) => api.put<ArchiveSettings>('/api/v1/settings/archive', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings', 'archive'], saved);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.put<Category>('/api/v1/customer-categories', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['customer-categories'] }),
  });
}
