import {
  GENDER_LABELS,
  IMPORT_FIELD_LABELS,
  LIFECYCLE_LABELS,
  SOURCE_LABELS,
  TITLE_LABELS,
  translate,
  type Customer,
  type ImportField,
  type Lang,
} from '@kefu/shared';
import ExcelJS from 'exceljs';

/**
 * The exported file: first who exported it, when, who approved it and why (SPEC §1: "the file says
 * who exported it and when"), then one row per customer under the headers the import recognises.
 * The customers come in already masked for the exporter (customers' toCustomer).
 */
export interface ExportMeta {
  exporter: string;
  exportedAt: string;
  approver: string;
  reason: string;
}

type Column = { header: string; value: (c: Customer) => string; width: number };

export function exportColumns(lang: Lang, categoryLabel: (kind: 'class' | 'tier', code: string) => string): Column[] {
  const label = (f: ImportField) => IMPORT_FIELD_LABELS[f][lang];
  const yes = lang === 'en' ? 'yes' : '是';
  const no = lang === 'en' ? 'no' : '否';
  const col = (f: ImportField, value: Column['value'], width = 14): Column => ({ header: label(f), value, width });
  return [
    col('name', (c) => c.name, 12),
    col('title', (c) => (c.title ? TITLE_LABELS[c.title][lang] : ''), 6),
    col('gender', (c) => GENDER_LABELS[c.gender][lang], 6),
    col('mobile', (c) => c.mobile ?? ''),
    col('otherPhones', (c) => c.otherPhones.join(' / '), 20),
    col('wechat', (c) => c.wechat ?? ''),
    col('email', (c) => c.email ?? '', 20),
    col('idNumber', (c) => c.idNumber ?? '', 20),
    col('birthday', (c) => c.birthday ?? '', 12),
    col('birthdayLunar', (c) => (c.birthday ? (c.birthdayLunar ? yes : no) : ''), 8),
    col('region', (c) => c.region ?? ''),
    col('address', (c) => c.address ?? '', 30),
    col('source', (c) => (c.source ? SOURCE_LABELS[c.source][lang] : ''), 8),
    col('company', (c) => c.company ?? '', 20),
    col('owner', (c) => c.ownerName ?? '', 10),
    col('classCode', (c) => (c.classCode ? categoryLabel('class', c.classCode) : ''), 10),
    col('tierCode', (c) => (c.tierCode ? categoryLabel('tier', c.tierCode) : ''), 8),
    col('tags', (c) => c.tags.join('，'), 20),
    col('notes', (c) => c.notes ?? '', 30),
    { header: lang === 'en' ? 'Status' : '状态', value: (c) => LIFECYCLE_LABELS[c.lifecycle][lang], width: 8 },
  ];
}

export async function buildExportWorkbook(meta: ExportMeta, columns: Column[], customers: Customer[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.exporter;
  const ws = wb.addWorksheet(translate('export.sheet_name', lang));
  ws.addRow([translate('export.exported_by', lang), meta.exporter]);
  ws.addRow([translate('export.exported_at', lang), meta.exportedAt]);
  ws.addRow([translate('export.approved_by', lang), meta.approver]);
  ws.addRow([translate('export.reason', lang), meta.reason]);
  ws.addRow([translate('export.row_count', lang, { count: customers.length })]);
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const customer of customers) ws.addRow(columns.map((c) => c.value(customer)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** attachment; an ASCII fallback name and the Chinese name encoded per RFC 5987 / RFC 6266. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/** 2026-10-09 10:00:00 in the department's time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
}
