import type { Article, InquiryCategory } from '@kefu/shared';
import type { RequestActor } from '../../lib/context';
import type { ArticleRow } from './knowledge.repo';
import { canManage } from './knowledge.policy';

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** The only way an article leaves the server, with what the reader may do with it. */
export function toArticle(r: ArticleRow, actor: RequestActor): Article {
  return {
    id: r.id,
    title: r.title,
    variants: r.variants,
    answer: r.answer,
    category: r.category as InquiryCategory,
    tags: r.tags,
    status: r.status,
    sourceInquiryId: r.source_inquiry_id,
    createdBy: person(r.created_by, r.created_by_name),
    createdAt: new Date(r.created_at).toISOString(),
    updatedBy: person(r.updated_by, r.updated_by_name),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
    abilities: { edit: canManage(actor) },
  };
}
