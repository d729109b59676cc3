import { z } from 'zod';
import type { Lang } from './messages';

/** Inquiries (咨询, SPEC §3): what a caller asked and what the agent answered, recorded from the call screen. */
export const INQUIRY_CATEGORIES = ['membership', 'course', 'price', 'booking', 'facility', 'promotion', 'other'] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];

/** Shared by inquiries and knowledge-base articles: an article answers the inquiries of its category. */
export const INQUIRY_CATEGORY_LABELS: Record<InquiryCategory, { 'zh-CN': string; en: string }> = {
  membership: { 'zh-CN': '会籍/会员卡', en: 'Membership and cards' },
  course: { 'zh-CN': '课程', en: 'Courses' },
  price: { 'zh-CN': '价格费用', en: 'Prices and fees' },
  booking: { 'zh-CN': '预约', en: 'Bookings' },
  facility: { 'zh-CN': '场馆设施', en: 'Venue and facilities' },
  promotion: { 'zh-CN': '活动优惠', en: 'Offers and events' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const optionalId = (message: string) =>
  z
    .string()
    .uuid({ message })
    .nullish()
    .transform((v) => v ?? null);

export const inquiryCreateSchema = z.object({
  question: z.string().trim().min(2, { message: 'v.inquiry_question' }).max(500, { message: 'v.too_long' }),
  answer: z.string().trim().max(4000, { message: 'v.too_long' }).default(''),
  category: z.enum(INQUIRY_CATEGORIES, { message: 'v.inquiry_category' }),
  /** optional: an anonymous caller's inquiry is allowed */
  customerId: optionalId('v.customer'),
  /** the call or visit it was asked in (the call screen passes it) */
  interactionId: optionalId('error.not_found'),
  /** the knowledge-base article whose answer the agent used */
  articleId: optionalId('error.not_found'),
});
export type InquiryCreate = z.infer<typeof inquiryCreateSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const inquirySchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  category: z.enum(INQUIRY_CATEGORIES),
  customer: person.nullable(),
  interactionId: z.string().nullable(),
  article: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** the article the supervisor made of this inquiry (once) */
  promotedArticleId: z.string().nullable(),
  recordedBy: person.nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.object({ promote: z.boolean() }),
});
export type Inquiry = z.infer<typeof inquirySchema>;

export const inquiryListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(INQUIRY_CATEGORIES).optional(),
  customerId: z.string().uuid({ message: 'v.customer' }).optional(),
  /** only those not yet made into an article (the supervisor's review list) */
  unpromoted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const inquiryPromoteSchema = z.object({
  title: z.string().trim().min(2, { message: 'v.article_title' }).max(100, { message: 'v.too_long' }).optional(),
  publish: z.boolean().default(false),
});

/** The customer timeline's line for an inquiry. */
export function inquirySummary(kind: string, data: Record<string, unknown>, lang: Lang): string | null {
  const q = typeof data.question === 'string' ? data.question : '';
  const cat = INQUIRY_CATEGORY_LABELS[data.category as InquiryCategory]?.[lang] ?? '';
  if (kind === 'recorded') return lang === 'zh-CN' ? `咨询（${cat}）：${q}` : `Inquiry (${cat}): ${q}`;
  return null;
}
