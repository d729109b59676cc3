import type { Customer, CustomerListItem, TimelineEvent } from '@kefu/shared/customer';
import type { LifecycleAction } from '@kefu/shared/customer-lifecycle';
import type { Category } from '@kefu/shared/settings';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface StaffMember {
  id: string;
  displayName: string;
  roles: string[];
  agentNo: string | null;
}
export interface HistoryEntry {
  id: string;
  at: string;
  actorName: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}
export type CustomerListName = 'big' | 'churn_risk' | 'birthday_week' | 'birthday_month';
export interface CustomerListParams {
  q?: string;
  list?: CustomerListName;
  lifecycle?: string;
  tierCode?: string;
  classCode?: string;
  ownerId?: string;
  tag?: string;
}

const base = '/api/v1/customers';

export function useCustomerList(params: CustomerListParams) {
  return useInfiniteQuery({
    queryKey: ['customers', 'list', params],
    queryFn: ({ pageParam }) => api.get<Page<CustomerListItem>>(base, { ...params, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: ['customers', 'one', id], queryFn: () => api.get<Customer>(`${base}/${id}`) });
}

export function useCategories() {
  return useQuery({
    queryKey: ['customer-categories'],
    queryFn: () => api.get<{ items: Category[] }>('/api/v1/customer-categories'),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useStaff() {
  return useQuery({ queryKey: ['staff'], queryFn: () => api.get<{ items: StaffMember[] }>('/api/v1/staff'), staleTime: 5 * 60_000, select: (d) => d.items });
}

/** Customers who already have this mobile; only asked once it is a whole valid number. */
export function useDuplicates(mobile: string | null) {
  return useQuery({
    queryKey: ['customers', 'duplicates', mobile],
    queryFn: () => api.get<{ items: CustomerListItem[] }>(`${base}/duplicates`, { mobile }),
    enabled: !!mobile,
    select: (d) => d.items,
  });
}

export function useTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'timeline', id],
    queryFn: ({ pageParam }) => api.get<Page<TimelineEvent>>(`${base}/${id}/timeline`, { cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useHistory(id: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'history', id],
    queryFn: ({ pageParam }) => api.get<Page<HistoryEntry>>(`${base}/${id}/history`, { cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After a change to one customer: its record, timeline and history, and every list. */
function useCustomerChanged() {
  const queryClient = useQueryClient();
  return (customer?: Customer) => {
    if (customer) queryClient.setQueryData(['customers', 'one', customer.id], customer);
    void queryClient.invalidateQueries({ queryKey: ['customers'], predicate: (q) => !(customer && q.queryKey[1] === 'one' && q.queryKey[2] === customer.id) });
  };
}

export function useCreateCustomer() {
  const changed = useCustomerChanged();
  return useMutation({ mutationFn: (body: unknown) => api.post<Customer>(base, body), onSuccess: changed });
}

export function useUpdateCustomer(id: string) {
  const changed = useCustomerChanged();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api.patch<Customer>(`${base}/${id}`, body), onSuccess: changed });
}

export function useReveal(id: string) {
  return useMutation({ mutationFn: () => api.post<{ mobile: string | null; otherPhones: string[]; idNumber: string | null }>(`${base}/${id}/reveal`) });
}

export function useLifecycleAction(id: string) {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: (body: { action: LifecycleAction; version: number; reason?: string }) => api.post<Customer>(`${base}/${id}/lifecycle`, body),
    onSuccess: changed,
  });
}

export function useMerge(id: string) {
  const changed = useCustomerChanged();
  return useMutation({ mutationFn: (body: { otherId: string; version: number }) => api.post<Customer>(`${base}/${id}/merge`, body), onSuccess: changed });
}

interface AssignResult {
  assigned: number;
  byOwner: Record<string, number>;
}
export function useAssign() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: (body: { customerIds: string[]; ownerId: string }) => api.post<AssignResult>(`${base}/assign`, body),
    onSuccess: () => changed(),
  });
}

export function useDistribute() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: (body: { customerIds: string[]; agentIds: string[] }) => api.post<AssignResult>(`${base}/distribute`, body),
    onSuccess: () => changed(),
  });
}
