import type { RequestActor } from '../../lib/context';

/**
 * Who sees an inquiry: whoever sees every customer (customer:read_all) and the supervisor who turns
 * inquiries into articles (knowledge:manage) see all; an agent sees the inquiries they recorded and
 * those of the customers they own. Not seen is 404, as not found.
 */
export function seesAllInquiries(actor: RequestActor): boolean {
  return actor.permissions.has('customer:read_all') || actor.permissions.has('knowledge:manage');
}

export function canSeeInquiry(actor: RequestActor, i: { recorded_by: string | null; customer_owner_id: string | null }): boolean {
  return seesAllInquiries(actor) || i.recorded_by === actor.id || (i.customer_owner_id !== null && i.customer_owner_id === actor.id);
}

export function canPromote(actor: RequestActor, i: { answer: string; promoted_article_id: string | null }): boolean {
  return actor.permissions.has('knowledge:manage') && !i.promoted_article_id && i.answer.trim().length > 0;
}
