import { pinyin } from 'pinyin-pro';

/**
 * The customer search index is a `search_keys text[]` column with a GIN index, filled by the
 * application (see docs/decisions/003-customer-search-keys.md): trigram search does not serve
 * two-character Chinese names, and pinyin has to be computed anyway.
 */

/** Pinyin syllables of a name, the surname read as a surname (单 shan, 曾 zeng, 解 xie, 尉迟 yuchi). */
export function nameSyllables(name: string): string[] {
  const han = name.replace(/\s+/g, '');
  if (!han) return [];
  return pinyin(han, { surname: 'head', toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
}

export interface NamePinyin {
  /** "zhangsanfeng" */
  full: string;
  /** "zsf" */
  initials: string;
}

export function namePinyin(name: string): NamePinyin {
  const syllables = nameSyllables(name);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

const HAN = /\p{Script=Han}/u;

export interface SearchKeyInput {
  name: string;
  mobile?: string | null;
  otherPhones?: readonly string[];
  cardNumbers?: readonly string[];
}

/**
 * Keys per customer, for the GIN index: each Chinese character and each bigram of the name, the full
 * name, every phone in full and its last 4 digits, card numbers. Pinyin and initials are not keys:
 * they are columns with btree indexes in the "C" collation, which serve both the prefix being typed
 * and the order of the results (docs/decisions/003).
 */
export function customerSearchKeys(input: SearchKeyInput): string[] {
  const keys = new Set<string>();
  const name = input.name.replace(/\s+/g, '');
  const chars = [...name];
  if (name) keys.add(name.toLowerCase());
  chars.forEach((c, i) => {
    if (HAN.test(c)) keys.add(c);
    const next = chars[i + 1];
    if (next !== undefined) keys.add((c + next).toLowerCase());
  });
  for (const phone of [input.mobile, ...(input.otherPhones ?? [])]) {
    if (!phone) continue;
    keys.add(phone);
    if (phone.length >= 4) keys.add(phone.slice(-4));
  }
  for (const card of input.cardNumbers ?? []) keys.add(card.toLowerCase());
  return [...keys];
}

export type SearchQuery =
  /** 4 digits: last 4 of a phone; 11 digits: a whole mobile. Both exact keys. */
  | { kind: 'phone_key'; key: string }
  /** other digit strings: a phone prefix as it is being typed */
  | { kind: 'phone_prefix'; prefix: string }
  /** Chinese: every character/bigram must be a key, and the name must contain the text */
  | { kind: 'name'; keys: string[]; contains: string }
  /**
   * letters: a prefix of the full pinyin ("zhan", "zhangsan") or of the initials ("zs", "zsf").
   * Pinyin syllables always have a vowel and initials rarely do, so letters without a vowel are read
   * as initials first, the others as pinyin first; the other reading is the fallback.
   */
  | { kind: 'pinyin'; key: string; first: 'pinyin' | 'initials' }
  | { kind: 'empty' };

/** What the one search box means. Pure, so the UI can say how it is searching. */
export function parseSearchQuery(raw: string): SearchQuery {
  // NFKC: a Chinese input method in full-width mode types "１３８" and "ＺＳ"; they mean 138 and zs
  const q = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s\-()]/g, '');
  if (!q) return { kind: 'empty' };
  const digits = q.replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length === 4 || digits.length === 11) return { kind: 'phone_key', key: digits };
    return { kind: 'phone_prefix', prefix: digits };
  }
  if (HAN.test(q)) {
    const chars = [...q];
    if (chars.length === 1) return { kind: 'name', keys: [q], contains: q };
    const keys: string[] = [];
    for (let i = 0; i + 1 < chars.length; i += 1) keys.push(chars[i]! + chars[i + 1]!);
    return { kind: 'name', keys: [...new Set(keys)], contains: q };
  }
  const key = q.replace(/ü/g, 'v').replace(/[^a-z0-9]/g, '');
  // only punctuation ("？", "，"): an empty key would match every name as a pinyin prefix
  if (!key) return { kind: 'empty' };
  return { kind: 'pinyin', key, first: /[aeiouv]/.test(key) ? 'pinyin' : 'initials' };
}
