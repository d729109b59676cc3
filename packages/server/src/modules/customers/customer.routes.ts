import {
  assignSchema,
  customerCreateSchema,
  customerListItemSchema,
  customerSchema,
  customerUpdateSchema,
  distributeSchema,
  historyEntrySchema,
  idParams,
  lifecycleActionSchema,
  LIFECYCLE_STATES,
  mergeSchema,
  mobileInput,
  pageOf,
  revealSchema,
  timelineEventSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { invalid } from '../../lib/errors';
import { CUSTOMER_LISTS } from './customer.service';

const listQuery = z.object({
  q: z.string().max(50).optional(),
  lifecycle: z.enum(LIFECYCLE_STATES).optional(),
  ownerId: z.union([z.literal('me'), z.literal('none'), z.string().uuid()]).optional(),
  tierCode: z.string().max(32).optional(),
  classCode: z.string().max(32).optional(),
  tag: z.string().max(20).optional(),
  list: z.enum(CUSTOMER_LISTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
const subPage = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(300).optional() });
const assignResult = z.object({ assigned: z.number(), byOwner: z.record(z.string(), z.number()) });

/** The customer archive's HTTP API. Each route: permission -> validated input -> one use case. */
export function customerRoutes(app: App) {
  const { customers } = app.services;
  const tags = ['customers'];

  app.get(
    '/api/v1/customers',
    { schema: { tags, summary: '客户列表与搜索（姓名、拼音、首字母、手机号或尾号）', querystring: listQuery, response: { 200: pageOf(customerListItemSchema) } }, preValidation: needs('customer:read') },
    async (req) => customers.list(ctxOf(req), req.query),
  );

  app.post('/api/v1/customers', { schema: { tags, summary: '新建客户', body: customerCreateSchema, response: { 201: customerSchema } }, preValidation: needs('customer:create') }, async (req, reply) => {
    reply.status(201);
    return customers.create(ctxOf(req), req.body);
  });

  app.get(
    '/api/v1/customers/duplicates',
    { schema: { tags, summary: '按手机号查重', querystring: z.object({ mobile: mobileInput }), response: { 200: z.object({ items: z.array(customerListItemSchema) }) } }, preValidation: needs('customer:read') },
    async (req) => ({ items: await customers.duplicatesOf(ctxOf(req), req.query.mobile) }),
  );

  app.get('/api/v1/customers/:id', { schema: { tags, summary: '客户档案', params: idParams, response: { 200: customerSchema } }, preValidation: needs('customer:read') }, async (req) =>
    customers.get(ctxOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/customers/:id',
    { schema: { tags, summary: '修改客户档案（需带 version，过期返回 409）', params: idParams, body: customerUpdateSchema, response: { 200: customerSchema } }, preValidation: needs('customer:update') },
    async (req) => {
      const ifMatch = req.headers['if-match'];
      const version = req.body.version ?? (ifMatch && /^(W\/)?"?\d+"?$/.test(ifMatch) ? Number(ifMatch.replace(/\D/g, '')) : undefined);
      if (!version) throw invalid('version', 'v.required');
      return customers.update(ctxOf(req), req.params.id, { ...req.body, version });
    },
  );

  app.post('/api/v1/customers/:id/reveal', { schema: { tags, summary: '显示号码（记入审计）', params: idParams, response: { 200: revealSchema } }, preValidation: needs('customer:read') }, async (req) =>
    customers.reveal(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/customers/:id/history',
    { schema: { tags, summary: '修改记录（逐字段）', params: idParams, querystring: subPage, response: { 200: pageOf(historyEntrySchema) } }, preValidation: needs('customer:read') },
    async (req) => customers.history(ctxOf(req), req.params.id, req.query.limit, req.query.cursor),
  );

  app.get(
    '/api/v1/customers/:id/timeline',
    { schema: { tags, summary: '客户时间线', params: idParams, querystring: subPage, response: { 200: pageOf(timelineEventSchema) } }, preValidation: needs('customer:read') },
    async (req) => customers.timeline(ctxOf(req), req.params.id, req.query.limit, req.query.cursor),
  );

  app.post(
    '/api/v1/customers/:id/lifecycle',
    { schema: { tags, summary: '状态变更（激活、沉睡、流失、召回、销户、重新开户）', params: idParams, body: lifecycleActionSchema, response: { 200: customerSchema } }, preValidation: needs('customer:read') },
    async (req) => customers.changeLifecycle(ctxOf(req), req.params.id, req.body.action, req.body.version, req.body.reason),
  );

  app.post('/api/v1/customers/:id/merge', { schema: { tags, summary: '合并客户（另一档案并入本档案）', params: idParams, body: mergeSchema, response: { 200: customerSchema } }, preValidation: needs('customer:merge') }, async (req) =>
    customers.merge(ctxOf(req), req.params.id, req.body.otherId, req.body.version),
  );

  app.post('/api/v1/customers/assign', { schema: { tags, summary: '分配负责人', body: assignSchema, response: { 200: assignResult } }, preValidation: needs('customer:assign') }, async (req) =>
    customers.assign(ctxOf(req), req.body.customerIds, req.body.ownerId),
  );

  app.post('/api/v1/customers/distribute', { schema: { tags, summary: '按负载平均分配', body: distributeSchema, response: { 200: assignResult } }, preValidation: needs('customer:assign') }, async (req) =>
    customers.distribute(ctxOf(req), req.body.customerIds, req.body.agentIds),
  );
}
