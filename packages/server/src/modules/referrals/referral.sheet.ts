import { formatCardAmount, REFERRAL_QUALIFIERS, REFERRAL_STATUS_LABELS, type Lang, type Referral } from '@kefu/shared';
import { buildSheet, type SheetColumn } from '../cards';

/** The referrals list as the manager reads it, in Excel (转介绍明细). */
export function referralWorkbook(rows: Referral[], lang: Lang, by: { name: string; at: string }): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const columns: SheetColumn<Referral>[] = [
    { header: zh ? '介绍人' : 'Referrer', width: 12, value: (r) => r.referrerName },
    { header: zh ? '被介绍人' : 'Referred', width: 12, value: (r) => r.referredName },
    { header: zh ? '介绍日期' : 'Date', width: 12, value: (r) => r.referredOn },
    { header: zh ? '状态' : 'Status', width: 10, value: (r) => REFERRAL_STATUS_LABELS[r.status][lang] },
    { header: zh ? '转化方式' : 'Qualified by', width: 10, value: (r) => (r.qualifiedBy ? REFERRAL_QUALIFIERS[r.qualifiedBy][lang] : '') },
    { header: zh ? '奖励卡号' : 'Reward card', width: 14, value: (r) => r.rewardCardNumber },
    {
      header: zh ? '奖励' : 'Reward',
      width: 10,
      value: (r) => (r.rewardAmount !== null && r.rewardUnit ? formatCardAmount(r.rewardAmount, r.rewardUnit) : ''),
    },
    { header: zh ? '奖励时间' : 'Rewarded at', width: 18, value: (r) => r.rewardedAt?.slice(0, 16).replace('T', ' ') ?? '' },
    { header: zh ? '备注' : 'Note', width: 24, value: (r) => r.note },
    { header: zh ? '登记人' : 'Recorded by', width: 10, value: (r) => r.createdByName },
  ];
  const title = zh ? '转介绍明细' : 'Referrals';
  const note = zh ? `导出人：${by.name}，导出时间：${by.at}（UTC），共 ${rows.length} 条` : `Exported by ${by.name} at ${by.at} (UTC), ${rows.length} rows`;
  return buildSheet(title, note, columns, rows);
}
