import type { Lang } from '@kefu/shared/messages';
import { useCallback } from 'react';
import { CATALOG, type TextKey } from './catalog';
import { useLang } from './language';

export type Translate = (key: TextKey, params?: Record<string, string | number>) => string;

export function textOf(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return CATALOG[key][lang].replace(/\{(\w+)\}/g, (_: string, name: string) => String(params[name] ?? `{${name}}`));
}

/** `t('customers.new')` in the reader's language. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback((key, params) => textOf(lang, key, params), [lang]);
}
