import { idParams, interactionInputSchema, interactionListQuery, interactionSchema, interactionUpdateSchema, pageOf } from '@kefu/shared';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { buildCallLogWorkbook } from './interaction.sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportQuery = interactionListQuery.omit({ limit: true, cursor: true });

/** Interactions: the call log (通话记录) with its xlsx, a customer's contacts, recording by hand, the summary after a call. */
export function interactionRoutes(app: App) {
  const { interactions } = app.services;
  const tags = ['interactions'];

  app.get(
    '/api/v1/interactions',
    {
      schema: {
        tags,
        summary: '通话与沟通记录（按客户、客服、渠道、方向、结果、日期筛选）',
        querystring: interactionListQuery,
        response: { 200: pageOf(interactionSchema) },
      },
      preValidation: needs('interaction:read'),
    },
    async (req) => interactions.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/interactions/export.xlsx',
    { schema: { tags, summary: '导出通话记录（xlsx，记入审计）', querystring: exportQuery, produces: [XLSX] }, preValidation: needs('interaction:read') },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { rows, timeZone } = await interactions.exportRows(ctx, req.query);
      const now = app.deps.clock.now();
      const data = await buildCallLogWorkbook({ rows, exporter: ctx.actor.name, exportedAt: now, timeZone, lang: ctx.lang });
      const day = now.toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="call-log-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`通话记录-${day}.xlsx`)}`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
  app.get(
    '/api/v1/interactions/:id',
    { schema: { tags, summary: '一条沟通记录', params: idParams, response: { 200: interactionSchema } }, preValidation: needs('interaction:read') },
    async (req) => interactions.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/interactions',
    {
      schema: { tags, summary: '登记来访、在线沟通、邮件或未上报的电话', body: interactionInputSchema, response: { 201: interactionSchema } },
      preValidation: needs('interaction:record'),
    },
    async (req, reply) => {
      reply.status(201);
      return interactions.record(ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/v1/interactions/:id',
    {
      schema: {
        tags,
        summary: '填写通话摘要和结果；未建档来电关联新客户（需带 version）',
        params: idParams,
        body: interactionUpdateSchema,
        response: { 200: interactionSchema },
      },
      preValidation: needs('interaction:record'),
    },
    async (req) => interactions.update(ctxOf(req), req.params.id, req.body),
  );
}
