import { formatCardAmount } from './card-ledger';
import { CARD_STATUS_LABELS, ENTRY_KIND_LABELS } from './card';
import type { Lang } from './messages';

/** The card events (kinds `card.*`, written by the cards module) on the customer's timeline: numbers and amounts, never a phone. */
export function cardSummary(kind: string, data: Record<string, unknown>, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const number = typeof data.number === 'string' ? data.number : '';
  switch (kind) {
    case 'issued':
      return zh ? `开卡 ${number}（${String(data.typeName ?? '')}）` : `Card ${number} issued (${String(data.typeName ?? '')})`;
    case 'entry': {
      const label = ENTRY_KIND_LABELS[data.kind as keyof typeof ENTRY_KIND_LABELS]?.[lang] ?? String(data.kind);
      const unit = data.unit === 'lesson' || data.unit === 'point' ? data.unit : 'fen';
      const amount = formatCardAmount(Number(data.amount), unit);
      const after = formatCardAmount(Number(data.balanceAfter), unit);
      return zh ? `${number} ${label} ${amount}，余额 ${after}` : `${number} ${label} ${amount}, balance ${after}`;
    }
    case 'status': {
      const label = (v: unknown) => CARD_STATUS_LABELS[v as keyof typeof CARD_STATUS_LABELS]?.[lang] ?? String(v);
      return zh ? `${number} ${label(data.from)} → ${label(data.to)}` : `${number}: ${label(data.from)} → ${label(data.to)}`;
    }
    case 'moved_in':
      return zh
        ? `客户合并：${String(data.numbers ?? '')} 从“${String(data.otherName ?? '')}”转到本档案`
        : `Merge: ${String(data.numbers ?? '')} moved here from “${String(data.otherName ?? '')}”`;
    case 'moved_out':
      return zh
        ? `客户合并：${String(data.numbers ?? '')} 已转到“${String(data.otherName ?? '')}”`
        : `Merge: ${String(data.numbers ?? '')} moved to “${String(data.otherName ?? '')}”`;
    default:
      return null;
  }
}

/** Referrals (`referral.*`) and member activities (`activity.*`) on the customer's timeline: names and titles only. */
export function memberExtrasSummary(kind: string, data: Record<string, unknown>, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const other = String(data.otherName ?? '');
  const title = String(data.title ?? '');
  switch (kind) {
    case 'referral.brought':
      return zh ? `介绍了新客户“${other}”` : `Referred a new customer, “${other}”`;
    case 'referral.referred_by':
      return zh ? `由“${other}”介绍而来` : `Referred by “${other}”`;
    case 'referral.qualified':
      return zh
        ? `介绍的客户“${other}”已${data.via === 'attended' ? '到课' : '充值'}`
        : `“${other}”, whom they referred, has ${data.via === 'attended' ? 'attended' : 'bought'}`;
    case 'referral.rewarded':
      return zh
        ? `获得转介绍奖励（介绍“${other}”），记入 ${String(data.number ?? '')}`
        : `Referral reward for “${other}” credited to ${String(data.number ?? '')}`;
    case 'activity.invited':
      return zh ? `受邀参加会员活动“${title}”` : `Invited to the member activity “${title}”`;
    case 'activity.answered':
      return zh
        ? `${data.status === 'accepted' ? '接受' : '婉拒'}了会员活动“${title}”的邀请`
        : `${data.status === 'accepted' ? 'Accepted' : 'Declined'} the invitation to “${title}”`;
    case 'activity.checked_in':
      return zh ? `参加了会员活动“${title}”` : `Attended the member activity “${title}”`;
    case 'activity.opinion':
      return zh ? `对会员活动“${title}”的评价：${String(data.rating ?? '')} 星` : `Rated the member activity “${title}”: ${String(data.rating ?? '')} stars`;
    default:
      return null;
  }
}
