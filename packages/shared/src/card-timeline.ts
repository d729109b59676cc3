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
