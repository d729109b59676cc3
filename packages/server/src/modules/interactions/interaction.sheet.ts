import { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS, formatDuration, translate, type Interaction, type Lang } from '@kefu/shared';
import ExcelJS from 'exceljs';

/** The call log as a workbook: who exported it and when first (as every export of Kefu does), then one row per contact. */
export async function buildCallLogWorkbook(f: { rows: Interaction[]; exporter: string; exportedAt: Date; timeZone: string; lang: Lang }): Promise<Buffer> {
  const { lang } = f;
  const zh = lang === 'zh-CN';
  const fmt = new Intl.DateTimeFormat('sv-SE', {
    timeZone: f.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const at = (iso: string) => fmt.format(new Date(iso));
  const wb = new ExcelJS.Workbook();
  wb.creator = f.exporter;
  const ws = wb.addWorksheet(zh ? '通话记录' : 'Call log');
  ws.addRow([zh ? '通话与沟通记录' : 'Calls and contacts']).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), f.exporter]);
  ws.addRow([translate('export.exported_at', lang), at(f.exportedAt.toISOString())]);
  ws.addRow([]);
  const header = zh
    ? ['开始时间', '渠道', '方向', '客户', '电话', '客服', '时长', '时长（秒）', '结果', '内容摘要', '录音']
    : ['Started', 'Channel', 'Direction', 'Customer', 'Number', 'Agent', 'Duration', 'Seconds', 'Outcome', 'Summary', 'Recording'];
  ws.addRow(header).font = { bold: true };
  [20, 10, 8, 14, 16, 12, 10, 10, 10, 50, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of f.rows) {
    ws.addRow([
      at(r.startedAt),
      CHANNEL_LABELS[r.channel][lang],
      DIRECTION_LABELS[r.direction][lang],
      r.customerName ?? (zh ? '（未建档）' : '(unknown)'),
      r.phone ?? '',
      r.agentName ?? '',
      formatDuration(r.durationSeconds),
      r.durationSeconds,
      OUTCOME_LABELS[r.outcome][lang],
      r.summary,
      r.recordingRef ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
