import {
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  SATISFACTION_LABELS,
  isMessageKey,
  maskPhone,
  translate,
  type ComplaintAction,
  type ComplaintStepRecord,
  type Lang,
} from '@kefu/shared';
import { localDateTime, yuan } from './report-format';

/**
 * The steps of a case as the form's appendix prints them: when, which step, who, and the step's own
 * words. Ids are left out (they mean nothing on paper), and so is any phone number a step may carry:
 * the form shows the number only where the reader's case view does, masked as it is there.
 */
export interface StepLine {
  at: string;
  action: string;
  actor: string;
  detail: string;
}

const LABELLED: Record<string, (v: unknown, lang: Lang) => string> = {
  satisfactionResult: (v, lang) =>
    typeof v === 'string' && v in SATISFACTION_LABELS ? SATISFACTION_LABELS[v as keyof typeof SATISFACTION_LABELS][lang] : String(v),
  satisfactionSpeed: (v, lang) =>
    typeof v === 'string' && v in SATISFACTION_LABELS ? SATISFACTION_LABELS[v as keyof typeof SATISFACTION_LABELS][lang] : String(v),
  category: (v, lang) =>
    typeof v === 'string' && v in COMPLAINT_CATEGORY_LABELS ? COMPLAINT_CATEGORY_LABELS[v as keyof typeof COMPLAINT_CATEGORY_LABELS][lang] : String(v),
  severity: (v, lang) =>
    typeof v === 'string' && v in COMPLAINT_SEVERITY_LABELS ? COMPLAINT_SEVERITY_LABELS[v as keyof typeof COMPLAINT_SEVERITY_LABELS][lang] : String(v),
  channel: (v, lang) =>
    typeof v === 'string' && v in COMPLAINT_CHANNEL_LABELS ? COMPLAINT_CHANNEL_LABELS[v as keyof typeof COMPLAINT_CHANNEL_LABELS][lang] : String(v),
  // a breach or an at-risk alert names its clock
  kind: (v, lang) => (v === 'response' ? translate('report.sla_response', lang) : v === 'resolve' ? translate('report.sla_resolve', lang) : String(v)),
  compensationFen: (v) => (typeof v === 'number' ? `¥${yuan(v)}` : ''),
};
const HIDDEN = /(^id$|Id$|Ids$|phone|mobile|version)/i;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function actionLabel(action: string, lang: Lang): string {
  if (action in COMPLAINT_ACTION_LABELS) return COMPLAINT_ACTION_LABELS[action as ComplaintAction][lang];
  const key = `record.action.${action}`;
  return isMessageKey(key) ? translate(key, lang) : action;
}

function detailOf(data: Record<string, unknown>, lang: Lang): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (HIDDEN.test(key) || value === null || value === undefined || value === '') continue;
    const label = LABELLED[key];
    if (label) parts.push(label(value, lang));
    else if (typeof value === 'string') parts.push(value.replace(MOBILE, (m) => maskPhone(m)));
    else if (typeof value === 'object' && value && 'name' in value && typeof value.name === 'string') parts.push(value.name);
  }
  const text = parts.filter(Boolean).join('；');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function stepRows(steps: ComplaintStepRecord[], lang: Lang, timeZone: string): StepLine[] {
  return steps.map((s) => ({
    at: localDateTime(s.at, timeZone),
    action: actionLabel(s.action, lang),
    actor: s.actor?.name ?? translate('record.system', lang),
    detail: detailOf(s.data, lang),
  }));
}
