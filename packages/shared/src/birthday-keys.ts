import { Lunar, LunarYear, Solar } from 'lunar-typescript';
import { addDays } from './dates';

/**
 * Which stored birthdays fall in a range of solar dates, as keys the database can match with an
 * index: 'MM-DD' of the stored date, separately for solar, lunar and lunar-leap-month birthdays.
 * The rules match birthdayInYear(): 三十 in a 29-day month falls on the 29th; a leap-month birthday in
 * a year without that leap month falls in the ordinary month; 29 February on the 28th in other years.
 */
export interface BirthdayKeys {
  solar: string[];
  lunar: string[];
  lunarLeap: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');


export function birthdayKeysForRange(from: string, to: string): BirthdayKeys {
  const solar = new Set<string>();
  const lunar = new Set<string>();
  const lunarLeap = new Set<string>();
  for (let day = from, i = 0; day <= to && i < 400; day = addDays(day, 1), i += 1) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    solar.add(`${pad(m)}-${pad(d)}`);
    const isLeapYear = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (m === 2 && d === 28 && !isLeapYear) solar.add('02-29');

    const l = Lunar.fromSolar(Solar.fromYmd(y, m, d));
    const lm = l.getMonth(); // negative for a leap month
    const month = Math.abs(lm);
    const ld = l.getDay();
    const year = LunarYear.fromYear(l.getYear());
    const monthDays = year.getMonth(lm)?.getDayCount() ?? 30;
    const days = ld === monthDays && monthDays === 29 ? [29, 30] : [ld];
    for (const dd of days) {
      const key = `${pad(month)}-${pad(dd)}`;
      if (lm < 0) {
        lunarLeap.add(key);
      } else {
        lunar.add(key);
        // a leap-month birthday, in a year without that leap month, is kept in the ordinary month
        if (year.getLeapMonth() !== month) lunarLeap.add(key);
      }
    }
  }
  return { solar: [...solar], lunar: [...lunar], lunarLeap: [...lunarLeap] };
}
