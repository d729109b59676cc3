import { Readable } from 'node:stream';
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from '@kefu/shared';
import { parse as parseCsvText } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../lib/errors';

/**
 * Reading a customer book as Excel and WPS save it: xlsx, or csv in UTF-8 (with or without BOM),
 * UTF-16 ("Unicode text", tab-separated) or GBK (what Chinese Excel writes for "CSV"). No database
 * here: the file is read completely before any transaction starts (docs DATABASE.md, PGlite).
 */
export interface ParsedSheet {
  headers: string[];
  /** data rows after the header, with the row number the spreadsheet shows */
  rows: { line: number; cells: string[] }[];
}

const unreadable = () => new AppError('import.unreadable', 400);

export async function parseCustomerFile(fileName: string, data: Buffer): Promise<ParsedSheet> {
  if (isZip(data)) return parseXlsx(data);
  if (/\.(xlsx|xls|et)$/i.test(fileName) || isOleDocument(data)) throw unreadable(); // old binary .xls / WPS .et
  return toSheet(parseCsv(decodeText(data)));
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOleDocument = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0;

/** Bytes to text: a BOM decides; else valid UTF-8 is UTF-8; anything else is read as GB18030 (GBK's superset). */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString('utf8');
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), 'utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

/** Comma, tab or semicolon: whichever the header line has most of, outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

export function parseCsv(text: string): string[][] {
  try {
    return parseCsvText(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw unreadable();
  }
}

/** Rows of cells to headers + data rows: the first non-empty row is the header; empty rows are skipped. */
export function toSheet(records: string[][]): ParsedSheet {
  const clean = (cells: unknown[]) => Array.from(cells.slice(0, IMPORT_MAX_COLUMNS), (c) => (c === null || c === undefined ? '' : String(c).trim()));
  let headers: string[] | null = null;
  const rows: ParsedSheet['rows'] = [];
  records.forEach((record, i) => {
    const cells = clean(record);
    if (cells.every((c) => c === '')) return;
    if (!headers) headers = cells;
    else rows.push({ line: i + 1, cells });
  });
  if (!headers || rows.length === 0) throw new AppError('import.empty', 400);
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError('import.too_many_rows', 400, { max: IMPORT_MAX_ROWS });
  const width = Math.max((headers as string[]).length, ...rows.slice(0, 1000).map((r) => r.cells.length));
  return { headers: Array.from({ length: width }, (_, i) => (headers as string[])[i] ?? ''), rows };
}

/** The first worksheet of an xlsx, streamed (a 100,000-row book does not need its whole DOM). */
async function parseXlsx(data: Buffer): Promise<ParsedSheet> {
  const records: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[]; // 1-based: values[0] is empty
        records[row.number - 1] = Array.from(values.slice(1), cellText); // Array.from: the array has holes for empty cells
        if (records.length > IMPORT_MAX_ROWS + 10) throw new AppError('import.too_many_rows', 400, { max: IMPORT_MAX_ROWS });
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable();
  }
  return toSheet(Array.from(records, (r) => r ?? []));
}

/** A cell's value as the person saw it: dates as YYYY-MM-DD, rich text as its text, formulas as their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
  }
  return String(v);
}
