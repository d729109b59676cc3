import { SOURCE_LABELS, SOURCES } from '@kefu/shared';

/**
 * Cell text to field values, as people write them in a customer book. Each returns `undefined` for a
 * value it cannot read (the row is reported), `null` for an empty cell.
 */
type Read<T> = T | null | undefined;

const lower = (v: string) => v.trim().toLowerCase();

function lookup<T>(table: Record<string, T>, v: string): Read<T> {
  if (!v.trim()) return null;
  const hit = table[lower(v)];
  return hit === undefined ? undefined : hit;
}

const TITLES: Record<string, 'mr' | 'ms'> = {
  先生: 'mr',
  男士: 'mr',
  mr: 'mr',
  'mr.': 'mr',
  女士: 'ms',
  小姐: 'ms',
  太太: 'ms',
  ms: 'ms',
  'ms.': 'ms',
  mrs: 'ms',
  'mrs.': 'ms',
  miss: 'ms',
};
export const readTitle = (v: string) => lookup(TITLES, v);

const GENDERS: Record<string, 'male' | 'female' | 'unknown'> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  female: 'female',
  f: 'female',
  未知: 'unknown',
  保密: 'unknown',
  unknown: 'unknown',
  '-': 'unknown',
};
export const readGender = (v: string) => lookup(GENDERS, v);

const BOOLS: Record<string, boolean> = {
  是: true,
  农历: true,
  阴历: true,
  y: true,
  yes: true,
  true: true,
  1: true,
  '√': true,
  '✓': true,
  否: false,
  公历: false,
  阳历: false,
  新历: false,
  n: false,
  no: false,
  false: false,
  0: false,
};
export const readBool = (v: string) => lookup(BOOLS, v);

/** Several values in one cell: "VIP，老客户；转介绍" or phones separated by "/" and spaces. */
export function readList(v: string): string[] {
  return v
    .split(/[,，;；、/|\n]+|\s{1,}/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Dates as typed or as Excel keeps them: 1990-2-3, 1990/02/03, 1990.2.3, 1990年2月3日, 19900203, and
 * Excel's day numbers (a date column saved as numbers). Unreadable text is returned as it is, so the
 * schema reports it ("日期格式应为 YYYY-MM-DD").
 */
export function readDate(v: string): string | null {
  const s = v.trim();
  if (!s) return null;
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{4,5}$/.test(s) && Number(s) > 366) {
    // Excel's 1900 date system: day 1 is 1900-01-01, counted from 1899-12-30 for Lotus's leap-year bug
    return new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000).toISOString().slice(0, 10);
  }
  return s;
}

/** "农历1990-02-03" or "1990-02-03（农历）": the date, and whether the cell says lunar. */
export function splitLunarMark(v: string): { date: string; lunar: boolean } {
  const lunar = /农历|阴历/.test(v);
  return { date: lunar ? v.replace(/[（(]?\s*(农历|阴历)\s*[）)]?/g, '').trim() : v, lunar };
}

const SOURCE_WORDS: [RegExp, (typeof SOURCES)[number]][] = [
  [/介绍|推荐|转介|朋友|老带新/, 'referral'],
  [/到店|门店|上门|进店|路过|自然客/, 'walk_in'],
  [/电话|来电|热线|400|呼入/, 'phone'],
  [/网|线上|微信|公众号|小程序|抖音|小红书|美团|点评|淘宝|京东|app/i, 'online'],
  [/活动|展会|讲座|沙龙|地推/, 'event'],
];

/**
 * The source: our labels or codes, else a guess from the words; anything else is "other" rather than
 * an error, because old books write sources freely and that must not stop a customer's import.
 */
export function readSource(v: string): (typeof SOURCES)[number] | null {
  const s = v.trim();
  if (!s) return null;
  for (const code of SOURCES) {
    if (lower(s) === code || s === SOURCE_LABELS[code]['zh-CN'] || lower(s) === lower(SOURCE_LABELS[code].en)) return code;
  }
  return SOURCE_WORDS.find(([re]) => re.test(s))?.[1] ?? 'other';
}
