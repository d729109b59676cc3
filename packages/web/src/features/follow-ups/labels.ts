import {
  CAMPAIGN_PURPOSE_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  type FollowUpOutcomeCode,
  type FollowUpStatusCode,
} from '@kefu/shared/follow-up';
import type { Lang } from '@kefu/shared/messages';
import dayjs from 'dayjs';

/** Labels of the shared catalog (the same words the server writes in sheets and timelines). */
export const outcomeLabel = (o: FollowUpOutcomeCode, lang: Lang) => FOLLOW_UP_OUTCOME_LABELS[o][lang];
export const statusLabel = (s: FollowUpStatusCode, lang: Lang) => FOLLOW_UP_STATUS_LABELS[s][lang];
export const purposeLabel = (p: string | null, lang: Lang) =>
  p && p in CAMPAIGN_PURPOSE_LABELS ? CAMPAIGN_PURPOSE_LABELS[p as keyof typeof CAMPAIGN_PURPOSE_LABELS][lang] : (p ?? '');
export const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
export const STATUS_COLORS: Record<FollowUpStatusCode, string> = {
  open: 'blue',
  done: 'green',
  unreachable: 'default',
  refused: 'red',
  rescheduled: 'gold',
  cancelled: 'default',
};
