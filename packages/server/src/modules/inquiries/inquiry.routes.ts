import { articleSchema, idParams, inquiryCreateSchema, inquiryListQuery, inquiryPromoteSchema, inquirySchema, pageOf } from '@kefu/shared';
import type { App } from '../../app';
import { buildInquiryWorkbook } from './inquiry.sheet';
import { ctxOf, needs } from '../../lib/auth';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportQuery = inquiryListQuery.omit({ limit: true, cursor: true });

/** Inquiries (咨询记录): recorded by whoever answers the phone, promoted by the supervisor. */
export function inquiryRoutes(app: App) {
  const { inquiries } = app.services;
  const tags = ['inquiries'];

  app.get(
    '/api/v1/inquiries',
    {
      schema: { tags, summary: '咨询记录（最新在前；?q= 按词搜索）', querystring: inquiryListQuery, response: { 200: pageOf(inquirySchema) } },
      preValidation: needs('inquiry:record'),
    },
    async (req) => inquiries.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/inquiries/export.xlsx',
    {
      schema: { tags, summary: '导出咨询记录（xlsx，按当前筛选，记入审计）', querystring: exportQuery, produces: [XLSX] },
      preValidation: needs('inquiry:record'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { rows, timeZone } = await inquiries.exportRows(ctx, req.query);
      const now = app.deps.clock.now();
      const data = await buildInquiryWorkbook({ rows, exporter: ctx.actor.name, exportedAt: now, timeZone, lang: ctx.lang });
      const day = now.toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="inquiries-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`咨询记录-${day}.xlsx`)}`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
  app.post(
    '/api/v1/inquiries',
    {
      schema: { tags, summary: '记录一条咨询（客户可不填：匿名来电）', body: inquiryCreateSchema, response: { 201: inquirySchema } },
      preValidation: needs('inquiry:record'),
    },
    async (req, reply) => {
      reply.status(201);
      return inquiries.record(ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/v1/inquiries/:id',
    { schema: { tags, summary: '咨询记录', params: idParams, response: { 200: inquirySchema } }, preValidation: needs('inquiry:record') },
    async (req) => inquiries.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/inquiries/:id/promote',
    {
      schema: { tags, summary: '把咨询转为知识库条目（每条咨询仅一次）', params: idParams, body: inquiryPromoteSchema, response: { 201: articleSchema } },
      preValidation: needs('knowledge:manage'),
    },
    async (req, reply) => {
      reply.status(201);
      return inquiries.promote(ctxOf(req), req.params.id, req.body);
    },
  );
}
