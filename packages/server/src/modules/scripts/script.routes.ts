import { renderedScriptSchema, scriptContextSchema, scriptCreateSchema, scriptSchema, scriptSettingsSchema, scriptUpdateSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

const codeParams = z.object({ code: z.string().regex(/^[a-z0-9_]{1,32}$/, { message: 'error.not_found' }) });
const customerQuery = z.object({ customerId: z.string().uuid({ message: 'v.customer' }).optional() });

/** Standard scripts: read and filled in by everyone in service (knowledge:read), edited with script:manage. */
export function scriptRoutes(app: App) {
  const { scripts } = app.services;
  const tags = ['scripts'];

  app.get(
    '/api/v1/scripts',
    { schema: { tags, summary: '标准话术', response: { 200: z.object({ items: z.array(scriptSchema) }) } }, preValidation: needs('knowledge:read') },
    async () => ({ items: await scripts.list() }),
  );
  app.post(
    '/api/v1/scripts',
    { schema: { tags, summary: '新建话术', body: scriptCreateSchema, response: { 201: scriptSchema } }, preValidation: needs('script:manage') },
    async (req, reply) => {
      reply.status(201);
      return scripts.create(ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/v1/script-settings',
    { schema: { tags, summary: '话术设置（公司名称）', response: { 200: scriptSettingsSchema } }, preValidation: needs('knowledge:read') },
    async () => scripts.settings(),
  );
  app.put(
    '/api/v1/script-settings',
    { schema: { tags, summary: '保存话术设置', body: scriptSettingsSchema, response: { 200: scriptSettingsSchema } }, preValidation: needs('script:manage') },
    async (req) => scripts.saveSettings(ctxOf(req), req.body),
  );
  app.get(
    '/api/v1/script-context',
    {
      schema: { tags, summary: '话术变量的取值依据（供页面实时预览）', querystring: customerQuery, response: { 200: scriptContextSchema } },
      preValidation: needs('knowledge:read'),
    },
    async (req) => scripts.context(ctxOf(req), req.query.customerId),
  );
  app.get(
    '/api/v1/scripts/:code',
    { schema: { tags, summary: '话术', params: codeParams, response: { 200: scriptSchema } }, preValidation: needs('knowledge:read') },
    async (req) => scripts.get(req.params.code),
  );
  app.patch(
    '/api/v1/scripts/:code',
    {
      schema: { tags, summary: '修改话术（需带 version；未知变量会被拒绝）', params: codeParams, body: scriptUpdateSchema, response: { 200: scriptSchema } },
      preValidation: needs('script:manage'),
    },
    async (req) => scripts.update(ctxOf(req), req.params.code, req.body),
  );
  app.get(
    '/api/v1/scripts/:code/render',
    {
      schema: { tags, summary: '为某位客户填好变量的话术', params: codeParams, querystring: customerQuery, response: { 200: renderedScriptSchema } },
      preValidation: needs('knowledge:read'),
    },
    async (req) => scripts.render(ctxOf(req), req.params.code, req.query.customerId),
  );
}
