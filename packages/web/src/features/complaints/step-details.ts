import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  SATISFACTION_LABELS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type ComplaintStepRecord,
  type Satisfaction,
} from '@kefu/shared/complaint';
import { COMPLAINT_ACTION_LABELS, type ComplaintAction } from '@kefu/shared/complaint-workflow';
import type { Lang } from '@kefu/shared/messages';
import dayjs from 'dayjs';
import { CATALOG, type TextKey } from '../../app/i18n/catalog';
import type { Translate } from '../../app/i18n/use-t';
import { fenToYuan } from './money';
import { durationText } from './sla-clock';
import { complaintStepText } from './step-text';

const known = (key: string): key is TextKey => Object.prototype.hasOwnProperty.call(CATALOG, key);

/** A step's title: a workflow action's label, another kind of step's, never a bare code. */
export function stepTitle(action: string, lang: Lang, t: Translate): string {
  if (action === 'feedback') return COMPLAINT_ACTION_LABELS.recordFeedback[lang];
  const label = COMPLAINT_ACTION_LABELS[action as ComplaintAction];
  if (label) return label[lang];
  const key = `complaintStep.${action}`;
  return known(key) ? t(key) : t('complaintStep.other');
}

function valueText(key: string, value: unknown, lang: Lang, t: Translate): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'late') return value === true ? t('complaintStep.late') : null;
  if (key === 'clock' || key === 'kind') {
    const label = `complaintStep.${key}.${String(value)}`;
    return known(label) ? t(label) : null;
  }
  if (key === 'pausedWorkingMs' || key === 'remainingMs') return typeof value === 'number' ? durationText(value, lang) : null;
  if (key === 'followUps') return Array.isArray(value) && value.length ? value.join('、') : null;
  if (key === 'channel') return COMPLAINT_CHANNEL_LABELS[value as ComplaintChannel]?.[lang] ?? null;
  if (key === 'category') return COMPLAINT_CATEGORY_LABELS[value as ComplaintCategory]?.[lang] ?? null;
  if (key === 'severity') return COMPLAINT_SEVERITY_LABELS[value as ComplaintSeverity]?.[lang] ?? null;
  if (key === 'compensationFen') return typeof value === 'number' && value > 0 ? t('complaintStep.yuan', { yuan: fenToYuan(value) }) : null;
  if (key.startsWith('satisfaction') && typeof value === 'string') return SATISFACTION_LABELS[value as Satisfaction]?.[lang] ?? null;
  if (key.endsWith('At') && typeof value === 'string') return dayjs(value).format('YYYY-MM-DD HH:mm');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
  return null;
}

const FIELD_PREFIX = 'complaintStep.field.';
/** The fields a step may record, in the order they are shown. */
const FIELDS = Object.keys(complaintStepText)
  .filter((k) => k.startsWith(FIELD_PREFIX))
  .map((k) => k.slice(FIELD_PREFIX.length));

/**
 * The labelled lines of one step, for the fields people read; ids and internal values are left out.
 * A person recorded as `{id, name}` or as `investigatorName` reads the same ("调查人：王经理").
 */
export function stepDetails(step: ComplaintStepRecord, lang: Lang, t: Translate): { label: string; text: string }[] {
  const lines: { label: string; text: string }[] = [];
  for (const key of FIELDS) {
    const named = step.data[`${key}Name`];
    const text = named !== undefined ? valueText('name', named, lang, t) : valueText(key, step.data[key], lang, t);
    if (text) lines.push({ label: t(`${FIELD_PREFIX}${key}` as TextKey), text });
  }
  return lines;
}
