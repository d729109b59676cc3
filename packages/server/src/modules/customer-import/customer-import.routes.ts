import { idParams, importRunSchema, importStatusSchema, importUploadSchema, importValidateSchema, importReportSchema } from '@kefu/shared';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';

/** The customer import's HTTP API: upload a file, check a mapping, run, and watch the progress. */
export function customerImportRoutes(app: App) {
  const { customerImports } = app.services;
  const tags = ['customer-imports'];

  app.post(
    '/api/v1/customer-imports',
    {
      schema: {
        tags,
        summary: '上传客户名册（xlsx 或 csv，含 GBK 编码）：返回表头、预览和建议的列对应',
        consumes: ['multipart/form-data'],
        response: { 201: importUploadSchema },
      },
      preHandler: needs('customer:import'),
    },
    async (req, reply) => {
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw new AppError('import.unreadable', 400);
      const data = await file.toBuffer();
      reply.status(201);
      return customerImports.upload(ctxOf(req), file.filename || 'import', data);
    },
  );

  app.get(
    '/api/v1/customer-imports/:id',
    { schema: { tags, summary: '导入状态与进度', params: idParams, response: { 200: importStatusSchema } }, preHandler: needs('customer:import') },
    async (req) => customerImports.status(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/customer-imports/:id/validate',
    {
      schema: { tags, summary: '按列对应逐行校验（手机号、重复、姓名…）', params: idParams, body: importValidateSchema, response: { 200: importReportSchema } },
      preHandler: needs('customer:import'),
    },
    async (req) => customerImports.validate(ctxOf(req), req.params.id, req.body.mapping),
  );

  app.post(
    '/api/v1/customer-imports/:id/run',
    {
      schema: {
        tags,
        summary: '执行导入：只导入有效行，或全部有效才导入（否则 409，不导入任何数据）',
        params: idParams,
        body: importRunSchema,
        response: { 200: importStatusSchema },
      },
      preHandler: needs('customer:import'),
    },
    async (req) => customerImports.run(ctxOf(req), req.params.id, req.body.mapping, req.body.mode),
  );
}
