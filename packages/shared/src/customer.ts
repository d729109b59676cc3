import { z } from 'zod';
import { normaliseMobile, normalisePhone } from './phone';
import { LIFECYCLE_ACTIONS, LIFECYCLE_STATES } from './customer-lifecycle';

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const TITLES = ['mr', 'ms'] as const;
export const SOURCES = ['walk_in', 'referral', 'phone', 'online', 'event', 'other'] as const;

export const SOURCE_LABELS: Record<(typeof SOURCES)[number], { 'zh-CN': string; en: string }> = {
  walk_in: { 'zh-CN': '到店', en: 'Walk-in' },
  referral: { 'zh-CN': '转介绍', en: 'Referral' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  online: { 'zh-CN': '网络', en: 'Online' },
  event: { 'zh-CN': '活动', en: 'Event' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const TITLE_LABELS = { mr: { 'zh-CN': '先生', en: 'Mr' }, ms: { 'zh-CN': '女士', en: 'Ms' } } as const;
export const GENDER_LABELS = {
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
  unknown: { 'zh-CN': '未知', en: 'Unknown' },
} as const;

const trimmed = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });
const optionalText = (max: number) =>
  trimmed(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A mobile as typed; normalised to 11 digits or refused. */
export const mobileInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const n = normaliseMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'v.mobile' });
      return z.NEVER;
    }
    return n;
  });

export const phoneInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const n = normalisePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'v.phone' });
      return z.NEVER;
    }
    return n;
  });

/** other phones per customer; a merge keeps the first 20 (the merged-away record keeps all of its own) */
export const MAX_OTHER_PHONES = 20;

export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' });

const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{15}|\d{17}[\dX])$/, { message: 'v.id_number' });

/**
 * Fields a person edits; used by the create form, the edit form and the import.
 * No defaults here: a PATCH must leave absent fields alone (defaults live in the create schema).
 */
const customerFieldsShape = {
  name: z.string().trim().min(1, { message: 'v.name' }).max(50, { message: 'v.name' }),
  title: z.enum(TITLES).nullish().transform((v) => v ?? null),
  gender: z.enum(GENDERS),
  mobile: mobileInput.nullish().transform((v) => v ?? null),
  otherPhones: z.array(phoneInput).max(MAX_OTHER_PHONES, { message: 'v.too_long' }),
  wechat: optionalText(64),
  email: z
    .union([z.literal(''), z.email({ message: 'v.email' })])
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
  idNumber: idNumber.nullish().transform((v) => v ?? null),
  birthday: dateString.nullish().transform((v) => v ?? null),
  birthdayLunar: z.boolean(),
  birthdayLunarLeap: z.boolean(),
  region: optionalText(64),
  address: optionalText(200),
  source: z.enum(SOURCES).nullish().transform((v) => v ?? null),
  company: optionalText(100),
  classCode: z.string().nullish().transform((v) => v ?? null),
  tierCode: z.string().nullish().transform((v) => v ?? null),
  tags: z.array(z.string().trim().min(1, { message: 'v.tag' }).max(20, { message: 'v.tag' })).max(30),
  notes: optionalText(2000),
  consentMarketing: z.boolean(),
  consentSensitive: z.boolean(),
};

function checkBirthday(v: { birthday?: string | null; birthdayLunar?: boolean }, ctx: z.RefinementCtx) {
  if (!v.birthday) return;
  const [y, m, d] = v.birthday.split('-').map(Number) as [number, number, number];
  if (v.birthdayLunar) {
    if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1900) ctx.addIssue({ code: 'custom', path: ['birthday'], message: 'v.lunar_date' });
    return;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    ctx.addIssue({ code: 'custom', path: ['birthday'], message: 'v.date' });
  } else if (date.getTime() > Date.now()) {
    ctx.addIssue({ code: 'custom', path: ['birthday'], message: 'v.birthday_future' });
  }
}

