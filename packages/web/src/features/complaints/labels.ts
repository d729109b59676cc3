import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  SATISFACTION_LABELS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type Satisfaction,
} from '@kefu/shared/complaint';
import { COMPLAINT_ACTION_LABELS, COMPLAINT_STATE_LABELS, type ComplaintAction, type ComplaintState } from '@kefu/shared/complaint-workflow';
import { useMemo } from 'react';
import { useLang } from '../../app/i18n/language';

/** Display names of the complaint codes in the reader's language, from the shared contract's tables. */
export function useComplaintLabels() {
  const { lang } = useLang();
  return useMemo(
    () => ({
      lang,
      state: (s: ComplaintState) => COMPLAINT_STATE_LABELS[s][lang],
      action: (a: ComplaintAction) => COMPLAINT_ACTION_LABELS[a][lang],
      channel: (c: ComplaintChannel) => COMPLAINT_CHANNEL_LABELS[c][lang],
      category: (c: ComplaintCategory) => COMPLAINT_CATEGORY_LABELS[c][lang],
      severity: (s: ComplaintSeverity) => COMPLAINT_SEVERITY_LABELS[s][lang],
      satisfaction: (s: Satisfaction) => SATISFACTION_LABELS[s][lang],
    }),
    [lang],
  );
}
export type ComplaintLabels = ReturnType<typeof useComplaintLabels>;

export const STATE_COLORS: Record<ComplaintState, string> = {
  registered: 'blue',
  acknowledged: 'cyan',
  verified: 'geekblue',
  proposed: 'purple',
  approved: 'purple',
  resolved: 'green',
  feedback: 'green',
  closed: 'default',
};

export const SEVERITY_COLORS: Record<ComplaintSeverity, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
