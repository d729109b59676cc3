import { textSearchKeys, type Article, type ArticleInput, type ArticleUpdate, type InquiryCategory, type Suggestion } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { readCursor, page } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { toArticle } from './knowledge.mapper';
import { canManage, canRead } from './knowledge.policy';
import { articleKeys, searchArticles, selectArticles } from './knowledge.repo';

const notFound = () => new AppError('knowledge.not_found', 404);
const userId = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? ctx.actor.id : null);

export interface ArticleListQuery {
  q?: string | undefined;
  category?: InquiryCategory | undefined;
  status?: 'draft' | 'published' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The knowledge base (问题回答资料库): articles, their search, the suggestions while the agent types. */
export function createKnowledgeService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function get(ctx: Ctx, id: string): Promise<Article> {
    const row = await selectArticles(db).where('a.id', '=', id).executeTakeFirst();
    if (!row || !canRead(ctx.actor, row)) throw notFound();
    return toArticle(row, ctx.actor);
  }

  /** Newest change first; with ?q= the best matches first (one page: a search is read, not paged). */
  async function list(ctx: Ctx, q: ArticleListQuery) {
    const manager = canManage(ctx.actor);
    const status = manager ? q.status : 'published';
    const keys = q.q ? textSearchKeys(q.q) : [];
    if (q.q) {
      if (!keys.length) return { items: [], nextCursor: null };
      let search = searchArticles(db, keys, { publishedOnly: !manager, minScore: 1 }).limit(q.limit);
      if (status) search = search.where('a.status', '=', status);
      if (q.category) search = search.where('a.category', '=', q.category);
      return { items: (await search.execute()).map((r) => toArticle(r, ctx.actor)), nextCursor: null };
    }
    const after = readCursor(q.cursor, ['time', 'uuid']);
    let query = selectArticles(db)
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit + 1);
    if (status) query = query.where('a.status', '=', status);
    if (q.category) query = query.where('a.category', '=', q.category);
    if (after) {
      const [at, id] = [new Date(String(after[0])), String(after[1])];
      query = query.where((eb) => eb.or([eb('a.updated_at', '<', at), eb.and([eb('a.updated_at', '=', at), eb('a.id', '<', id)])]));
    }
    const rows = await query.execute();
    const out = page(rows, q.limit, (r) => [new Date(r.updated_at).toISOString(), r.id]);
    return { items: out.items.map((r) => toArticle(r, ctx.actor)), nextCursor: out.nextCursor };
  }

  /** Published articles for what the agent is typing, best first; nothing for a question of only stop words. */
  async function suggest(q: string, limit: number): Promise<Suggestion[]> {
    const keys = textSearchKeys(q);
    if (!keys.length) return [];
    const rows = await searchArticles(db, keys, { publishedOnly: true }).limit(limit).execute();
    return rows.map((r) => ({ id: r.id, title: r.title, answer: r.answer, category: r.category as InquiryCategory, score: Number(r.score) }));
  }

  async function create(ctx: Ctx, input: ArticleInput): Promise<Article> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('knowledge_articles')
        .values({
          ...fields(input),
          created_by: userId(ctx),
          created_at: now,
          updated_by: userId(ctx),
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, {
        action: 'knowledge.create',
        entityType: 'knowledge_article',
        entityId: row.id,
        detail: { title: input.title, status: input.status },
      });
      return row.id;
    });
    return get(ctx, id);
  }

  /** By version: a stale version is 409 and nothing changes. */
  async function update(ctx: Ctx, id: string, input: ArticleUpdate): Promise<Article> {
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('knowledge_articles')
        .select(['id', 'version', 'status', 'title'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound();
      if (before.version !== input.version) throw conflict('knowledge.version_conflict');
      await trx
        .updateTable('knowledge_articles')
        .set({ ...fields(input), updated_by: userId(ctx), updated_at: clock.now(), version: before.version + 1 })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .execute();
      await appendAudit(trx, ctx, {
        action: 'knowledge.update',
        entityType: 'knowledge_article',
        entityId: id,
        detail: { title: input.title, status: input.status, from: { title: before.title, status: before.status } },
      });
    });
    return get(ctx, id);
  }

  return { get, list, suggest, create, update };
}
export type KnowledgeService = ReturnType<typeof createKnowledgeService>;

export function fields(input: ArticleInput) {
  return {
    title: input.title,
    variants: input.variants,
    answer: input.answer,
    category: input.category,
    tags: input.tags,
    status: input.status,
    ...articleKeys(input),
  };
}
