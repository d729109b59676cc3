import {
  GROUP_CHECKLIST_ITEMS,
  GROUP_CHECKLIST_LABELS,
  GROUP_STATUS_LABELS,
  GROUPING_MODE_LABELS,
  translate,
  type GroupBooking,
  type Lang,
} from '@kefu/shared';
import ExcelJS from 'exceljs';
import { localDateTime } from '../complaint-reports/report-format';

const HEAD: Record<Lang, string[]> = {
  'zh-CN': [
    '编号',
    '团体',
    '组织者',
    '联系人',
    '联系电话',
    '人数',
    '名单人数',
    '开始',
    '结束',
    '分组方式',
    '占用项目',
    '状态',
    '提前期提示',
    '特殊安排',
    '接受人',
  ],
  en: [
    'No.',
    'Group',
    'Organiser',
    'Contact',
    'Phone',
    'Size',
    'On the roster',
    'From',
    'To',
    'Grouping',
    'Resources',
    'Status',
    'Lead-time note',
    'Arrangements',
    'Taken by',
  ],
};

/** The groups as a workbook for the manager: one row each, then one column per item of the seed's checklist (✓ or blank). */
export async function buildGroupSheet(f: { groups: GroupBooking[]; exporter: string; exportedAt: Date; timeZone: string; lang: Lang }): Promise<Buffer> {
  const { lang } = f;
  const at = (iso: string) => localDateTime(iso, f.timeZone);
  const wb = new ExcelJS.Workbook();
  wb.creator = f.exporter;
  const ws = wb.addWorksheet(lang === 'en' ? 'Group bookings' : '团体预约');
  ws.addRow([lang === 'en' ? 'Group bookings' : '团体预约']).font = { bold: true, size: 14 };
  ws.addRow([translate('export.exported_by', lang), f.exporter]);
  ws.addRow([translate('export.exported_at', lang), at(f.exportedAt.toISOString())]);
  ws.addRow([]);
  ws.addRow([...HEAD[lang], ...GROUP_CHECKLIST_ITEMS.map((i) => GROUP_CHECKLIST_LABELS[i][lang])]).font = { bold: true };
  for (const g of f.groups) {
    const done = new Set(g.checklist.filter((c) => c.done).map((c) => c.item));
    ws.addRow([
      g.number,
      g.name,
      g.organiserName,
      g.contactName,
      g.contactPhone,
      g.size,
      g.roster.length,
      at(g.startsAt),
      at(g.endsAt),
      GROUPING_MODE_LABELS[g.groupingMode][lang],
      g.holds.map((h) => `${h.resourceName}×${h.places}`).join('、'),
      GROUP_STATUS_LABELS[g.status][lang],
      g.leadWarning ?? '',
      g.notes,
      g.takenBy,
      ...GROUP_CHECKLIST_ITEMS.map((i) => (done.has(i) ? '✓' : '')),
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = i < 15 ? ([1, 10, 12, 13].includes(i) ? 24 : 14) : 10));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
