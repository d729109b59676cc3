import type {
  Complaint,
  ComplaintFollowUp,
  ComplaintListItem,
  ComplaintListQuery,
  ComplaintPromise,
  ComplaintSettings,
  ComplaintStepRecord,
  ComplaintTransfer,
} from '@kefu/shared/complaint';
import type { ComplaintAction } from '@kefu/shared/complaint-workflow';
import type { Customer } from '@kefu/shared/customer';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type FollowUp = ComplaintFollowUp;
export type ListParams = Partial<Omit<ComplaintListQuery, 'limit' | 'cursor'>>;

const base = '/api/v1/complaints';
/** The queue is read again every minute: countdowns are corrected by the server's working-time clock. */
const REFRESH_MS = 60_000;

function paged<T>(key: unknown[], path: string, query: Record<string, string | number | boolean | undefined>, refetchInterval?: number) {
  return {
    queryKey: key,
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => api.get<Page<T>>(path, { ...query, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval,
  };
}

export function useComplaintList(params: ListParams) {
  return useInfiniteQuery(paged<ComplaintListItem>(['complaints', 'list', params], base, params, REFRESH_MS));
}

export function useComplaint(id: string) {
  return useQuery({ queryKey: ['complaints', 'one', id], queryFn: () => api.get<Complaint>(`${base}/${id}`), refetchInterval: REFRESH_MS });
}

export function useComplaintSteps(id: string) {
  return useQuery({ queryKey: ['complaints', 'steps', id], queryFn: () => api.get<ComplaintStepRecord[]>(`${base}/${id}/steps`) });
}

export function useCaseTransfers(id: string) {
  return useQuery({ queryKey: ['complaints', 'transfers', id], queryFn: () => api.get<ComplaintTransfer[]>(`${base}/${id}/transfers`) });
}

export function useFollowUps(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['complaints', 'follow-ups', id], queryFn: () => api.get<FollowUp[]>(`${base}/${id}/follow-ups`), enabled });
}

/** The customer a complaint is registered for (opened from the customer's page); the same cache entry as that page's. */
export function useLinkedCustomer(id: string | null) {
  return useQuery({ queryKey: ['customers', 'one', id], queryFn: () => api.get<Customer>(`/api/v1/customers/${id}`), enabled: !!id });
}

/** The manager's settings (the approval threshold is shown beside the compensation). */
export function useComplaintSettings(enabled = true) {
  return useQuery({
    queryKey: ['complaint-settings'],
    queryFn: () => api.get<ComplaintSettings>('/api/v1/complaint-settings'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useTransferInbox(open: boolean) {
  return useInfiniteQuery(paged<ComplaintTransfer>(['complaint-transfers', { open }], '/api/v1/complaint-transfers', { open: open || undefined }, REFRESH_MS));
}

export function usePromiseList(params: { mine?: boolean; overdue?: boolean; open?: boolean; complaintId?: string }) {
  return useInfiniteQuery(paged<ComplaintPromise>(['complaint-promises', params], '/api/v1/complaint-promises', params, REFRESH_MS));
}

/** After any change: the case (when we have it), and every list that may show it. */
function useChanged() {
  const qc = useQueryClient();
  return (complaint?: Complaint) => {
    if (complaint) qc.setQueryData(['complaints', 'one', complaint.id], complaint);
    const keep = (key: readonly unknown[]) => complaint !== undefined && key[1] === 'one' && key[2] === complaint.id;
    void qc.invalidateQueries({ queryKey: ['complaints'], predicate: (q) => !keep(q.queryKey) });
    void qc.invalidateQueries({ queryKey: ['complaint-transfers'] });
    void qc.invalidateQueries({ queryKey: ['complaint-promises'] });
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useRegisterComplaint() {
  const changed = useChanged();
  return useMutation({ mutationFn: (body: unknown) => api.post<Complaint>(base, body), onSuccess: changed });
}

/** The URL of each action: steps and side actions under the case; transfers and promises are records of their own. */
export const ACTION_PATHS: Record<ComplaintAction, string> = {
  acknowledge: 'acknowledge',
  verify: 'verify',
  propose: 'propose',
  approve: 'approve',
  reject: 'reject',
  resolve: 'resolve',
  recordFeedback: 'feedback',
  close: 'close',
  reopen: 'reopen',
  pause: 'pause',
  resume: 'resume',
  assign: 'assign',
  transfer: 'transfers',
  promise: 'promises',
};
const CREATES_RECORD = new Set<ComplaintAction>(['transfer', 'promise']);

export function useComplaintAction(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: async ({ action, body }: { action: ComplaintAction; body: unknown }) => {
      const answer = await api.post<unknown>(`${base}/${id}/${ACTION_PATHS[action]}`, body);
      // a transfer or a promise answers with its own record: the case changed too (counts, version)
      return CREATES_RECORD.has(action) ? undefined : (answer as Complaint);
    },
    onSuccess: (complaint) => changed(complaint),
    onError: () => changed(),
  });
}

export function useAnswerTransfer() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => api.post<ComplaintTransfer>(`/api/v1/complaint-transfers/${id}/answer`, { answer }),
    onSuccess: () => changed(),
  });
}

export function useKeepPromise() {
  const changed = useChanged();
  return useMutation({ mutationFn: (id: string) => api.post<ComplaintPromise>(`/api/v1/complaint-promises/${id}/keep`, {}), onSuccess: () => changed() });
}

export function useFollowUpDone() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string | null }) => api.post<FollowUp>(`/api/v1/complaint-follow-ups/${id}/done`, { note }),
    onSuccess: () => changed(),
  });
}

/** Approve or reject from the approval list, with the version of the case as the list card read it. */
export function useDecideProposal() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async ({ complaint, decision, text }: { complaint: Complaint; decision: 'approve' | 'reject'; text: string }) =>
      api.post<Complaint>(
        `${base}/${complaint.id}/${decision}`,
        decision === 'approve' ? { version: complaint.version, note: text || null } : { version: complaint.version, reason: text },
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}
