import type { RequestActor } from '../../lib/context';

/**
 * The knowledge base: everyone in service reads the published articles (knowledge:read); the
 * supervisor and the manager (knowledge:manage) also see drafts, write, publish and promote inquiries.
 * A draft is "not found" to a reader, as a row outside their scope is.
 */
export function canManage(actor: RequestActor): boolean {
  return actor.permissions.has('knowledge:manage');
}

export function canRead(actor: RequestActor, article: { status: string }): boolean {
  return article.status === 'published' ? actor.permissions.has('knowledge:read') || canManage(actor) : canManage(actor);
}
