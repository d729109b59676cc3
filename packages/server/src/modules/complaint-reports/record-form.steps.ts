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
  type MessageKey,
} from '@kefu/shared';
import { localDateTime, yuan } from './report-format';

/**
 * The steps of a case as the form's appendix prints them: when, which step, who, and the step's own
 * words. Only the fields a person wrote or reads are printed, each with its label (ids, versions and
 * the watch's bookkeeping mean nothing on paper); a phone number inside a note is masked, as the
 * form shows the number only where the reader's case view does.
 */
export interface StepLine {
  at: string;
  action: string;
  actor: string;
  detail: string;
}

type Render = (v: unknown, lang: Lang, timeZone: string) => string | null;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

const text: Render = (v) => (typeof v === 'string' && v.trim() ? v.replace(MOBILE, (m) => maskPhone(m)) : null);
const labelled =
  (key: MessageKey, inner: Render): Render =>
  (v, lang, tz) => {
    const s = inner(v, lang, tz);
    return s === null ? null : `${translate(key, lang)}${lang === 'en' ? ': ' : '：'}${s}`;
  };
const time: Render = (v, _lang, tz) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? localDateTime(v, tz) : null);
const table =
  (labels: Record<string, { 'zh-CN': string; en: string }>): Render =>
  (v, lang) =>
    typeof v === 'string' && v in labels ? labels[v]![lang] : null;

/** The fields printed, in this order. */
const FIELDS: [string, Render][] = [
  ['channel', table(COMPLAINT_CHANNEL_LABELS)],
  ['category', table(COMPLAINT_CATEGORY_LABELS)],
  ['severity', table(COMPLAINT_SEVERITY_LABELS)],
  ['clock', (v, lang) => (v === 'response' ? translate('report.sla_response', lang) : v === 'resolve' ? translate('report.sla_resolve', lang) : null)],
  ['department', labelled('report.col_department', text)],
  ['request', text],
  ['answer', text],
  ['what', text],
  ['investigator', labelled('record.investigator', text)],
  ['findings', text],
  ['proposal', text],
  ['responsible', labelled('record.responsible', text)],
  ['compensationFen', (v, lang) => (typeof v === 'number' && v > 0 ? translate('record.compensation', lang, { amount: yuan(v) }) : null)],
  ['handler', labelled('record.handler', text)],
  ['result', text],
  ['satisfactionResult', labelled('record.result', table(SATISFACTION_LABELS))],
  ['satisfactionSpeed', labelled('record.speed', table(SATISFACTION_LABELS))],
  ['suggestion', labelled('record.suggestion', text)],
  ['callbackAt', labelled('record.detail.callback', time)],
  ['from', text],
  ['to', (v) => (typeof v === 'string' && v ? `→ ${v}` : null)],
  ['reason', text],
  ['note', text],
  ['dueAt', labelled('record.detail.due', time)],
  ['late', (v, lang) => (v === true ? translate('record.detail.late', lang) : null)],
];

export function actionLabel(action: string, lang: Lang): string {
  if (action in COMPLAINT_ACTION_LABELS) return COMPLAINT_ACTION_LABELS[action as ComplaintAction][lang];
  const key = `record.action.${action}`;
  return isMessageKey(key) ? translate(key, lang) : action;
}

function detailOf(data: Record<string, unknown>, lang: Lang, timeZone: string): string {
  const parts = FIELDS.map(([key, render]) => (key in data ? render(data[key], lang, timeZone) : null)).filter((s): s is string => !!s);
  const joined = parts.join(lang === 'en' ? '; ' : '；');
  return joined.length > 400 ? `${joined.slice(0, 400)}…` : joined;
}

export function stepRows(steps: ComplaintStepRecord[], lang: Lang, timeZone: string): StepLine[] {
  return steps.map((s) => ({
    at: localDateTime(s.at, timeZone),
    action: actionLabel(s.action, lang),
    actor: s.actor?.name ?? translate('record.system', lang),
    detail: detailOf(s.data, lang, timeZone),
  }));
}
