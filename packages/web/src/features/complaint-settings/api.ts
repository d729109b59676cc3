import type { ComplaintSettings } from '@kefu/shared/complaint';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** The same cache entry the complaint screens read the threshold from, so a save shows there at once. */
const KEY = ['complaint-settings'] as const;
const PATH = '/api/v1/complaint-settings';

/** Read fresh when the settings screen opens (the complaint screens keep theirs for minutes). */
export function useComplaintSettingsForEdit() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<ComplaintSettings>(PATH), staleTime: 0 });
}

/** Optimistic: every screen shows the new settings while the request runs; a refusal puts the old ones back. */
export function useSaveComplaintSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintSettings) => api.put<ComplaintSettings>(PATH, body),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: KEY });
      const before = queryClient.getQueryData<ComplaintSettings>(KEY);
      queryClient.setQueryData(KEY, body);
      return { before };
    },
    onError: (_err, _body, context) => {
      if (context?.before) queryClient.setQueryData(KEY, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}
