import {
  bookingCancelSchema,
  bookingCreateSchema,
  bookingMarkSchema,
  bookingMoveSchema,
  bookingSchema,
  bookingSettingsSchema,
  calendarDateSchema,
  exceptionDecisionSchema,
  exceptionListQuery,
  exceptionListSchema,
  exceptionRequestSchema,
  idParams,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { invalid } from '../../lib/errors';
import { bookingExtrasRoutes } from './booking.extras-routes';

const listQuery = z.object({
  resourceId: z.string().uuid().optional(),
  date: calendarDateSchema.optional(),
  customerId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
const items = z.object({ items: z.array(bookingSchema) });
const feedQuery = z.object({ resourceId: z.string().uuid().optional(), customerId: z.string().uuid().optional() });

/** Bookings' HTTP API. Each route: permission -> validated input -> one use case. */
export function bookingRoutes(app: App) {
  const { bookings } = app.services;
  const tags = ['bookings'];
  bookingExtrasRoutes(app);

  app.get(
    '/api/v1/bookings/settings',
    { schema: { tags, summary: '取消/改期时限设置', response: { 200: bookingSettingsSchema } }, preValidation: needs('booking:read') },
    async () => bookings.settings.read(),
  );
  app.put(
    '/api/v1/bookings/settings',
    {
      schema: { tags, summary: '保存取消/改期时限（电话提前、自助提前的小时数）', body: bookingSettingsSchema, response: { 200: bookingSettingsSchema } },
      preValidation: needs('resource:manage'),
    },
    async (req) => bookings.settings.save(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/bookings',
    {
      schema: { tags, summary: '预约列表：某项目某天（resourceId + date），或某客户（customerId）', querystring: listQuery, response: { 200: items } },
      preValidation: needs('booking:read'),
    },
    async (req) => {
      const q = req.query;
      if (q.customerId) return { items: await bookings.forCustomer(ctxOf(req), q.customerId, q.limit) };
      if (!q.resourceId) throw invalid('resourceId', 'v.required');
      if (!q.date) throw invalid('date', 'v.required');
      return { items: await bookings.forResourceDay(ctxOf(req), q.resourceId, q.date) };
    },
  );

  app.get(
    '/api/v1/bookings/feed.ics',
    {
      schema: { tags, summary: '日历订阅（iCalendar）：某项目（resourceId）或某客户（customerId）的预约', querystring: feedQuery, produces: ['text/calendar'] },
      preValidation: needs('booking:read'),
    },
    async (req, reply) => {
      const { resourceId, customerId } = req.query;
      if (!resourceId && !customerId) throw invalid('resourceId', 'v.required');
      const text = await bookings.feed(ctxOf(req), customerId ? { customerId } : { resourceId: resourceId! });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="bookings.ics"').send(text);
    },
  );

  app.post(
    '/api/v1/bookings',
    {
      schema: {
        tags,
        summary: '接受预约（须带 Idempotency-Key；满员时返回 409 和较空闲的时段）',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: bookingCreateSchema,
        response: { 201: bookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await bookings.create(ctxOf(req), req.body, {
        key: typeof key === 'string' ? key : undefined,
        route: `${req.method} ${req.routeOptions.url ?? ''}`,
      });
      reply.status(201); // the first answer, replayed or not
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return r.body;
    },
  );

  app.get(
    '/api/v1/bookings/exceptions',
    {
      schema: {
        tags,
        summary: '例外申请列表：待审批（最早的在前）或已审批（status=decided）',
        querystring: exceptionListQuery,
        response: { 200: exceptionListSchema },
      },
      preValidation: needs('booking:approve'),
    },
    async (req) => bookings.listExceptions(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/bookings/:id',
    { schema: { tags, summary: '预约详情', params: idParams, response: { 200: bookingSchema } }, preValidation: needs('booking:read') },
    async (req) => bookings.get(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消预约（电话提前 1 天，自助提前 12 小时；之内冻结）',
        params: idParams,
        body: bookingCancelSchema,
        response: { 200: bookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req) => bookings.cancel(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/bookings/:id/move',
    {
      schema: { tags, summary: '改期（同一项目，时限同取消）', params: idParams, body: bookingMoveSchema, response: { 200: bookingSchema } },
      preValidation: needs('booking:take'),
    },
    async (req) => bookings.move(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/bookings/:id/attendance',
    {
      schema: { tags, summary: '登记到课或旷课', params: idParams, body: bookingMarkSchema, response: { 200: bookingSchema } },
      preValidation: needs('booking:take'),
    },
    async (req) => bookings.mark(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/bookings/:id/exception',
    {
      schema: { tags, summary: '提交例外申请（如生病，附证明）', params: idParams, body: exceptionRequestSchema, response: { 201: bookingSchema } },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      reply.status(201);
      return bookings.requestException(ctxOf(req), req.params.id, req.body);
    },
  );

  app.post(
    '/api/v1/bookings/:id/exception/decision',
    {
      schema: { tags, summary: '审批例外申请（批准则取消预约且不扣课时）', params: idParams, body: exceptionDecisionSchema, response: { 200: bookingSchema } },
      preValidation: needs('booking:approve'),
    },
    async (req) => bookings.decideException(ctxOf(req), req.params.id, req.body),
  );
}
