import {
  GUEST_IDENTITY_LABELS,
  ROOM_CHANNEL_LABELS,
  ROOM_EXTRA_LABELS,
  ROOM_FORM_KIND_LABELS,
  ROOM_PAYMENT_LABELS,
  translate,
  type Lang,
  type MessageKey,
  type RoomExtra,
} from '@kefu/shared';
import ExcelJS from 'exceljs';
import { localDateTime } from '../complaint-reports/report-format';
import type { FormRow } from './room-booking.repo';

/** The current 冠名房预订表 of a period as a workbook, one row per form with every field of 附件一; money in 元 as numbers. */
export async function buildRoomSheet(f: {
  rows: FormRow[];
  roomNames: Map<string, string>;
  exporter: string;
  exportedAt: Date;
  timeZone: string;
  lang: Lang;
}): Promise<Buffer> {
  const { lang } = f;
  const t = (key: MessageKey) => translate(key, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = f.exporter;
  const ws = wb.addWorksheet(t('room_form.title'));
  ws.addRow([t('room_form.title')]).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), f.exporter]);
  ws.addRow([translate('export.exported_at', lang), localDateTime(f.exportedAt, f.timeZone)]);
  ws.addRow([]);
  const head = ws.addRow([
    t('room_form.number'),
    t('room_form.channel'),
    t('room_form.guest_identity'),
    t('room_form.guest_name'),
    t('room_form.contact'),
    t('room_form.company'),
    t('room_form.arrival'),
    t('room_form.departure'),
    t('room_form.room_type'),
    t('room_form.persons'),
    t('room_form.rooms'),
    t('room_form.room_names'),
    t('room_form.price'),
    t('room_form.discount'),
    t('room_form.rate'),
    t('room_form.extras'),
    t('room_form.payment'),
    t('room_form.remarks'),
    t('room_form.booked_on'),
    t('room_form.received_by'),
    t('room_form.entered_by'),
    t('room_form.confirmed_by'),
  ]);
  head.font = { bold: true };
  for (const r of f.rows) {
    const row = ws.addRow([
      `${r.number} (${ROOM_FORM_KIND_LABELS[r.kind][lang]} ${r.revision})`,
      ROOM_CHANNEL_LABELS[r.channel][lang],
      GUEST_IDENTITY_LABELS[r.guest_identity][lang],
      r.guest_name,
      r.contact,
      r.company,
      r.arrival,
      r.departure,
      r.room_type,
      r.persons,
      r.rooms,
      r.room_ids.map((id) => f.roomNames.get(id) ?? '').join('、'),
      r.price_fen / 100,
      r.discount_percent / 100,
      r.rate_fen / 100,
      [...(r.extras as RoomExtra[]).map((x) => ROOM_EXTRA_LABELS[x][lang]), r.extras_note].filter(Boolean).join('、'),
      ROOM_PAYMENT_LABELS[r.payment_method][lang],
      r.remarks,
      r.booked_on,
      r.received_by,
      r.entered_by_name,
      r.confirmed_by,
    ]);
    [13, 15].forEach((c) => (row.getCell(c).numFmt = '#,##0.00'));
    row.getCell(14).numFmt = '0%';
  }
  ws.columns.forEach((c, i) => (c.width = [4, 5, 11, 17].includes(i) ? 22 : 13));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
