import { customerSearchKeys, namePinyin, type CustomerCreate, type EditableField } from '@kefu/shared';
import type { CustomerRow, NewCustomer } from '../../db/schema';

/** API field -> column, for the fields a person edits (and that the history records). */
export const FIELD_COLUMNS = {
  name: 'name',
  title: 'title',
  gender: 'gender',
  mobile: 'mobile',
  otherPhones: 'other_phones',
  wechat: 'wechat',
  email: 'email',
  idNumber: 'id_number',
  birthday: 'birthday',
  birthdayLunar: 'birthday_lunar',
  birthdayLunarLeap: 'birthday_lunar_leap',
  region: 'region',
  address: 'address',
  source: 'source',
  company: 'company',
  classCode: 'class_code',
  tierCode: 'tier_code',
  tags: 'tags',
  notes: 'notes',
  consentMarketing: 'consent_marketing',
  consentSensitive: 'consent_sensitive',
} as const satisfies Record<EditableField, keyof CustomerRow>;

/** The derived columns: pinyin, search keys, the birthday's month-day. Recomputed on every write. */
export function derivedColumns(c: { name: string; mobile: string | null; other_phones: string[]; birthday: string | null }) {
  const py = namePinyin(c.name);
  return {
    name_pinyin: py.full,
    name_initials: py.initials,
    search_keys: customerSearchKeys({ name: c.name, mobile: c.mobile, otherPhones: c.other_phones }),
    birthday_md: c.birthday ? c.birthday.slice(5) : null,
  };
}

export function toInsertRow(input: CustomerCreate, createdBy: string | null, lifecycle: NewCustomer['lifecycle'] = 'prospect'): NewCustomer {
  const base = {
    name: input.name,
    title: input.title,
    gender: input.gender,
    mobile: input.mobile,
    other_phones: input.otherPhones.filter((p) => p !== input.mobile),
    wechat: input.wechat,
    email: input.email,
    id_number: input.idNumber,
    birthday: input.birthday,
    birthday_lunar: input.birthdayLunar,
    birthday_lunar_leap: input.birthdayLunar && input.birthdayLunarLeap,
    region: input.region,
    address: input.address,
    source: input.source,
    company: input.company,
    owner_id: input.ownerId,
    class_code: input.classCode,
    tier_code: input.tierCode,
    tags: [...new Set(input.tags)],
    notes: input.notes,
    consent_marketing: input.consentMarketing,
    consent_sensitive: input.consentSensitive,
    merged_into: null,
    last_contact_at: null,
    created_by: createdBy,
    lifecycle,
  };
  return { ...base, ...derivedColumns(base) };
}

/** Field-by-field differences between two rows, for the history (who, when, old -> new). */
export function diffFields(before: CustomerRow, after: Partial<CustomerRow>): { field: string; oldValue: unknown; newValue: unknown }[] {
  const changes: { field: string; oldValue: unknown; newValue: unknown }[] = [];
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    if (!(column in after)) continue;
    const oldValue = before[column] ?? null;
    const newValue = after[column as keyof CustomerRow] ?? null;
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, oldValue, newValue });
  }
  return changes;
}
