import { LunarYear } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import { birthdayBetween, birthdayInYear, lunarLabel, nextBirthday, type Birthday } from '../src/birthday';
import { birthdayKeysForRange } from '../src/birthday-keys';
import { rng } from './rng';

const solar = (date: string): Birthday => ({ date, lunar: false });
const lunar = (date: string, lunarLeap = false): Birthday => ({ date, lunar: true, lunarLeap });

describe('birthdayInYear', () => {
  it.each([
    ['a solar birthday', solar('1990-10-09'), 2026, '2026-10-09'],
    ['29 February in a leap year', solar('2000-02-29'), 2028, '2028-02-29'],
    ['29 February in another year: the 28th', solar('2000-02-29'), 2026, '2026-02-28'],
    ['29 February in 2100 (not a leap year)', solar('2000-02-29'), 2100, '2100-02-28'],
    ['中秋 (八月十五) 2026', lunar('1990-08-15'), 2026, '2026-09-25'],
    ['正月初一 2026', lunar('1990-01-01'), 2026, '2026-02-17'],
    ['正月初一 2027', lunar('1990-01-01'), 2027, '2027-02-06'],
    // lunar year 2026's 腊月 has 29 days: 三十 falls on 廿九, in solar 2027
    ['腊月三十 in a year whose 腊月 has 29 days', lunar('1980-12-30'), 2026, '2027-02-05'],
    ['腊月廿九 the same year, the same day', lunar('1980-12-29'), 2026, '2027-02-05'],
    ['腊月三十 in a year whose 腊月 has 30 days', lunar('1980-12-30'), 2029, '2030-02-02'],
    ['八月三十 in 2026 (八月 has 29 days): the 29th', lunar('1990-08-30'), 2026, '2026-10-09'],
    ['九月初一 2026', lunar('1990-09-01'), 2026, '2026-10-10'],
    // 2025 has a leap sixth month (闰六月)
    ['闰六月初十 in a year with 闰六月', lunar('2000-06-10', true), 2025, '2025-08-03'],
    ['六月初十 (ordinary) that year', lunar('2000-06-10'), 2025, '2025-07-04'],
    ['闰六月初十 in a year without 闰六月: the ordinary 六月', lunar('2000-06-10', true), 2026, birthdayInYear(lunar('2000-06-10'), 2026)],
    ['闰六月三十 when 闰六月 has 29 days', lunar('2000-06-30', true), 2025, '2025-08-22'],
    ['闰五月初五 in 2028 (闰五月)', lunar('1990-05-05', true), 2028, '2028-06-27'],
  ])('%s', (_name, b, year, expected) => {
    expect(birthdayInYear(b, year)).toBe(expected);
  });

  it('the years used above have the calendar the cases assume', () => {
    expect(LunarYear.fromYear(2025).getLeapMonth()).toBe(6);
    expect(LunarYear.fromYear(2026).getLeapMonth()).toBe(0);
    expect(LunarYear.fromYear(2026).getMonth(12)!.getDayCount()).toBe(29);
    expect(LunarYear.fromYear(2029).getMonth(12)!.getDayCount()).toBe(30);
  });
});

describe('nextBirthday', () => {
  it.each([
    ['today is the birthday', solar('1990-10-09'), '2026-10-09', '2026-10-09'],
    ['later this year', solar('1990-12-31'), '2026-10-09', '2026-12-31'],
    ['passed: next year', solar('1990-10-08'), '2026-10-09', '2027-10-08'],
    ['across the year end', solar('1990-01-01'), '2026-12-31', '2027-01-01'],
    ['on new year\'s eve', solar('1990-12-31'), '2026-12-31', '2026-12-31'],
    ['29 Feb after 28 Feb of a common year', solar('2000-02-29'), '2026-03-01', '2027-02-28'],
    ['29 Feb: the next leap year has the 29th', solar('2000-02-29'), '2027-03-01', '2028-02-29'],
    ['lunar 腊月 of lunar 2026 falls in solar 2027', lunar('1980-12-30'), '2026-10-09', '2027-02-05'],
    ['lunar 腊月 of the previous lunar year, early in the solar year', lunar('1980-12-20'), '2026-01-02', birthdayInYear(lunar('1980-12-20'), 2025)],
    ['lunar 正月初一 after this year\'s has passed', lunar('1990-01-01'), '2026-10-09', '2027-02-06'],
    ['lunar birthday today', lunar('1990-08-30'), '2026-10-09', '2026-10-09'],
  ])('%s', (_name, b, today, expected) => {
    expect(nextBirthday(b, today)).toBe(expected);
    expect(nextBirthday(b, today) >= today).toBe(true);
  });

  it('a lunar 腊月 birthday early in January is found in the same solar year', () => {
    const d = nextBirthday(lunar('1980-12-20'), '2026-01-02');
    expect(d.startsWith('2026-')).toBe(true);
  });
});

