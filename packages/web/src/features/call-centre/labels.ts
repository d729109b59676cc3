import {
  CHANNEL_LABELS,
  DIRECTION_LABELS,
  OUTCOME_LABELS,
  type InteractionChannel,
  type InteractionDirection,
  type InteractionOutcome,
} from '@kefu/shared/interaction';
import type { Lang } from '@kefu/shared/messages';

/** The shared package's labels in the reader's language, and the time as the department reads it. */
export const channelLabel = (v: string, lang: Lang) => CHANNEL_LABELS[v as InteractionChannel]?.[lang] ?? v;
export const directionLabel = (v: string, lang: Lang) => DIRECTION_LABELS[v as InteractionDirection]?.[lang] ?? v;
export const outcomeLabel = (v: string, lang: Lang) => OUTCOME_LABELS[v as InteractionOutcome]?.[lang] ?? v;

export function dateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
