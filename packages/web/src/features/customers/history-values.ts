import type { LifecycleState } from '@kefu/shared/customer-lifecycle';
import type { useCustomerLabels } from './labels';

type Labels = ReturnType<typeof useCustomerLabels>;

/** One old or new value of a history row as a person reads it; codes become their labels. */
export function historyValue(field: string, value: unknown, labels: Labels, words: { yes: string; no: string; empty: string }): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const text = String(value);
  switch (field) {
    case 'lifecycle':
      return labels.lifecycle(text as LifecycleState);
    case 'classCode':
      return labels.cls(text) ?? text;
    case 'tierCode':
      return labels.tier(text) ?? text;
    case 'source':
      return labels.source(text as never) ?? text;
    case 'title':
      return labels.title(text as never) ?? text;
    case 'gender':
      return labels.gender(text as never);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : text;
  }
}