describe('birthdayBetween', () => {
  it.each([
    [solar('1990-10-15'), '2026-10-09', '2026-10-15', '2026-10-15'],
    [solar('1990-10-16'), '2026-10-09', '2026-10-15', null],
    [solar('1990-01-02'), '2026-12-28', '2027-01-03', '2027-01-02'],
    [lunar('1990-09-01'), '2026-10-09', '2026-10-15', '2026-10-10'],
  ])('%j in [%s, %s] -> %s', (b, from, to, expected) => {
    expect(birthdayBetween(b, from, to)).toBe(expected);
  });
});

describe('lunarLabel', () => {
  it.each([
    [lunar('1990-08-15'), '农历八月十五'],
    [lunar('1990-12-30'), '农历腊月三十'],
    [lunar('1990-06-01', true), '农历闰六月初一'],
    [lunar('1990-11-20'), '农历冬月二十'],
    [lunar('1990-01-10'), '农历正月初十'],
    [lunar('1990-03-21'), '农历三月廿一'],
  ])('%j -> %s', (b, label) => {
    expect(lunarLabel(b)).toBe(label);
  });
});

describe('birthdayKeysForRange agrees with birthdayInYear / nextBirthday', () => {
  function inRangeByKeys(b: Birthday, from: string, to: string): boolean {
    const keys = birthdayKeysForRange(from, to);
    const md = b.date.slice(5);
    if (!b.lunar) return keys.solar.includes(md);
    return (b.lunarLeap ? keys.lunarLeap : keys.lunar).includes(md);
  }

  function addDays(ymd: string, n: number): string {
    const d = new Date(`${ymd}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  const pad = (n: number) => String(n).padStart(2, '0');

  it.each([
    ['腊月三十 in the week of a 29-day 腊月 end', lunar('1980-12-30'), '2027-02-01', '2027-02-07', true],
    ['29 Feb in a common year, on the 28th', solar('2000-02-29'), '2026-02-28', '2026-02-28', true],
    ['29 Feb in a common year, not on 1 March', solar('2000-02-29'), '2026-03-01', '2026-03-07', false],
    ['闰六月 birthday in the ordinary 六月 of a year without it', lunar('2000-06-10', true), '2026-07-20', '2026-07-26', true],
    ['ordinary 六月 birthday not in 闰六月', lunar('2000-06-10'), '2025-08-01', '2025-08-05', false],
    ['闰六月 birthday in 闰六月', lunar('2000-06-10', true), '2025-08-01', '2025-08-05', true],
    ['闰六月 birthday not in the ordinary 六月 of a leap year', lunar('2000-06-10', true), '2025-07-01', '2025-07-07', false],
  ])('%s', (_name, b, from, to, expected) => {
    expect(inRangeByKeys(b, from, to)).toBe(expected);
    expect(birthdayBetween(b, from, to) !== null).toBe(expected);
  });

  it('for 300 random birthdays and ranges (seeded)', () => {
    const random = rng(8152026);
    const failures: string[] = [];
    let hits = 0;
    for (let i = 0; i < 300; i += 1) {
      const isLunar = random.next() < 0.6;
      const month = 1 + random.int(12);
      const maxDay = isLunar ? 30 : new Date(Date.UTC(2000, month, 0)).getUTCDate();
      // bias towards the month ends, where the rules are
      const day = random.next() < 0.3 ? maxDay - random.int(2) : 1 + random.int(maxDay);
      const b: Birthday = { date: `19${60 + random.int(40)}-${pad(month)}-${pad(day)}`, lunar: isLunar, lunarLeap: isLunar && random.next() < 0.3 };
      // half the ranges start a few days around an occurrence, where the boundaries are
      const base = addDays('2024-01-01', random.int(365 * 8));
      const from = random.next() < 0.5 ? addDays(nextBirthday(b, base), random.int(7) - 3) : base;
      const to = addDays(from, random.pick([0, 1, 6, 30, 90]));
      const byKeys = inRangeByKeys(b, from, to);
      const byRule = birthdayBetween(b, from, to) !== null;
      if (byRule) hits += 1;
      if (byKeys !== byRule) failures.push(`${JSON.stringify(b)} [${from}, ${to}]: keys ${byKeys}, rule ${byRule}`);
    }
    expect(failures).toEqual([]);
    expect(hits).toBeGreaterThan(60); // the sample holds both answers, not only no
  });

  it('every day of 2024-2031 is the birthday of exactly what birthdayInYear says (lunar month ends)', () => {
    // for each lunar year, the solar date of every (month, 29/30, leap) birthday is in its own one-day range
    const failures: string[] = [];
    for (let year = 2024; year <= 2030; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 29, 30]) {
          for (const leap of [false, true]) {
            const b = lunar(`1990-${pad(month)}-${pad(day)}`, leap);
            const date = birthdayInYear(b, year);
            if (!inRangeByKeys(b, date, date)) failures.push(`${JSON.stringify(b)} ${year}: ${date} not matched by keys`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
