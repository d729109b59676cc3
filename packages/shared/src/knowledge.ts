import { z } from 'zod';
import { INQUIRY_CATEGORIES } from './inquiry';

/** The knowledge base (问题回答资料库, SPEC §3): questions with their agreed answer, searched while the agent types. */
export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '已发布', en: 'Published' },
} as const;

const title = z.string().trim().min(2, { message: 'v.article_title' }).max(100, { message: 'v.too_long' });
const tag = z.string().trim().min(1, { message: 'v.tag' }).max(20, { message: 'v.tag' });

export const articleInputSchema = z.object({
  title,
  /** other ways callers ask the same thing (退卡怎么办理, 卡里的钱能退吗): searched like the title */
  variants: z.array(title).max(20, { message: 'v.too_long' }).default([]),
  answer: z.string().trim().min(1, { message: 'v.article_answer' }).max(4000, { message: 'v.too_long' }),
  category: z.enum(INQUIRY_CATEGORIES, { message: 'v.inquiry_category' }),
  tags: z.array(tag).max(10, { message: 'v.too_long' }).default([]),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;
export const articleUpdateSchema = articleInputSchema.extend({ version: z.number().int().min(1) });
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  variants: z.array(z.string()),
  answer: z.string(),
  category: z.enum(INQUIRY_CATEGORIES),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  sourceInquiryId: z.string().nullable(),
  createdBy: person,
  createdAt: z.string(),
  updatedBy: person,
  updatedAt: z.string(),
  version: z.number(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Article = z.infer<typeof articleSchema>;

export const articleListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(INQUIRY_CATEGORIES).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const suggestionQuery = z.object({
  q: z.string().trim().max(500).default(''),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export const suggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  answer: z.string(),
  category: z.enum(INQUIRY_CATEGORIES),
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
