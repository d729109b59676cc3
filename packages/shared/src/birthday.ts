import { Lunar, LunarYear } from 'lunar-typescript';

/**
 * Birthdays: solar ones are a month and day; lunar ones (农历) are a lunar month and day, possibly of a
 * leap month (闰月), celebrated on a different solar date every year.
 *
 * Rules where the lunar year has no such day:
 * - day 30 in a month that has 29 days this year (some years' 腊月 has no 三十): the month's last day;
 * - a leap-month birthday in a year without that leap month: the ordinary month of that number;
 * - 29 February in a non-leap year: 28 February.
 */
export interface Birthday {
  /** YYYY-MM-DD; for a lunar birthday the lunar year, month and day */
  date: string;
  lunar: boolean;
  lunarLeap?: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The solar date (YYYY-MM-DD) on which the birthday falls in the given solar year, or in the lunar year starting in it. */
export function birthdayInYear(b: Birthday, year: number): string {
  const [, m, d] = b.date.split('-').map(Number) as [number, number, number];
  if (!b.lunar) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = m === 2 && d === 29 && !isLeap ? 28 : d;
    return `${year}-${pad(m)}-${pad(day)}`;
  }
  return lunarToSolar(year, m, d, b.lunarLeap ?? false);
}

function lunarToSolar(lunarYear: number, month: number, day: number, leap: boolean): string {
  const ly = LunarYear.fromYear(lunarYear);
  const wantLeap = leap && ly.getLeapMonth() === month;
  const lunarMonth = ly.getMonth(wantLeap ? -month : month);
  const days = lunarMonth ? lunarMonth.getDayCount() : 29;
  const solar = Lunar.fromYmd(lunarYear, wantLeap ? -month : month, Math.min(day, days)).getSolar();
  return solar.toYmd();
}

/**
 * The next occurrence (YYYY-MM-DD) on or after `today` (YYYY-MM-DD). A lunar birthday in lunar year Y
 * may fall in solar year Y+1 (腊月), so both the previous and the current lunar year are tried.
 */
const memo = new Map<string, string>();

export function nextBirthday(b: Birthday, today: string): string {
  // lists show hundreds of these; lunar conversion is the costly part, and birthdays repeat
  const key = `${b.date}|${b.lunar ? 1 : 0}|${b.lunarLeap ? 1 : 0}|${today}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const value = computeNextBirthday(b, today);
  if (memo.size > 100_000) memo.clear();
  memo.set(key, value);
  return value;
}

function computeNextBirthday(b: Birthday, today: string): string {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => birthdayInYear(b, y)).filter((d) => d >= today);
  return candidates.sort()[0]!;
}

/** Is the birthday on a date in [from, to] (inclusive, YYYY-MM-DD)? Returns that date or null. */
export function birthdayBetween(b: Birthday, from: string, to: string): string | null {
  const next = nextBirthday(b, from);
  return next <= to ? next : null;
}

/** Today's solar date shown for a lunar birthday, e.g. 农历八月十五. */
export function lunarLabel(b: Birthday): string {
  const [, m, d] = b.date.split('-').map(Number) as [number, number, number];
  const months = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
  const tens = ['初', '十', '廿', '三'];
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const dayName = d === 10 ? '初十' : d === 20 ? '二十' : d === 30 ? '三十' : `${tens[Math.floor(d / 10)]}${digits[d % 10]}`;
  return `农历${b.lunarLeap ? '闰' : ''}${months[m - 1]}月${dayName}`;
}
