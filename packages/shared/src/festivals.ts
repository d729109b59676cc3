import { Lunar } from 'lunar-typescript';

/**
 * The five festivals of the holiday greetings (标准话术 节日开场白, seed 000): 元旦, 春节, 五一, 中秋, 国庆.
 * The lunar ones (春节 = 正月初一, 中秋 = 八月十五) fall on a different solar date every year.
 */
export const FESTIVALS = ['new_year', 'spring_festival', 'labour_day', 'mid_autumn', 'national_day'] as const;
export type Festival = (typeof FESTIVALS)[number];

export const FESTIVAL_LABELS: Record<Festival, { 'zh-CN': string; en: string }> = {
  new_year: { 'zh-CN': '元旦', en: "New Year's Day" },
  spring_festival: { 'zh-CN': '春节', en: 'Spring Festival' },
  labour_day: { 'zh-CN': '劳动节', en: 'Labour Day' },
  mid_autumn: { 'zh-CN': '中秋节', en: 'Mid-Autumn Festival' },
  national_day: { 'zh-CN': '国庆节', en: 'National Day' },
};

/** The solar date (YYYY-MM-DD) of the festival in the given solar year. */
export function festivalDate(festival: Festival, year: number): string {
  switch (festival) {
    case 'new_year':
      return `${year}-01-01`;
    case 'labour_day':
      return `${year}-05-01`;
    case 'national_day':
      return `${year}-10-01`;
    case 'spring_festival':
      return Lunar.fromYmd(year, 1, 1).getSolar().toYmd();
    case 'mid_autumn':
      return Lunar.fromYmd(year, 8, 15).getSolar().toYmd();
  }
}

/** Every festival of the solar year, in date order. */
export function festivalsOfYear(year: number): { festival: Festival; date: string }[] {
  return FESTIVALS.map((festival) => ({ festival, date: festivalDate(festival, year) })).sort((a, b) => a.date.localeCompare(b.date));
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The festival whose greeting season contains `date` (YYYY-MM-DD): from `before` days ahead of it to
 * `after` days after it (default a week before to 3 days after), or null outside every season.
 * Where two seasons overlap (中秋 close to 国庆) the nearer festival wins.
 */
export function festivalSeason(date: string, opts: { before?: number; after?: number } = {}): { festival: Festival; date: string } | null {
  const before = opts.before ?? 7;
  const after = opts.after ?? 3;
  const year = Number(date.slice(0, 4));
  const candidates = [...festivalsOfYear(year - 1), ...festivalsOfYear(year), ...festivalsOfYear(year + 1)]
    .map((f) => ({ ...f, offset: daysBetween(f.date, date) })) // > 0: after the festival
    .filter((f) => f.offset >= -before && f.offset <= after)
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset));
  const best = candidates[0];
  return best ? { festival: best.festival, date: best.date } : null;
}
