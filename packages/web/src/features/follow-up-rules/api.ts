import type { FollowUpRule, FollowUpRuleCode, FollowUpRuleUpdate, Job } from '@kefu/shared/follow-up-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api-client';

export type { FollowUpRule, FollowUpRuleCode, Job };

const RULES = ['follow-up-rules'] as const;
const JOBS = ['jobs'] as const;

export function useFollowUpRules() {
  return useQuery({ queryKey: RULES, queryFn: () => api.get<{ items: FollowUpRule[] }>('/api/v1/follow-up-rules'), staleTime: 0 });
}

/** On/off and params, by the rule's version (a stale one is refused 409 and the list reloads). */
export function useSaveFollowUpRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: FollowUpRuleCode; body: FollowUpRuleUpdate }) =>
      request<FollowUpRule>('PATCH', `/api/v1/follow-up-rules/${code}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: RULES }),
  });
}

export function useRunFollowUpRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: FollowUpRuleCode) => api.post<{ code: FollowUpRuleCode; created: number; ms: number }>(`/api/v1/follow-up-rules/${code}/run`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: RULES }),
  });
}

export function useJobs(enabled: boolean) {
  return useQuery({ queryKey: JOBS, queryFn: () => api.get<{ items: Job[] }>('/api/v1/jobs'), enabled, refetchInterval: 15_000 });
}

export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Job>(`/api/v1/jobs/${name}/run`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: JOBS }),
  });
}
