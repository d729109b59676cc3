import type { SessionUser } from '@kefu/shared/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, setCsrfToken } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}
export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const me = await request<Session>('GET', '/api/v1/auth/me', undefined, { skipUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => request<Session>('POST', '/api/v1/auth/login', body, { skipUnauthorized: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/v1/auth/password', body),
    // before a forced change every other request was refused: load everything again
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
