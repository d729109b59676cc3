import { maskIdNumber, maskPhone, nextBirthday, type Customer, type CustomerListItem } from '@kefu/shared';
import type { CustomerRow } from '../../db/schema';
import type { RequestActor } from '../../lib/context';
import { abilities, seesNumbers } from './customer.policy';

export type CustomerRowWithOwner = CustomerRow & { owner_name: string | null };

/**
 * The only way a customer row leaves the server. Numbers are masked here unless this reader may see
 * them, so no list, search, export or timeline can forget to.
 */
export function toCustomer(row: CustomerRowWithOwner, actor: RequestActor, today: string): Customer {
  const visible = seesNumbers(actor, row);
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    gender: row.gender,
    mobile: row.mobile && !visible ? maskPhone(row.mobile) : row.mobile,
    otherPhones: visible ? row.other_phones : row.other_phones.map(maskPhone),
    masked: !visible && Boolean(row.mobile || row.other_phones.length || row.id_number),
    wechat: row.wechat,
    email: row.email,
    idNumber: row.id_number && !visible ? maskIdNumber(row.id_number) : row.id_number,
    birthday: row.birthday,
    birthdayLunar: row.birthday_lunar,
    birthdayLunarLeap: row.birthday_lunar_leap,
    nextBirthday: row.birthday ? nextBirthday({ date: row.birthday, lunar: row.birthday_lunar, lunarLeap: row.birthday_lunar_leap }, today) : null,
    region: row.region,
    address: row.address,
    source: row.source,
    company: row.company,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    classCode: row.class_code,
    tierCode: row.tier_code,
    tags: row.tags,
    notes: row.notes,
    consentMarketing: row.consent_marketing,
    consentSensitive: row.consent_sensitive,
    lifecycle: row.lifecycle,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    abilities: abilities(actor, row),
  };
}

export function toListItem(row: CustomerRowWithOwner, actor: RequestActor, today: string): CustomerListItem {
  const c = toCustomer(row, actor, today);
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    gender: c.gender,
    mobile: c.mobile,
    masked: c.masked,
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    classCode: c.classCode,
    tierCode: c.tierCode,
    tags: c.tags,
    lifecycle: c.lifecycle,
    lastContactAt: c.lastContactAt,
    createdAt: c.createdAt,
    birthday: c.birthday,
    birthdayLunar: c.birthdayLunar,
    birthdayLunarLeap: c.birthdayLunarLeap,
    nextBirthday: c.nextBirthday,
  };
}

/** History values of masked fields are masked for readers who may not see the numbers. */
export function maskHistoryValue(field: string, value: unknown, visible: boolean): unknown {
  if (visible || value === null || value === undefined) return value;
  if (field === 'mobile' && typeof value === 'string') return maskPhone(value);
  if (field === 'otherPhones' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? maskPhone(v) : v));
  if (field === 'idNumber' && typeof value === 'string') return maskIdNumber(value);
  return value;
}
