import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PASSWORD, type Client } from './factories';
import type { TestEnv } from './helpers';

/** Files as Excel and WPS save them, built in the test (no binary fixtures in the repository). */
export async function xlsxOf(rows: unknown[][], sheetName = '客户名册'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** csv with CRLF line ends, in GBK (Chinese Excel's "CSV"), UTF-8 with a BOM ("CSV UTF-8") or plain UTF-8. */
export function csvOf(rows: unknown[][], encoding: 'gbk' | 'utf8-bom' | 'utf8' = 'utf8'): Buffer {
  const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
  });
  return Array.from(rows, (r) => r ?? []);
}

export interface RawRes {
  status: number;
  headers: Record<string, unknown>;
  raw: Buffer;
  body: any;
}

/**
 * What Client cannot send or read: multipart uploads and binary answers. Signs in again as the
 * same user to get its own session cookie and CSRF token.
 */
export async function rawClient(env: TestEnv, client: Client) {
  const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: client.username, password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'kefu_session')!.value;
  const csrf = login.json().csrfToken as string;
  const wrap = (r: Awaited<ReturnType<typeof env.app.inject>>): RawRes => {
    const isJson = String(r.headers['content-type'] ?? '').includes('json');
    return { status: r.statusCode, headers: r.headers, raw: r.rawPayload, body: isJson ? r.json() : null };
  };
  return {
    async upload(fileName: string, data: Buffer, headers: Record<string, string> = {}): Promise<RawRes> {
      const boundary = `----kefu${randomBytes(8).toString('hex')}`;
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/v1/customer-imports',
        cookies: { kefu_session: cookie },
        headers: { 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
        payload,
      });
      return wrap(r);
    },
    async get(url: string): Promise<RawRes> {
      return wrap(await env.app.inject({ method: 'GET', url, cookies: { kefu_session: cookie } }));
    },
  };
}
