import type { Activity, ActivityCreateInput, ActivityInviteInput, Invitation } from '@kefu/shared/activity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type { Activity, Invitation };

export function useActivities() {
  return useQuery({ queryKey: ['activities'], queryFn: () => api.get<{ items: Activity[] }>('/api/v1/activities', { limit: 100 }) });
}
export function useActivity(id: string) {
  return useQuery({ queryKey: ['activities', id], queryFn: () => api.get<Activity>(`/api/v1/activities/${id}`) });
}
export function useInvitations(id: string) {
  return useQuery({ queryKey: ['activities', id, 'invitations'], queryFn: () => api.get<{ items: Invitation[] }>(`/api/v1/activities/${id}/invitations`) });
}
export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityCreateInput) => api.post<Activity>('/api/v1/activities', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['activities'] }),
  });
}
export function useInvite(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityInviteInput) => api.post<{ invited: number }>(`/api/v1/activities/${id}/invitations`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['activities'] }),
  });
}
type Step = { customerId: string; action: 'answer' | 'check-in' | 'opinion'; body: Record<string, unknown> };
export function useInvitationStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, action, body }: Step) => api.post<Invitation>(`/api/v1/activities/${id}/invitations/${customerId}/${action}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['activities'] }),
  });
}
