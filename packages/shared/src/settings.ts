import { z } from 'zod';

/**
 * Classification scheme (客户分类) and tiers (等级): configurable lists.
 * Shipped: the scheme of seed 000 (伙伴型、合作型、一般型、潜在竞争型) and VIP / 大客户 / 普通.
 */
export const CATEGORY_KINDS = ['class', 'tier'] as const;

export const categorySchema = z.object({
  kind: z.enum(CATEGORY_KINDS),
  code: z.string().regex(/^[a-z0-9_]{1,32}$/, { message: 'v.code' }),
  labelZh: z.string().trim().min(1, { message: 'v.required' }).max(20),
  labelEn: z.string().trim().min(1, { message: 'v.required' }).max(40),
  description: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  sort: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
});
export type Category = z.output<typeof categorySchema>;

export const DEFAULT_CATEGORIES: Category[] = [
  { kind: 'class', code: 'partner', labelZh: '伙伴型', labelEn: 'Partner', description: '认同公司理念、配合度高的核心客户', sort: 1, active: true },
  { kind: 'class', code: 'cooperative', labelZh: '合作型', labelEn: 'Cooperative', description: '合作意愿较好、需要持续维护', sort: 2, active: true },
  { kind: 'class', code: 'general', labelZh: '一般型', labelEn: 'General', description: '常规客户', sort: 3, active: true },
  {
    kind: 'class',
    code: 'competitor',
    labelZh: '潜在竞争型',
    labelEn: 'Potential competitor',
    description: '与竞争对手关系密切、需重点关注',
    sort: 4,
    active: true,
  },
  { kind: 'tier', code: 'vip', labelZh: 'VIP', labelEn: 'VIP', description: null, sort: 1, active: true },
  { kind: 'tier', code: 'big', labelZh: '大客户', labelEn: 'Big customer', description: null, sort: 2, active: true },
  { kind: 'tier', code: 'normal', labelZh: '普通', labelEn: 'Normal', description: null, sort: 3, active: true },
];

export const archiveSettingsSchema = z.object({
  /** churn-risk list: no contact for this many days */
  churnRiskDays: z.number().int().min(7).max(730),
  /** big-customer list: these tiers */
  bigCustomerTiers: z.array(z.string()),
  // the department's time zone (birthdays, "today") is the business calendar's: one setting, in 工作日历
});
export type ArchiveSettings = z.infer<typeof archiveSettingsSchema>;
export const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = {
  churnRiskDays: 60,
  bigCustomerTiers: ['vip', 'big'],
};
