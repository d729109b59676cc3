import { articleInputSchema, articleListQuery, articleSchema, articleUpdateSchema, idParams, pageOf, suggestionQuery, suggestionSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

/** The knowledge base: everyone in service reads and searches, the supervisor writes (knowledge:manage). */
export function knowledgeRoutes(app: App) {
  const { knowledge } = app.services;
  const tags = ['knowledge'];

  app.get(
    '/api/v1/knowledge-articles',
    {
      schema: { tags, summary: '知识库（?q= 按词搜索，最相关在前）', querystring: articleListQuery, response: { 200: pageOf(articleSchema) } },
      preValidation: needs('knowledge:read'),
    },
    async (req) => knowledge.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/knowledge-articles/suggestions',
    {
      schema: {
        tags,
        summary: '输入问题时推荐的知识库答案（已发布的条目）',
        querystring: suggestionQuery,
        response: { 200: z.object({ items: z.array(suggestionSchema) }) },
      },
      preValidation: needs('knowledge:read'),
    },
    async (req) => ({ items: await knowledge.suggest(req.query.q, req.query.limit) }),
  );
  app.get(
    '/api/v1/knowledge-articles/:id',
    { schema: { tags, summary: '知识库条目', params: idParams, response: { 200: articleSchema } }, preValidation: needs('knowledge:read') },
    async (req) => knowledge.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/knowledge-articles',
    { schema: { tags, summary: '新建知识库条目', body: articleInputSchema, response: { 201: articleSchema } }, preValidation: needs('knowledge:manage') },
    async (req, reply) => {
      reply.status(201);
      return knowledge.create(ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/v1/knowledge-articles/:id',
    {
      schema: { tags, summary: '修改知识库条目（需带 version）', params: idParams, body: articleUpdateSchema, response: { 200: articleSchema } },
      preValidation: needs('knowledge:manage'),
    },
    async (req) => knowledge.update(ctxOf(req), req.params.id, req.body),
  );
}
