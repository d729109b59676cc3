import type {
  FollowUpCampaign,
  FollowUpCampaignReport,
  FollowUpKpis,
  FollowUpOutcomeCode,
  FollowUpSettings,
  FollowUpTask,
  FollowUpTaskDetail,
} from '@kefu/shared/follow-up';
import type { RenderedScript } from '@kefu/shared/script';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, withQuery } from '../../lib/api-client';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface TaskQuery {
  status?: 'open' | 'closed';
  due?: 'today' | 'all';
  overdue?: boolean;
  assigneeId?: string;
  campaignId?: string;
  toCheck?: boolean;
  limit?: number;
}
export interface Agent {
  id: string;
  name: string;
  open: number;
}

const tasks = '/api/v1/follow-up-tasks';

export function useTasks(q: TaskQuery) {
  return useQuery({
    queryKey: ['follow-ups', 'tasks', q],
    queryFn: () => api.get<Page<FollowUpTask>>(tasks, { limit: 100, ...q }),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({ queryKey: ['follow-ups', 'task', id], queryFn: () => api.get<FollowUpTaskDetail>(`${tasks}/${id}`) });
}

/** Every change answers the task screen again: it replaces the cached one, and the lists are refetched. */
function useTaskChange<V>(id: string, call: (v: V) => Promise<FollowUpTaskDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (d) => {
      qc.setQueryData(['follow-ups', 'task', id], d);
      void qc.invalidateQueries({ queryKey: ['follow-ups', 'tasks'] });
    },
  });
}

export function useOutcome(id: string) {
  return useTaskChange(id, (v: { outcome: FollowUpOutcomeCode; version: number; note?: string; callbackAt?: string }) =>
    api.post<FollowUpTaskDetail>(`${tasks}/${id}/attempts`, v),
  );
}

export function useSaveRecord(id: string) {
  return useTaskChange(
    id,
    (v: { satisfaction: number | null; opinions: string | null; issuesFound: string | null; hasIssue: boolean; invited: boolean | null; version?: number }) =>
      api.put<FollowUpTaskDetail>(`${tasks}/${id}/record`, v),
  );
}

export function useCheck(id: string) {
  return useTaskChange(id, (v: { ok: boolean; note: string | null; version: number }) => api.post<FollowUpTaskDetail>(`${tasks}/${id}/check`, v));
}

export function useRaiseIssue(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: 'complaint' | 'transfer'; version: number; departmentId?: string; dueAt?: string }) =>
      api.post<{ complaintId: string; number: string }>(`${tasks}/${id}/issue`, v),
    // also after a failure: a press that failed half way has claimed the record (a new version), and the
    // next press, with that version, finishes the same complaint instead of making another
    onSettled: () => void qc.invalidateQueries({ queryKey: ['follow-ups', 'task', id] }),
  });
}

/** The script named by the task, filled in for its customer (the scripts area); none when it fails. */
export function useScript(code: string | null, customerId: string) {
  return useQuery({
    queryKey: ['scripts', 'render', code, customerId],
    queryFn: () => api.get<RenderedScript>(`/api/v1/scripts/${code}/render`, { customerId }),
    enabled: Boolean(code),
    retry: false,
  });
}

export function useAgents(enabled = true) {
  return useQuery({ queryKey: ['follow-ups', 'agents'], queryFn: () => api.get<{ items: Agent[] }>('/api/v1/follow-up-agents'), enabled });
}

export function useDistribute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskIds: string[]; agentIds: string[] }) =>
      api.post<{ moved: number; loads: { agent: { id: string; name: string }; open: number }[] }>(`${tasks}/distribute`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { customerId: string; reason: string; dueAt: string; priority: number; assigneeId: string | null }) =>
      api.post<FollowUpTaskDetail>(tasks, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useCampaigns(enabled = true) {
  return useQuery({ queryKey: ['follow-ups', 'campaigns'], queryFn: () => api.get<{ items: FollowUpCampaign[] }>('/api/v1/follow-up-campaigns'), enabled });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; purpose: string; targetSuccessRate: number | null; startsOn: string; endsOn: string }) =>
      api.post<FollowUpCampaign>('/api/v1/follow-up-campaigns', v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['follow-ups', 'campaigns'] }),
  });
}

export function useCampaignTasks(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { filter: Record<string, string>; reason: string; dueAt: string; priority: number; agentIds: string[] }) =>
      api.post<{ created: number; matched: number }>(`/api/v1/follow-up-campaigns/${id}/tasks`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useUpdateCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: number; summary?: string | null; active?: boolean }) => api.patch<FollowUpCampaign>(`/api/v1/follow-up-campaigns/${id}`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useKpis(q: { by: string; from: string; to: string }) {
  return useQuery({
    queryKey: ['follow-ups', 'kpis', q],
    queryFn: () => api.get<FollowUpKpis>('/api/v1/follow-up-kpis', q),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignReport(id: string | null) {
  return useQuery({
    queryKey: ['follow-ups', 'report', id],
    queryFn: () => api.get<FollowUpCampaignReport>(`/api/v1/follow-up-campaigns/${id}/report`),
    enabled: Boolean(id),
  });
}

export function useDownload() {
  return useMutation({ mutationFn: (v: { path: string; query?: Record<string, string> }) => downloadFile(withQuery(v.path, v.query)) });
}

export function useFollowUpSettings(enabled = true) {
  return useQuery({ queryKey: ['follow-ups', 'settings'], queryFn: () => api.get<FollowUpSettings>('/api/v1/follow-up-settings'), enabled });
}

export function useSaveFollowUpSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: FollowUpSettings) => api.put<FollowUpSettings>('/api/v1/follow-up-settings', v),
    onSuccess: (s) => qc.setQueryData(['follow-ups', 'settings'], s),
  });
}

export function useDepartmentList(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/v1/departments'),
    select: (d) => d.items,
    enabled,
  });
}
