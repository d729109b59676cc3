import type { Inquiry, InquiryCategory } from '@kefu/shared';
import type { RequestActor } from '../../lib/context';
import { canPromote } from './inquiry.policy';
import type { InquiryRow } from './inquiry.repo';

/** The only way an inquiry leaves the server (the customer's name, never their numbers). */
export function toInquiry(r: InquiryRow, actor: RequestActor): Inquiry {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    category: r.category as InquiryCategory,
    customer: r.customer_id && r.customer_name ? { id: r.customer_id, name: r.customer_name } : null,
    interactionId: r.interaction_id,
    article: r.article_id && r.article_title ? { id: r.article_id, title: r.article_title } : null,
    promotedArticleId: r.promoted_article_id,
    recordedBy: r.recorded_by && r.recorded_by_name ? { id: r.recorded_by, name: r.recorded_by_name } : null,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
    abilities: { promote: canPromote(actor, r) },
  };
}