export const customerCreateSchema = z
  .object({
    ...customerFieldsShape,
    gender: customerFieldsShape.gender.default('unknown'),
    otherPhones: customerFieldsShape.otherPhones.default([]),
    birthdayLunar: customerFieldsShape.birthdayLunar.default(false),
    birthdayLunarLeap: customerFieldsShape.birthdayLunarLeap.default(false),
    tags: customerFieldsShape.tags.default([]),
    consentMarketing: customerFieldsShape.consentMarketing.default(false),
    consentSensitive: customerFieldsShape.consentSensitive.default(false),
    ownerId: z.string().uuid().nullish().transform((v) => v ?? null),
  })
  .superRefine(checkBirthday);
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerCreate = z.output<typeof customerCreateSchema>;

/** PATCH: any subset of the fields, plus the version the editor saw. */
export const customerUpdateSchema = z
  .object(customerFieldsShape)
  .partial()
  // the version the editor saw; or in the If-Match header
  .extend({ version: z.number().int().min(1).optional() })
  .superRefine(checkBirthday);
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;

export const EDITABLE_FIELDS = Object.keys(customerFieldsShape) as (keyof typeof customerFieldsShape)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];
/** Fields whose values are masked for people who may not see them (SPEC §1). */
export const MASKED_FIELDS: readonly EditableField[] = ['mobile', 'otherPhones', 'idNumber'];

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.enum(TITLES).nullable(),
  gender: z.enum(GENDERS),
  mobile: z.string().nullable(),
  otherPhones: z.array(z.string()),
  /** true when mobile/otherPhones/idNumber are masked for this reader */
  masked: z.boolean(),
  wechat: z.string().nullable(),
  email: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthday: z.string().nullable(),
  birthdayLunar: z.boolean(),
  birthdayLunarLeap: z.boolean(),
  /** for lunar birthdays: this year's solar date */
  nextBirthday: z.string().nullable(),
  region: z.string().nullable(),
  address: z.string().nullable(),
  source: z.enum(SOURCES).nullable(),
  company: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  classCode: z.string().nullable(),
  tierCode: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  consentMarketing: z.boolean(),
  consentSensitive: z.boolean(),
  lifecycle: z.enum(LIFECYCLE_STATES),
  lastContactAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** what this reader may do with this record; the UI greys out the rest */
  abilities: z.object({
    update: z.boolean(),
    reveal: z.boolean(),
    assign: z.boolean(),
    merge: z.boolean(),
    lifecycle: z.array(z.enum(LIFECYCLE_ACTIONS)),
  }),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListItemSchema = customerSchema.pick({
  id: true,
  name: true,
  title: true,
  gender: true,
  mobile: true,
  masked: true,
  ownerId: true,
  ownerName: true,
  classCode: true,
  tierCode: true,
  tags: true,
  lifecycle: true,
  lastContactAt: true,
  createdAt: true,
  birthday: true,
  birthdayLunar: true,
  birthdayLunarLeap: true,
  nextBirthday: true,
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const revealSchema = z.object({
  mobile: z.string().nullable(),
  otherPhones: z.array(z.string()),
  idNumber: z.string().nullable(),
});

export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});

export const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorName: z.string().nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const lifecycleActionSchema = z.object({
  action: z.enum(LIFECYCLE_ACTIONS),
  version: z.number().int().min(1),
  reason: trimmed(500).optional(),
});

export const assignSchema = z.object({
  customerIds: z.array(z.string().uuid()).min(1).max(5000),
  ownerId: z.string().uuid(),
});
export const distributeSchema = z.object({
  customerIds: z.array(z.string().uuid()).min(1).max(5000),
  agentIds: z.array(z.string().uuid()).min(1, { message: 'customer.no_agents' }),
});
export const mergeSchema = z.object({
  /** the customer that disappears into this one */
  otherId: z.string().uuid(),
  version: z.number().int().min(1),
});
