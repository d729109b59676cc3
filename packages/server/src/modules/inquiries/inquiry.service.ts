import { keysOf, textSearchKeys, type Article, type Inquiry, type InquiryCategory, type InquiryCreate } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { canSee, insertTimeline } from '../customers';
import { articleFields, type KnowledgeService } from '../knowledge';
import { toInquiry } from './inquiry.mapper';
import { canSeeInquiry, seesAllInquiries } from './inquiry.policy';
import { selectInquiries } from './inquiry.repo';

const notFound = () => new AppError('inquiry.not_found', 404);
const userId = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? ctx.actor.id : null);
export const EXPORT_LIMIT = 5000;
const isUnique = (e: unknown) => (e as { code?: string }).code === '23505';

export interface InquiryListQuery {
  q?: string | undefined;
  category?: InquiryCategory | undefined;
  customerId?: string | undefined;
  unpromoted?: 'true' | 'false' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Inquiries (咨询): recorded from the call screen, on the customer's timeline, promoted to articles once. */
export function createInquiryService(deps: { db: Db; clock: Clock; knowledge: KnowledgeService; timeZone: () => Promise<string> }) {
  const { db, clock, knowledge } = deps;

  async function get(ctx: Ctx, id: string): Promise<Inquiry> {
    const row = await selectInquiries(db).where('i.id', '=', id).executeTakeFirst();
    if (!row || !canSeeInquiry(ctx.actor, row)) throw notFound();
    return toInquiry(row, ctx.actor);
  }

  async function record(ctx: Ctx, input: InquiryCreate): Promise<Inquiry> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      if (input.customerId) {
        const c = await trx
          .selectFrom('customers')
          .select(['id', 'owner_id', 'lifecycle', 'merged_into'])
          .where('id', '=', input.customerId)
          .executeTakeFirst();
        if (!c || c.merged_into || !canSee(ctx.actor, c)) throw new AppError('inquiry.unknown_customer', 404);
      }
      if (input.articleId) {
        const a = await trx
          .selectFrom('knowledge_articles')
          .select('id')
          .where('id', '=', input.articleId)
          .where('status', '=', 'published')
          .executeTakeFirst();
        if (!a) throw new AppError('knowledge.not_found', 404);
      }
      const row = await trx
        .insertInto('inquiries')
        .values({
          customer_id: input.customerId,
          interaction_id: input.interactionId,
          question: input.question,
          answer: input.answer,
          category: input.category,
          article_id: input.articleId,
          search_keys: keysOf([input.question, input.answer]),
          recorded_by: userId(ctx),
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, {
        action: 'inquiry.record',
        entityType: 'inquiry',
        entityId: row.id,
        detail: { category: input.category, customerId: input.customerId },
      });
      if (input.customerId) {
        await insertTimeline(trx, [
          {
            customerId: input.customerId,
            kind: 'inquiry.recorded',
            // the question, shortened: the timeline is a list of one-liners
            data: { question: input.question.slice(0, 80), category: input.category },
            at: now,
            actor: userId(ctx) ? { id: ctx.actor.id, name: ctx.actor.name } : null,
            refType: 'inquiry',
            refId: row.id,
          },
        ]);
      }
      return row.id;
    });
    return get(ctx, id);
  }

  /** Newest first; ?q= finds inquiries sharing words with the text (most shared first, one page). */
  function scoped(ctx: Ctx, q: Omit<InquiryListQuery, 'limit' | 'cursor'>) {
    let query = selectInquiries(db);
    if (!seesAllInquiries(ctx.actor)) {
      const me = ctx.actor.id;
      query = query.where((eb) => eb.or([eb('i.recorded_by', '=', me), eb('c.owner_id', '=', me)]));
    }
    if (q.category) query = query.where('i.category', '=', q.category);
    if (q.customerId) query = query.where('i.customer_id', '=', q.customerId);
    if (q.unpromoted === 'true') query = query.where('made.id', 'is', null);
    return query;
  }

  async function list(ctx: Ctx, q: InquiryListQuery) {
    let query = scoped(ctx, q);
    if (q.q) {
      const keys = textSearchKeys(q.q);
      if (!keys.length) return { items: [], nextCursor: null };
      const shared = sql<number>`cardinality(array(select unnest(i.search_keys) intersect select unnest(${sql.val(keys)}::text[])))`;
      const rows = await query
        .where(sql<boolean>`i.search_keys && ${sql.val(keys)}::text[]`)
        .orderBy(shared, 'desc')
        .orderBy('i.created_at', 'desc')
        .limit(q.limit)
        .execute();
      return { items: rows.map((r) => toInquiry(r, ctx.actor)), nextCursor: null };
    }
    const after = readCursor(q.cursor, ['time', 'uuid']);
    if (after) {
      const [at, id] = [new Date(String(after[0])), String(after[1])];
      query = query.where((eb) => eb.or([eb('i.created_at', '<', at), eb.and([eb('i.created_at', '=', at), eb('i.id', '<', id)])]));
    }
    const rows = await query
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const out = page(rows, q.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    return { items: out.items.map((r) => toInquiry(r, ctx.actor)), nextCursor: out.nextCursor };
  }

  /**
   * The supervisor turns a good answer into an article (a draft unless published at once). Once: the
   * inquiry row is locked and the article's source_inquiry_id is unique, so a second promote — or two
   * at the same moment — is a 409 naming the article already made.
   */
  async function promote(ctx: Ctx, id: string, opts: { title?: string | undefined; publish: boolean }): Promise<Article> {
    const now = clock.now();
    const already = (articleId: string) => new AppError('inquiry.already_promoted', 409, {}, { body: { articleId } });
    let articleId: string;
    try {
      articleId = await db.transaction().execute(async (trx) => {
        const inquiry = await trx.selectFrom('inquiries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!inquiry) throw notFound();
        const made = await trx.selectFrom('knowledge_articles').select('id').where('source_inquiry_id', '=', id).executeTakeFirst();
        if (made) throw already(made.id);
        if (!inquiry.answer.trim()) throw conflict('inquiry.no_answer');
        const row = await trx
          .insertInto('knowledge_articles')
          .values({
            ...articleFields({
              title: (opts.title ?? inquiry.question).slice(0, 100),
              // the caller's own words stay findable when the supervisor retitles the article
              variants: opts.title && opts.title !== inquiry.question ? [inquiry.question.slice(0, 100)] : [],
              answer: inquiry.answer,
              category: inquiry.category as InquiryCategory,
              tags: [],
              status: opts.publish ? 'published' : 'draft',
            }),
            source_inquiry_id: id,
            created_by: userId(ctx),
            created_at: now,
            updated_by: userId(ctx),
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx, { action: 'inquiry.promote', entityType: 'inquiry', entityId: id, detail: { articleId: row.id, publish: opts.publish } });
        return row.id;
      });
    } catch (e) {
      if (!isUnique(e)) throw e;
      const made = await db.selectFrom('knowledge_articles').select('id').where('source_inquiry_id', '=', id).executeTakeFirstOrThrow();
      throw already(made.id);
    }
    return knowledge.get(ctx, articleId);
  }

  /** The list as the supervisor filtered it, newest first, for the xlsx (at most EXPORT_LIMIT rows); audited. */
  async function exportRows(ctx: Ctx, q: Omit<InquiryListQuery, 'limit' | 'cursor'>) {
    let query = scoped(ctx, q);
    if (q.q) {
      const keys = textSearchKeys(q.q);
      query = query.where(sql<boolean>`i.search_keys && ${sql.val(keys.length ? keys : [''])}::text[]`);
    }
    const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(EXPORT_LIMIT).execute();
    await db
      .transaction()
      .execute((trx) => appendAudit(trx, ctx, { action: 'inquiry.export', entityType: 'inquiry', entityId: 'export', detail: { ...q, rows: rows.length } }));
    return { rows: rows.map((r) => toInquiry(r, ctx.actor)), timeZone: await deps.timeZone() };
  }

  return { get, record, list, promote, exportRows };
}
export type InquiryService = ReturnType<typeof createInquiryService>;
