import { FESTIVAL_LABELS, type Festival } from '@kefu/shared/festivals';
import { isMessageKey, translate, type Lang } from '@kefu/shared/messages';

/** A rule's texts (name, help, param labels) from the shared catalog, in the reader's language. */
export function ruleText(lang: Lang, key: string): string {
  return isMessageKey(key) ? translate(key, lang) : key;
}

/** One param's value as the manager reads it in the table. */
export function paramValue(lang: Lang, key: string, value: unknown, words: { yes: string; no: string; all: string }): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    if (!value.length) return words.all;
    return key === 'festivals' ? value.map((f) => FESTIVAL_LABELS[f as Festival]?.[lang] ?? String(f)).join('、') : value.join('、');
  }
  return String(value);
}
