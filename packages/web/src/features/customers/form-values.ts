import { EDITABLE_FIELDS, type Customer } from '@kefu/shared/customer';

/** The customer form's values as antd holds them; empty inputs are '' or undefined until sent. */
export interface CustomerFormValues {
  name?: string;
  title?: 'mr' | 'ms' | null;
  gender?: 'male' | 'female' | 'unknown';
  mobile?: string | null;
  otherPhones?: string[];
  wechat?: string | null;
  email?: string | null;
  idNumber?: string | null;
  birthday?: string | null;
  birthdayLunar?: boolean;
  birthdayLunarLeap?: boolean;
  region?: string | null;
  address?: string | null;
  source?: Customer['source'];
  company?: string | null;
  classCode?: string | null;
  tierCode?: string | null;
  tags?: string[];
  notes?: string | null;
  consentMarketing?: boolean;
  consentSensitive?: boolean;
  ownerId?: string | null;
}

export const FORM_FIELDS: readonly string[] = [...EDITABLE_FIELDS, 'ownerId'];

export const EMPTY_CUSTOMER: CustomerFormValues = {
  gender: 'unknown',
  otherPhones: [],
  tags: [],
  birthdayLunar: false,
  birthdayLunarLeap: false,
  consentMarketing: false,
  consentSensitive: false,
};

/** Form values as the API's input: text trimmed, empty text and empty choices as null. */
export function toInput(values: CustomerFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') out[key] = value.trim() === '' ? null : value.trim();
    else out[key] = value === undefined ? null : value;
  }
  // an empty name is "enter a name", not "wrong type"
  out.name = typeof values.name === 'string' ? values.name.trim() : '';
  return out;
}

/** A record as form values; numbers are whatever the reader may see (masked or revealed). */
export function fromCustomer(c: Customer): CustomerFormValues {
  const values: CustomerFormValues = {};
  for (const field of EDITABLE_FIELDS) (values as Record<string, unknown>)[field] = c[field];
  return values;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields the editor changed, so untouched (possibly masked) numbers are never sent back. */
export function changedFields(before: CustomerFormValues, after: CustomerFormValues): Record<string, unknown> {
  const a = toInput(before);
  const b = toInput(after);
  return Object.fromEntries(Object.entries(b).filter(([key, value]) => key !== 'ownerId' && !same(a[key], value)));
}
