import type { Permission } from '@kefu/shared/permissions';
import type { User } from '@kefu/shared/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface Role {
  name: string;
  labelZh: string;
  labelEn: string;
  permissions: Permission[];
  builtin: boolean;
}
export interface Department {
  id: string;
  name: string;
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function useInvalidate(...keys: string[]) {
  const queryClient = useQueryClient();
  return () => keys.forEach((key) => void queryClient.invalidateQueries({ queryKey: [key] }));
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/api/v1/users'), select: (d) => d.items });
}
export function useCreateUser() {
  const done = useInvalidate('users', 'staff');
  return useMutation({ mutationFn: (body: unknown) => api.post<User>('/api/v1/users', body), onSuccess: done });
}
export function useUpdateUser() {
  const done = useInvalidate('users', 'staff');
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) => api.patch<User>(`/api/v1/users/${id}`, body),
    onSuccess: done,
  });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ items: Role[] }>('/api/v1/roles'), select: (d) => d.items });
}
export function useUpdateRole() {
  const done = useInvalidate('roles', 'session');
  return useMutation({
    mutationFn: ({ name, permissions }: { name: string; permissions: Permission[] }) => api.put(`/api/v1/roles/${name}`, { permissions }),
    onSuccess: done,
  });
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => api.get<{ items: Department[] }>('/api/v1/departments'), select: (d) => d.items });
}
export function useCreateDepartment() {
  const done = useInvalidate('departments');
  return useMutation({ mutationFn: (name: string) => api.post<Department>('/api/v1/departments', { name }), onSuccess: done });
}

export function useApiKeys() {
  return useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<{ items: ApiKey[] }>('/api/v1/api-keys'), select: (d) => d.items });
}
export function useCreateApiKey() {
  const done = useInvalidate('api-keys');
  return useMutation({
    mutationFn: (body: { name: string; permissions: Permission[] }) => api.post<{ key: string; apiKey: ApiKey }>('/api/v1/api-keys', body),
    onSuccess: done,
  });
}
export function useRevokeApiKey() {
  const done = useInvalidate('api-keys');
  return useMutation({ mutationFn: (id: string) => api.post<ApiKey>(`/api/v1/api-keys/${id}/revoke`), onSuccess: done });
}
