import {
  CAMPAIGN_PURPOSE_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  translate,
  type CampaignPurpose,
  type FollowUpCampaignReport,
  type FollowUpKpiRow,
  type FollowUpKpis,
  type Lang,
  type MessageKey,
} from '@kefu/shared';
import ExcelJS from 'exceljs';

/**
 * The 回访总结报告 and the KPI table as workbooks: who exported them and when first (as every export of
 * Kefu does), then the figures. Rates are numbers with a percent format, so they compute in Excel.
 */
const PCT = '0.0%';

function kpiTable(ws: ExcelJS.Worksheet, rows: FollowUpKpiRow[], lang: Lang, coverage: boolean) {
  const t = (k: MessageKey) => translate(k, lang);
  const head = [
    t('follow_up.sheet.name'),
    t('follow_up.sheet.attempted'),
    t('follow_up.sheet.reached'),
    t('follow_up.sheet.success_rate'),
    t('follow_up.sheet.target'),
    t('follow_up.sheet.compliance_rate'),
    t('follow_up.sheet.invitation_rate'),
  ];
  if (coverage) head.push(t('follow_up.sheet.owned'), t('follow_up.sheet.covered'), t('follow_up.sheet.coverage_rate'));
  ws.addRow(head).font = { bold: true };
  for (const r of rows) {
    const values: (string | number | null)[] = [r.label, r.attempted, r.reached, r.successRate, r.successTarget, r.complianceRate, r.invitationRate];
    if (coverage) values.push(r.owned, r.covered, r.coverageRate);
    const row = ws.addRow(values);
    [4, 5, 6, 7, ...(coverage ? [10] : [])].forEach((i) => (row.getCell(i).numFmt = PCT));
  }
}

function header(ws: ExcelJS.Worksheet, title: string, exporter: string, exportedAt: string, lang: Lang) {
  ws.getColumn(1).width = 26;
  for (let i = 2; i <= 10; i += 1) ws.getColumn(i).width = 14;
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), exporter]);
  ws.addRow([translate('export.exported_at', lang), exportedAt]);
  ws.addRow([]);
}

export async function buildReportWorkbook(r: FollowUpCampaignReport, lang: Lang, exporter: string, exportedAt: string): Promise<Buffer> {
  const t = (k: MessageKey) => translate(k, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = exporter;
  const ws = wb.addWorksheet(t('follow_up.sheet.report'));
  header(ws, `${t('follow_up.sheet.report')}：${r.campaign.name}`, exporter, exportedAt, lang);
  const purpose = CAMPAIGN_PURPOSE_LABELS[r.campaign.purpose as CampaignPurpose]?.[lang] ?? r.campaign.purpose ?? '';
  ws.addRow([t('follow_up.sheet.campaign'), r.campaign.name]);
  ws.addRow([t('follow_up.sheet.purpose'), purpose]);
  ws.addRow([t('follow_up.sheet.period'), `${r.campaign.startsOn ?? ''} ~ ${r.campaign.endsOn ?? ''}`]);
  ws.addRow([t('follow_up.sheet.tasks'), r.campaign.tasks]);
  ws.addRow([t('follow_up.sheet.success_rate'), r.total.successRate]).getCell(2).numFmt = PCT;
  ws.addRow([t('follow_up.sheet.target'), r.total.successTarget]).getCell(2).numFmt = PCT;
  ws.addRow([t('follow_up.sheet.compliance_rate'), r.total.complianceRate]).getCell(2).numFmt = PCT;
  ws.addRow([t('follow_up.sheet.invitation_rate'), r.total.invitationRate]).getCell(2).numFmt = PCT;
  ws.addRow([t('follow_up.sheet.avg_satisfaction'), r.averageSatisfaction]);
  ws.addRow([t('follow_up.sheet.issues'), r.issues]);
  ws.addRow([t('follow_up.sheet.complaints'), r.complaints]);
  ws.addRow([]);
  ws.addRow([t('follow_up.sheet.status'), t('follow_up.sheet.count')]).font = { bold: true };
  for (const [k, n] of Object.entries(r.statuses)) ws.addRow([FOLLOW_UP_STATUS_LABELS[k as keyof typeof FOLLOW_UP_STATUS_LABELS]?.[lang] ?? k, n]);
  ws.addRow([]);
  ws.addRow([t('follow_up.sheet.outcome'), t('follow_up.sheet.count')]).font = { bold: true };
  for (const [k, n] of Object.entries(r.outcomes)) ws.addRow([FOLLOW_UP_OUTCOME_LABELS[k as keyof typeof FOLLOW_UP_OUTCOME_LABELS]?.[lang] ?? k, n]);
  ws.addRow([]);
  ws.addRow([t('follow_up.sheet.summary')]).font = { bold: true };
  const summary = ws.addRow([r.campaign.summary ?? '']);
  summary.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(summary.number, 1, summary.number, 7);
  summary.height = Math.min(400, 18 * Math.max(1, Math.ceil((r.campaign.summary ?? '').length / 60)));

  const agents = wb.addWorksheet(t('follow_up.sheet.by_agent'));
  header(agents, `${r.campaign.name}：${t('follow_up.sheet.by_agent')}`, exporter, exportedAt, lang);
  kpiTable(agents, [...r.byAgent, r.total], lang, false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildKpiWorkbook(k: FollowUpKpis, lang: Lang, exporter: string, exportedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = exporter;
  const ws = wb.addWorksheet(translate('follow_up.sheet.kpis', lang));
  header(ws, `${translate('follow_up.sheet.kpis', lang)} ${k.from} ~ ${k.to}`, exporter, exportedAt, lang);
  kpiTable(ws, [...k.rows, k.total], lang, k.by === 'agent');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
