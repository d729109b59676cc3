import { randomUUID } from 'node:crypto';
import { seededRandom } from '../src/modules/demo';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES, TAGS } from '../src/modules/demo/names';
import { derivedColumns } from '../src/modules/customers';

/** Synthetic customers for the benchmark: realistic Chinese names, unique valid mobiles, pinyin keys. */
export interface BenchCustomer {
  id: string;
  name: string;
  gender: 'male' | 'female';
  mobile: string;
  birthday: string | null;
  lunar: boolean;
  tier: string;
  klass: string;
  ownerIndex: number;
  lifecycle: string;
  tags: string[];
  createdAt: Date;
  lastContactAt: Date | null;
  namePinyin: string;
  nameInitials: string;
  searchKeys: string[];
}

const PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '176', '177', '180', '181', '183', '185', '186', '187', '188', '189', '198', '199'];
const LIFECYCLES = ['prospect', 'active', 'active', 'active', 'active', 'dormant', 'lost'];

export function generateCustomers(count: number, owners: number, seed = 1): BenchCustomer[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const total = SURNAMES.reduce((s, [, w]) => s + w, 0);
  const surname = () => {
    let r = rnd() * total;
    for (const [s, w] of SURNAMES) if ((r -= w) < 0) return s;
    return '王';
  };
  const mobiles = new Set<string>();
  const now = Date.now();
  const out: BenchCustomer[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const female = rnd() < 0.55;
    const given = female ? GIVEN_FEMALE : GIVEN_MALE;
    const name = surname() + pick(given) + (rnd() < 0.7 ? pick(given) : '');
    let mobile: string;
    do mobile = pick(PREFIXES) + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
    while (mobiles.has(mobile));
    mobiles.add(mobile);
    const lunar = rnd() < 0.2;
    const birthday = rnd() < 0.9 ? `${1950 + Math.floor(rnd() * 55)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : null;
    const derived = derivedColumns({ name, mobile, other_phones: [], birthday });
    const createdAt = new Date(now - Math.floor(rnd() * 1500 * 86_400_000));
    out[i] = {
      id: randomUUID(),
      name,
      gender: female ? 'female' : 'male',
      mobile,
      birthday,
      lunar,
      tier: rnd() < 0.05 ? 'vip' : rnd() < 0.1 ? 'big' : 'normal',
      klass: pick(['partner', 'cooperative', 'general', 'general', 'competitor']),
      ownerIndex: Math.floor(rnd() * owners),
      lifecycle: pick(LIFECYCLES),
      tags: [pick(TAGS)],
      createdAt,
      lastContactAt: rnd() < 0.8 ? new Date(createdAt.getTime() + Math.floor(rnd() * (now - createdAt.getTime()))) : null,
      namePinyin: derived.name_pinyin,
      nameInitials: derived.name_initials,
      searchKeys: derived.search_keys,
    };
  }
  return out;
}

export const COPY_COLUMNS = [
  'id', 'name', 'gender', 'title', 'mobile', 'birthday', 'birthday_lunar', 'birthday_md', 'tier_code', 'class_code', 'owner_id', 'lifecycle',
  'tags', 'created_at', 'updated_at', 'last_contact_at', 'name_pinyin', 'name_initials', 'search_keys',
] as const;

const arr = (xs: string[]) => `{${xs.join(',')}}`;

/** PostgreSQL COPY text format (no value here needs escaping: names, digits, pinyin). */
export function toCopyLine(c: BenchCustomer, ownerIds: string[]): string {
  return [
    c.id, c.name, c.gender, c.gender === 'female' ? 'ms' : 'mr', c.mobile, c.birthday ?? '\\N', c.lunar ? 't' : 'f', c.birthday ? c.birthday.slice(5) : '\\N',
    c.tier, c.klass, ownerIds[c.ownerIndex]!, c.lifecycle, arr(c.tags), c.createdAt.toISOString(), c.createdAt.toISOString(),
    c.lastContactAt ? c.lastContactAt.toISOString() : '\\N', c.namePinyin, c.nameInitials, arr(c.searchKeys),
  ].join('\t');
}
