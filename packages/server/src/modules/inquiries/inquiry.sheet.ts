import { INQUIRY_CATEGORY_LABELS, translate, type Inquiry, type Lang } from '@kefu/shared';
import ExcelJS from 'exceljs';

/** The inquiries as a workbook: who exported it and when first (as every export of Kefu does), then one row each. */
export async function buildInquiryWorkbook(f: { rows: Inquiry[]; exporter: string; exportedAt: Date; timeZone: string; lang: Lang }): Promise<Buffer> {
  const { lang } = f;
  const zh = lang === 'zh-CN';
  const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone: f.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const at = (iso: string) => fmt.format(new Date(iso));
  const wb = new ExcelJS.Workbook();
  wb.creator = f.exporter;
  const ws = wb.addWorksheet(zh ? '咨询记录' : 'Inquiries');
  ws.addRow([zh ? '咨询记录' : 'Inquiries']).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), f.exporter]);
  ws.addRow([translate('export.exported_at', lang), at(f.exportedAt.toISOString())]);
  ws.addRow([]);
  const header = zh
    ? ['时间', '类别', '客户', '问题', '答复', '引用的知识库条目', '记录人', '已转入知识库']
    : ['Time', 'Category', 'Customer', 'Question', 'Answer', 'Article used', 'Recorded by', 'In the knowledge base'];
  ws.addRow(header).font = { bold: true };
  [17, 12, 12, 40, 60, 24, 10, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of f.rows) {
    const row = ws.addRow([
      at(r.createdAt),
      INQUIRY_CATEGORY_LABELS[r.category][lang],
      r.customer?.name ?? (zh ? '匿名来电' : 'Anonymous'),
      r.question,
      r.answer,
      r.article?.title ?? '',
      r.recordedBy?.name ?? '',
      r.promotedArticleId ? (zh ? '是' : 'yes') : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
