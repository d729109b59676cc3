import type { ImportMapping, ImportMode, ImportReport, ImportStatus, ImportUpload } from '@kefu/shared/customer-import';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, uploadFile } from '../../lib/api-client';

const base = '/api/v1/customer-imports';

export function useUploadImport() {
  return useMutation({ mutationFn: (file: File) => uploadFile<ImportUpload>(base, file) });
}

export function useValidateImport(id: string | undefined) {
  return useMutation({ mutationFn: (mapping: ImportMapping) => api.post<ImportReport>(`${base}/${id}/validate`, { mapping }) });
}

export function useRunImport(id: string | undefined) {
  return useMutation({ mutationFn: (v: { mapping: ImportMapping; mode: ImportMode }) => api.post<ImportStatus>(`${base}/${id}/run`, v) });
}

/** The progress of a running import, asked every second while it runs. */
export function useImportStatus(id: string | undefined, running: boolean) {
  return useQuery({
    queryKey: ['customer-imports', id],
    queryFn: () => api.get<ImportStatus>(`${base}/${id}`),
    enabled: Boolean(id) && running,
    refetchInterval: running ? 1000 : false,
  });
}
