import { customerExportSchema, exportDecisionSchema, exportListQuery, exportRequestSchema, idParams, pageOf, type Permission } from '@kefu/shared';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { contentDisposition } from './customer-export.sheet';

/** preHandler: signed in and holding at least one of the permissions (requesters and approvers). */
function needsAny(...permissions: Permission[]) {
  return async (req: FastifyRequest) => {
    if (!req.actor) throw new AppError('error.unauthenticated', 401);
    if (!permissions.some((p) => req.actor!.permissions.has(p))) throw new AppError('error.forbidden', 403);
  };
}

/** Export requests: ask (with a reason and the list's filters), approve or reject, download the xlsx. */
export function customerExportRoutes(app: App) {
  const { customerExports } = app.services;
  const tags = ['customer-exports'];
  const either = needsAny('customer:export_request', 'customer:export_approve');

  app.post(
    '/api/v1/customer-exports',
    {
      schema: { tags, summary: '申请导出客户资料（需经理批准）', body: exportRequestSchema, response: { 201: customerExportSchema } },
      preHandler: needs('customer:export_request'),
    },
    async (req, reply) => {
      reply.status(201);
      return customerExports.request(ctxOf(req), req.body.reason, req.body.filter);
    },
  );

  app.get(
    '/api/v1/customer-exports',
    {
      schema: {
        tags,
        summary: '导出申请：我的申请（mine）；经理可看全部（all）与待审批（pending）',
        querystring: exportListQuery,
        response: { 200: pageOf(customerExportSchema) },
      },
      preHandler: either,
    },
    async (req) => customerExports.list(ctxOf(req), req.query.scope, req.query.limit, req.query.cursor),
  );

  app.get(
    '/api/v1/customer-exports/:id',
    { schema: { tags, summary: '导出申请详情', params: idParams, response: { 200: customerExportSchema } }, preHandler: either },
    async (req) => customerExports.get(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/customer-exports/:id/approve',
    {
      schema: { tags, summary: '批准导出（不能批准自己的申请）', params: idParams, body: exportDecisionSchema, response: { 200: customerExportSchema } },
      preHandler: needs('customer:export_approve'),
    },
    async (req) => customerExports.decide(ctxOf(req), req.params.id, 'approve', req.body.note || null),
  );

  app.post(
    '/api/v1/customer-exports/:id/reject',
    {
      schema: { tags, summary: '驳回导出申请', params: idParams, body: exportDecisionSchema, response: { 200: customerExportSchema } },
      preHandler: needs('customer:export_approve'),
    },
    async (req) => customerExports.decide(ctxOf(req), req.params.id, 'reject', req.body.note || null),
  );

  app.get(
    '/api/v1/customer-exports/:id/file',
    {
      schema: {
        tags,
        summary: '下载导出文件（xlsx；仅申请人，且须已批准；号码按申请人的权限脱敏）',
        params: idParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      preHandler: needs('customer:export_request'),
    },
    async (req, reply) => {
      const file = await customerExports.download(ctxOf(req), req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
}
