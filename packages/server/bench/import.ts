import ExcelJS from 'exceljs';
import type { DbHandle } from '../src/db/client';
import { loadUserActor } from '../src/lib/auth';
import type { Ctx } from '../src/lib/context';
import { systemClock } from '../src/lib/clock';
import { createCustomerImportService } from '../src/modules/customer-import';
import { generateCustomers, type BenchCustomer } from './generate';
import { summarize, timed } from './stats';

const GENDER = { male: '男', female: '女' } as const;
const TIER = { vip: 'VIP', big: '大客户', normal: '普通' } as Record<string, string>;

/** A customer book as a department keeps it in Excel: Chinese headers, one row per customer. */
export async function customerBookXlsx(rows: BenchCustomer[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户名册');
  ws.addRow(['姓名', '性别', '手机号码', '出生日期', '农历', '客户等级', '标签', '备注']);
  for (const c of rows) ws.addRow([c.name, GENDER[c.gender], c.mobile, c.birthday ?? '', c.lunar ? '是' : '', TIER[c.tier] ?? '', c.tags.join('，'), '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The import of `rows`-row xlsx files through the import service as the import screen drives it:
 * upload (parse, store), then run with the suggested mapping, valid rows only. `runs` files, each of
 * new customers (a few may collide with loaded mobiles: those are reported as duplicates, not imported).
 */
export async function benchImport(handle: DbHandle, managerId: string, opts: { rows: number; runs: number; log: (m: string) => void }) {
  const actor = await loadUserActor(handle.db, managerId);
  if (!actor) throw new Error('bench manager not found');
  const ctx: Ctx = { actor, lang: 'zh-CN', requestId: 'bench-import', ip: '127.0.0.1' };
  const service = createCustomerImportService({ db: handle.db, clock: systemClock, pglite: handle.pglite ?? null });
  const seconds: number[] = [];
  let imported = 0;
  for (let run = 0; run < opts.runs; run += 1) {
    const file = await customerBookXlsx(generateCustomers(opts.rows, 1, 1000 + run));
    const [ms, status] = await timed(async () => {
      const up = await service.upload(ctx, `bench-${run}.xlsx`, file);
      return service.run(ctx, up.id, up.suggestedMapping, 'valid_only');
    });
    if (status.status !== 'done') throw new Error(`import ${run} ended ${status.status}`);
    seconds.push(ms / 1000);
    imported += status.imported;
    opts.log(`  import of ${opts.rows.toLocaleString('en')} rows (${(file.length / 2 ** 20).toFixed(1)} MB xlsx): ${(ms / 1000).toFixed(1)} s, ${status.imported} imported`);
  }
  const s = summarize(seconds);
  return { median: s.p50, max: s.max, runs: seconds.length, imported };
}
