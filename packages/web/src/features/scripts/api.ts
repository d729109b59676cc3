import type { RenderedScript, Script, ScriptContext, ScriptSettings } from '@kefu/shared/script';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export function useScripts() {
  return useQuery({ queryKey: ['scripts', 'list'], queryFn: () => api.get<{ items: Script[] }>('/api/v1/scripts'), staleTime: 60_000 });
}

/** A script filled in for the customer on the line, by the server (the same pure function as the preview). */
export function useRenderedScript(code: string, customerId?: string) {
  return useQuery({
    queryKey: ['scripts', 'render', code, customerId ?? null],
    queryFn: () => api.get<RenderedScript>(`/api/v1/scripts/${code}/render`, { customerId }),
    staleTime: 60_000,
  });
}

/** The facts behind the variables, for the editor's live preview. */
export function useScriptContext(customerId?: string) {
  return useQuery({
    queryKey: ['scripts', 'context', customerId ?? null],
    queryFn: () => api.get<ScriptContext>('/api/v1/script-context', { customerId }),
  });
}

export function useScriptSettings() {
  return useQuery({ queryKey: ['scripts', 'settings'], queryFn: () => api.get<ScriptSettings>('/api/v1/script-settings') });
}

export function useSaveScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: { name: string; body: string; version: number } }) => api.patch<Script>(`/api/v1/scripts/${code}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scripts'] }),
  });
}

export function useCreateScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; body: string }) => api.post<Script>('/api/v1/scripts', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scripts'] }),
  });
}

export function useSaveScriptSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScriptSettings) => api.put<ScriptSettings>('/api/v1/script-settings', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scripts'] }),
  });
}
