import ExcelJS from 'exceljs';

/** Excel lists of the member area (renewals, referrals, activity attendees): who exported it and when on top. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

export async function buildSheet<T>(title: string, note: string, columns: SheetColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([note]).font = { color: { argb: 'FF666666' } };
  ws.addRow([]);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? ''));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition with the Chinese file name (RFC 5987) and an ASCII fallback. */
export function attachmentOf(fileName: string, ascii: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
