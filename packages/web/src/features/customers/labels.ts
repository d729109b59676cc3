import { lunarLabel } from '@kefu/shared/birthday';
import { GENDER_LABELS, SOURCE_LABELS, TITLE_LABELS, type Customer } from '@kefu/shared/customer';
import { LIFECYCLE_ACTION_LABELS, LIFECYCLE_LABELS, type LifecycleAction, type LifecycleState } from '@kefu/shared/customer-lifecycle';
import type { Lang } from '@kefu/shared/messages';
import { useMemo } from 'react';
import { useLang } from '../../app/i18n/language';
import { useCategories } from './api';

/** Display names of the archive's codes in the reader's language: shared tables and the configured categories. */
export function useCustomerLabels() {
  const { lang } = useLang();
  const categories = useCategories();
  return useMemo(() => {
    const cats = categories.data ?? [];
    const category = (kind: 'class' | 'tier', code: string | null) => {
      if (!code) return null;
      const c = cats.find((x) => x.kind === kind && x.code === code);
      return c ? (lang === 'zh-CN' ? c.labelZh : c.labelEn) : code;
    };
    return {
      lang,
      lifecycle: (s: LifecycleState) => LIFECYCLE_LABELS[s][lang],
      action: (a: LifecycleAction) => LIFECYCLE_ACTION_LABELS[a][lang],
      tier: (code: string | null) => category('tier', code),
      cls: (code: string | null) => category('class', code),
      source: (s: Customer['source']) => (s ? SOURCE_LABELS[s][lang] : null),
      title: (s: Customer['title']) => (s ? TITLE_LABELS[s][lang] : null),
      gender: (g: Customer['gender']) => GENDER_LABELS[g][lang],
    };
  }, [categories.data, lang]);
}

export const LIFECYCLE_COLORS: Record<LifecycleState, string> = {
  prospect: 'default',
  active: 'green',
  dormant: 'gold',
  lost: 'red',
  closed: 'default',
};

export const TIER_COLORS: Record<string, string> = { vip: 'magenta', big: 'volcano' };

/** A birthday as people say it: 1985-08-15, or 农历八月十五 for a lunar one. */
export function birthdayText(b: { birthday: string | null; birthdayLunar: boolean; birthdayLunarLeap: boolean }, lang: Lang): string | null {
  if (!b.birthday) return null;
  if (!b.birthdayLunar) return b.birthday;
  if (lang === 'zh-CN') return lunarLabel({ date: b.birthday, lunar: true, lunarLeap: b.birthdayLunarLeap });
  const [, m, d] = b.birthday.split('-');
  return `Lunar ${b.birthdayLunarLeap ? 'leap ' : ''}month ${Number(m)}, day ${Number(d)}`;
}
