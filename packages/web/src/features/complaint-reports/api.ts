import type { ComplaintReport, ReportPeriod, RootCause } from '@kefu/shared/complaint-report';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, withQuery } from '../../lib/api-client';

const base = '/api/v1/complaint-reports';

/** The week's or the month's figures around `date` (YYYY-MM-DD; the server's today when absent). */
export function useComplaintReport(period: ReportPeriod, date: string | undefined) {
  return useQuery({
    queryKey: ['complaint-reports', 'summary', period, date ?? 'today'],
    queryFn: () => api.get<ComplaintReport>(`${base}/summary`, { period, date }),
    placeholderData: keepPreviousData,
  });
}

export function useRootCause(month: string) {
  return useQuery({
    queryKey: ['complaint-reports', 'root-cause', month],
    queryFn: () => api.get<RootCause>(`${base}/root-cause/${month}`),
    placeholderData: keepPreviousData,
  });
}

export function useSaveRootCause(month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { analysis: string; version: number }) => api.put<RootCause>(`${base}/root-cause/${month}`, v),
    onSuccess: (saved) => qc.setQueryData(['complaint-reports', 'root-cause', month], saved),
  });
}

/** The xlsx (summary, cases, major complaints, and the month's analysis): who and when are in the file. */
export function useExportReport() {
  return useMutation({ mutationFn: (v: { period: ReportPeriod; date?: string }) => downloadFile(withQuery(`${base}/summary.xlsx`, v)) });
}
