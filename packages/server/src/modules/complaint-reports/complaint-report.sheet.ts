import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATE_LABELS,
  SATISFACTION_LABELS,
  share,
  translate,
  type ComplaintReport,
  type Lang,
  type MessageKey,
  type SatisfactionCounts,
  type SlaOutcome,
} from '@kefu/shared';
import ExcelJS from 'exceljs';
import type { CaseRow } from './complaint-report.repo';
import { localDateTime } from './report-format';

/**
 * The report as a workbook: who exported it and when first (as every export of Kefu does), then the
 * figures; the case list of the period; the major complaints; and, for a month, the officer's
 * root-cause analysis. Shares are written as numbers with a percent format, so they add up in Excel.
 */
export interface ReportFile {
  report: ComplaintReport;
  cases: CaseRow[];
  analysis: { text: string; by: string | null; at: Date | null } | null;
  exporter: string;
  exportedAt: Date;
  lang: Lang;
}

export async function buildReportWorkbook(f: ReportFile): Promise<Buffer> {
  const { report: r, lang } = f;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, lang, params);
  const at = (d: Date | string | null) => (d ? localDateTime(d, r.timeZone) : '');
  const wb = new ExcelJS.Workbook();
  wb.creator = f.exporter;

  const ws = wb.addWorksheet(t('report.sheet_summary'));
  ws.getColumn(1).width = 24;
  [2, 3, 4, 5].forEach((i) => (ws.getColumn(i).width = 12));
  ws.addRow([reportTitle(r, lang)]).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), f.exporter]);
  ws.addRow([translate('export.exported_at', lang), at(f.exportedAt)]);
  ws.addRow([t('report.as_of'), at(r.asOf)]);
  ws.addRow([]);
  ws.addRow([t('report.total'), r.total]);
  ws.addRow([t('report.open'), r.open]);
  ws.addRow([t('report.closed'), r.closed]);
  ws.addRow([t('report.major'), r.major]);
  const table = (title: string, rows: [string, number][]) => {
    ws.addRow([]);
    ws.addRow([title, t('report.count'), t('report.share')]).font = { bold: true };
    for (const [label, count] of rows) ws.addRow([label, count, share(count, r.total)]).getCell(3).numFmt = '0.0%';
  };
  table(
    t('report.by_category'),
    r.byCategory.map((c) => [COMPLAINT_CATEGORY_LABELS[c.key][lang], c.count]),
  );
  table(
    t('report.by_department'),
    r.byDepartment.map((d) => [d.name ?? t('report.no_department'), d.count]),
  );
  table(
    t('report.by_channel'),
    r.byChannel.map((c) => [COMPLAINT_CHANNEL_LABELS[c.key][lang], c.count]),
  );
  table(
    t('report.by_severity'),
    r.bySeverity.map((c) => [COMPLAINT_SEVERITY_LABELS[c.key][lang], c.count]),
  );
  ws.addRow([]);
  ws.addRow([t('report.sla'), t('report.kept'), t('report.breached'), t('report.pending')]).font = { bold: true };
  const slaRow = (label: string, s: SlaOutcome) => ws.addRow([label, s.kept, s.breached, s.pending]);
  slaRow(t('report.sla_response'), r.sla.response);
  slaRow(t('report.sla_resolve'), r.sla.resolve);
  ws.addRow([]);
  const labels = (['satisfied', 'fair', 'unsatisfied'] as const).map((s) => SATISFACTION_LABELS[s][lang]);
  ws.addRow([t('report.satisfaction'), ...labels, t('report.with_feedback')]).font = { bold: true };
  const satisfactionRow = (label: string, s: SatisfactionCounts) => {
    ws.addRow([label, s.satisfied, s.fair, s.unsatisfied, s.total]);
    const shares = ws.addRow(['', share(s.satisfied, s.total), share(s.fair, s.total), share(s.unsatisfied, s.total)]);
    [2, 3, 4].forEach((i) => (shares.getCell(i).numFmt = '0.0%'));
  };
  satisfactionRow(t('report.satisfaction_result'), r.satisfaction.result);
  satisfactionRow(t('report.satisfaction_speed'), r.satisfaction.speed);

  caseSheet(wb.addWorksheet(t('report.sheet_cases')), f.cases, lang, r.timeZone);
  caseSheet(
    wb.addWorksheet(t('report.sheet_major')),
    f.cases.filter((c) => c.major),
    lang,
    r.timeZone,
  );
  if (f.analysis) {
    const rc = wb.addWorksheet(t('report.sheet_root_cause'));
    rc.getColumn(1).width = 14;
    rc.getColumn(2).width = 100;
    rc.addRow([t('report.analysis_by'), f.analysis.by ?? '']);
    rc.addRow([translate('record.date', lang), at(f.analysis.at)]);
    rc.addRow([t('report.analysis'), f.analysis.text]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportTitle(r: ComplaintReport, lang: Lang): string {
  return r.period === 'week'
    ? translate('report.title_week', lang, { from: r.from, to: r.to })
    : translate('report.title_month', lang, { month: r.from.slice(0, 7) });
}

function caseSheet(ws: ExcelJS.Worksheet, cases: CaseRow[], lang: Lang, timeZone: string) {
  const t = (key: MessageKey) => translate(key, lang);
  const at = (d: Date | null) => (d ? localDateTime(d, timeZone) : '');
  const outcome = (breached: boolean, met: Date | null) => t(breached ? 'report.breached' : met ? 'report.kept' : 'report.pending');
  const columns: [MessageKey, number, (c: CaseRow) => string][] = [
    ['report.col_number', 16, (c) => c.number],
    ['report.col_received', 17, (c) => at(c.received_at)],
    ['report.col_channel', 9, (c) => COMPLAINT_CHANNEL_LABELS[c.channel][lang]],
    ['report.col_complainant', 10, (c) => c.complainant_name],
    ['report.col_customer', 10, (c) => c.customer_name ?? ''],
    ['report.col_category', 14, (c) => COMPLAINT_CATEGORY_LABELS[c.category][lang]],
    ['report.col_severity', 8, (c) => COMPLAINT_SEVERITY_LABELS[c.severity][lang]],
    ['report.col_major', 6, (c) => (c.major ? translate('record.major', lang) : '')],
    ['report.col_department', 10, (c) => c.department_name ?? ''],
    ['report.col_assignee', 10, (c) => c.assignee_name ?? ''],
    ['report.col_state', 10, (c) => COMPLAINT_STATE_LABELS[c.state][lang]],
    ['report.col_responded', 17, (c) => at(c.responded_at)],
    ['report.col_response_sla', 9, (c) => outcome(c.response_breached, c.responded_at)],
    ['report.col_resolved', 17, (c) => at(c.resolved_at)],
    ['report.col_resolve_sla', 9, (c) => outcome(c.resolve_breached, c.resolved_at)],
    ['report.col_satisfaction_result', 9, (c) => (c.satisfaction_result ? SATISFACTION_LABELS[c.satisfaction_result][lang] : '')],
    ['report.col_satisfaction_speed', 9, (c) => (c.satisfaction_speed ? SATISFACTION_LABELS[c.satisfaction_speed][lang] : '')],
    ['report.col_closed', 17, (c) => at(c.closed_at)],
  ];
  ws.addRow(columns.map(([key]) => t(key))).font = { bold: true };
  columns.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  for (const c of cases) ws.addRow(columns.map(([, , value]) => value(c)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
