import { keysOf, MIN_SUGGESTION_SCORE, type ArticleInput } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** An article with the names of who wrote and last changed it. */
export function selectArticles(db: Db) {
  return db
    .selectFrom('knowledge_articles as a')
    .leftJoin('users as cu', 'cu.id', 'a.created_by')
    .leftJoin('users as uu', 'uu.id', 'a.updated_by')
    .selectAll('a')
    .select(['cu.display_name as created_by_name', 'uu.display_name as updated_by_name']);
}
export type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticles>['executeTakeFirstOrThrow']>>;

/** The indexed columns of an article: the title and its variants weigh more (shared/knowledge-search.ts). */
export function articleKeys(a: Pick<ArticleInput, 'title' | 'variants' | 'answer' | 'tags'>) {
  const titleKeys = keysOf([a.title, ...a.variants]);
  return { title_keys: titleKeys, search_keys: keysOf([a.title, ...a.variants, a.answer, ...a.tags]) };
}

/**
 * The score of an article for the query's keys, in SQL (the twin of shared matchScore): a key of the
 * title or a variant 3 (a single character 1), a key found only in the answer or tags 1 (a single
 * character 0).
 */
export function scoreOf(keys: string[]) {
  return sql<number>`(select coalesce(sum(case
      when k = any(a.title_keys) then (case when char_length(k) > 1 then 3 else 1 end)
      when k = any(a.search_keys) and char_length(k) > 1 then 1
      else 0 end), 0)::int from unnest(${sql.val(keys)}::text[]) as k)`;
}

/** Articles sharing a key with the query (the GIN index), best first, above the noise line. */
export function searchArticles(db: Db, keys: string[], opts: { publishedOnly: boolean; minScore?: number }) {
  const score = scoreOf(keys);
  let q = selectArticles(db)
    .select(score.as('score'))
    .where(sql<boolean>`a.search_keys && ${sql.val(keys)}::text[]`)
    .where(score, '>=', opts.minScore ?? MIN_SUGGESTION_SCORE)
    .orderBy('score', 'desc')
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id');
  if (opts.publishedOnly) q = q.where('a.status', '=', 'published');
  return q;
}
