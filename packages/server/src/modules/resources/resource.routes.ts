import { closureDetailSchema, closureRequestSchema, idParams, resourceCreateSchema, resourceSchema, resourceUpdateSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

/** What can be booked: read by everyone who books, kept by the manager (resource:manage). */
export function resourceRoutes(app: App) {
  const { resources } = app.services;
  const tags = ['bookings'];

  app.get(
    '/api/v1/resources',
    {
      schema: {
        tags,
        summary: '预约项目列表（老师、教练、场地、球场、开球时段、冠名房）',
        querystring: z.object({ all: z.coerce.boolean().default(false) }),
        response: { 200: z.object({ items: z.array(resourceSchema) }) },
      },
      preValidation: needs('booking:read'),
    },
    async (req) => ({ items: await resources.list({ includeInactive: req.query.all }) }),
  );

  app.post(
    '/api/v1/resources',
    { schema: { tags, summary: '新建预约项目', body: resourceCreateSchema, response: { 201: resourceSchema } }, preValidation: needs('resource:manage') },
    async (req, reply) => {
      reply.status(201);
      return resources.create(ctxOf(req), req.body);
    },
  );

  app.get(
    '/api/v1/resources/:id',
    { schema: { tags, summary: '预约项目', params: idParams, response: { 200: resourceSchema } }, preValidation: needs('booking:read') },
    async (req) => resources.get(req.params.id),
  );

  app.patch(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: '修改预约项目（名称、营业时间、停用；名额不可改）',
        params: idParams,
        body: resourceUpdateSchema,
        response: { 200: resourceSchema },
      },
      preValidation: needs('resource:manage'),
    },
    async (req) => resources.update(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/resources/:id/closures',
    {
      schema: {
        tags,
        summary: '登记维护/停用时段：受影响的客户收到通知和改约任务；不足提前通知天数须经理确认（confirmLate）',
        params: idParams,
        body: closureRequestSchema,
        response: { 201: resourceSchema.extend({ closure: closureDetailSchema }) },
      },
      preValidation: needs('resource:manage'),
    },
    async (req, reply) => {
      const closure = await app.services.bookings.closures.create(ctxOf(req), req.params.id, req.body);
      reply.status(201);
      return { ...(await resources.get(req.params.id)), closure };
    },
  );
}
