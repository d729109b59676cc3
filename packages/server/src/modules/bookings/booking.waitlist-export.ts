import { WAITLIST_STATUS_LABELS, zonedDate, type WaitlistEntry } from '@kefu/shared';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../lib/context';
import { localTime } from './booking.core';

const HEADERS = {
  'zh-CN': ['客户', '项目', '日期', '时间', '人数', '状态', '候补位次', '留位截止', '扣课卡', '未扣课原因', '登记人', '登记时间'],
  en: [
    'Customer',
    'Resource',
    'Day',
    'Time',
    'Places',
    'State',
    'Position',
    'Held until',
    'Card charged',
    'Not held on the card because',
    'Taken by',
    'Joined at',
  ],
};

/** The entries of one day in the department's zone (the list itself has no day filter). */
export function onDay(entries: WaitlistEntry[], date: string | undefined, timeZone: string): WaitlistEntry[] {
  return date ? entries.filter((e) => zonedDate(new Date(e.startsAt), timeZone) === date) : entries;
}

/**
 * The waiting list as the manager reads it on screen, one row per entry, as an xlsx: the same rows
 * (scope and masking included, since it is built from the list the reader may see), times in the
 * department's zone.
 */
export async function waitlistWorkbook(entries: WaitlistEntry[], ctx: Pick<Ctx, 'lang'>, timeZone: string): Promise<Buffer> {
  const at = (iso: string | null) => (iso ? `${zonedDate(new Date(iso), timeZone)} ${localTime(new Date(iso), timeZone)}` : '');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kefu';
  const ws = wb.addWorksheet(ctx.lang === 'zh-CN' ? '候补名单' : 'Waiting list');
  ws.addRow(HEADERS[ctx.lang]).font = { bold: true };
  for (const e of entries) {
    ws.addRow([
      e.customerName ?? (ctx.lang === 'zh-CN' ? '（无权查看）' : '(hidden)'),
      e.resourceName,
      zonedDate(new Date(e.startsAt), timeZone),
      `${localTime(new Date(e.startsAt), timeZone)}-${localTime(new Date(e.endsAt), timeZone)}`,
      e.places,
      WAITLIST_STATUS_LABELS[e.status][ctx.lang],
      e.position ?? '',
      at(e.offerExpiresAt),
      // the card named when joining (a card outside the reader's scope: marked, not numbered; none: not charged), as on screen
      e.cardNumber ?? (e.cardId ? (ctx.lang === 'zh-CN' ? '（无权查看）' : '(hidden)') : ctx.lang === 'zh-CN' ? '不扣课' : 'Not charged'),
      e.offerCardRefusal?.message ?? '',
      e.takenBy,
      at(e.createdAt),
    ]);
  }
  ws.columns.forEach((col, i) => (col.width = [14, 14, 12, 13, 6, 14, 9, 18, 14, 28, 10, 18][i] ?? 12));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
