import { INQUIRY_CATEGORIES, INQUIRY_CATEGORY_LABELS, type InquiryCategory } from '@kefu/shared/inquiry';
import { ARTICLE_STATUS_LABELS, type ArticleStatus } from '@kefu/shared/knowledge';
import { useCallback, useMemo } from 'react';
import { useLang } from '../../app/i18n/language';

/** Categories shared by inquiries and articles, and article states, in the reader's language. */
export function useCategoryOptions() {
  const { lang } = useLang();
  return useMemo(() => INQUIRY_CATEGORIES.map((c) => ({ value: c, label: INQUIRY_CATEGORY_LABELS[c][lang] })), [lang]);
}

export function useCategoryLabel() {
  const { lang } = useLang();
  return useCallback((c: InquiryCategory) => INQUIRY_CATEGORY_LABELS[c]?.[lang] ?? c, [lang]);
}

export function useStatusLabel() {
  const { lang } = useLang();
  return useCallback((s: ArticleStatus) => ARTICLE_STATUS_LABELS[s][lang], [lang]);
}
