import { CARD_KIND_LABELS, formatCardAmount, type Card, type Lang } from '@kefu/shared';
import { buildSheet, type SheetColumn } from './card.sheet';

type Item = Card & { reason: 'low_balance' | 'expiring'; threshold: number };

/** The renewals list (续卡/升班提醒, seed 004 “卡内余额已经不多了…升班”) as the membership officer calls it, in Excel. */
export function renewalWorkbook(items: Item[], lang: Lang, by: { name: string; at: string }): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const columns: SheetColumn<Item>[] = [
    { header: zh ? '卡号' : 'Card', width: 14, value: (c) => c.number },
    { header: zh ? '会员' : 'Member', width: 12, value: (c) => c.customerName },
    { header: zh ? '卡类型' : 'Type', width: 14, value: (c) => `${c.typeName}（${CARD_KIND_LABELS[c.kind][lang]}）` },
    { header: zh ? '余额' : 'Balance', width: 12, value: (c) => formatCardAmount(c.balance, c.unit) },
    { header: zh ? '预约占用' : 'Held by bookings', width: 10, value: (c) => (c.held ? formatCardAmount(c.held, c.unit) : '') },
    { header: zh ? '提醒线' : 'Threshold', width: 10, value: (c) => formatCardAmount(c.threshold, c.unit) },
    { header: zh ? '到期日' : 'Expires', width: 12, value: (c) => c.expiresAt?.slice(0, 10) ?? '' },
    {
      header: zh ? '原因' : 'Reason',
      width: 12,
      value: (c) => (c.reason === 'low_balance' ? (zh ? '余额不足' : 'Low balance') : zh ? '即将到期' : 'Expiring'),
    },
  ];
  const title = zh ? '续卡提醒名单' : 'Renewals';
  const note = zh ? `导出人：${by.name}，导出时间：${by.at}（UTC），共 ${items.length} 张` : `Exported by ${by.name} at ${by.at} (UTC), ${items.length} cards`;
  return buildSheet(title, note, columns, items);
}
