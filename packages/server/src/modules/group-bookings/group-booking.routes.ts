import {
  checklistParams,
  checklistTickSchema,
  groupBookingCreateSchema,
  groupBookingListItemSchema,
  groupBookingListQuery,
  groupBookingSchema,
  groupCancelSchema,
  groupSettingsSchema,
  idParams,
  rosterUpdateSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { attachment } from '../complaint-reports/report-format';

const list = z.object({ items: z.array(groupBookingListItemSchema), nextCursor: z.string().nullable() });

/** Group bookings' HTTP API (团体预约). Each route: permission -> validated input -> one use case. */
export function groupBookingRoutes(app: App) {
  const { groupBookings } = app.services;
  const tags = ['group-bookings'];

  app.get(
    '/api/v1/group-bookings/settings',
    { schema: { tags, summary: '团体预约设置（提前天数、每组人数）', response: { 200: groupSettingsSchema } }, preValidation: needs('booking:read') },
    async () => groupBookings.settings.read(),
  );
  app.put(
    '/api/v1/group-bookings/settings',
    {
      schema: { tags, summary: '保存团体预约设置', body: groupSettingsSchema, response: { 200: groupSettingsSchema } },
      preValidation: needs('resource:manage'),
    },
    async (req) => groupBookings.settings.save(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/group-bookings',
    {
      schema: { tags, summary: '团体预约列表（开球日期新的在前）', querystring: groupBookingListQuery, response: { 200: list } },
      preValidation: needs('booking:read'),
    },
    async (req) => groupBookings.list(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/group-bookings/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出团体预约（xlsx，含各准备事项）',
        querystring: groupBookingListQuery.omit({ limit: true, cursor: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      preValidation: needs('booking:read'),
    },
    async (req, reply) => {
      const body = await groupBookings.sheet(ctxOf(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('团体预约.xlsx', 'group-bookings.xlsx'))
        .send(body);
    },
  );

  app.post(
    '/api/v1/group-bookings',
    {
      schema: {
        tags,
        summary: '接受团体预约：占用各项目的名额（须带 Idempotency-Key；放不下时 409 并给出较空闲的时段）',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: groupBookingCreateSchema,
        response: { 201: groupBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await groupBookings.create(ctxOf(req), req.body, {
        key: typeof key === 'string' ? key : undefined,
        route: `${req.method} ${req.routeOptions.url ?? ''}`,
      });
      reply.status(201);
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return r.body;
    },
  );

  app.get(
    '/api/v1/group-bookings/:id',
    {
      schema: { tags, summary: '团体预约详情（名单、分组、准备事项、记录）', params: idParams, response: { 200: groupBookingSchema } },
      preValidation: needs('booking:read'),
    },
    async (req) => groupBookings.get(ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/group-bookings/:id/roster',
    {
      schema: { tags, summary: '保存团体名单、差点和分组（带 version）', params: idParams, body: rosterUpdateSchema, response: { 200: groupBookingSchema } },
      preValidation: needs('booking:take'),
    },
    async (req) => groupBookings.saveRoster(ctxOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/group-bookings/:id/checklist/:item',
    {
      schema: {
        tags,
        summary: '勾选或取消勾选一项准备事项（带该项的 version）',
        params: checklistParams,
        body: checklistTickSchema,
        response: { 200: groupBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req) => groupBookings.tick(ctxOf(req), req.params.id, req.params.item, req.body),
  );

  app.post(
    '/api/v1/group-bookings/:id/cancel',
    {
      schema: { tags, summary: '取消团体预约（释放全部名额）', params: idParams, body: groupCancelSchema, response: { 200: groupBookingSchema } },
      preValidation: needs('booking:take'),
    },
    async (req) => groupBookings.cancel(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/group-bookings/:id/complete',
    {
      schema: {
        tags,
        summary: '团体活动结束，标记完成',
        params: idParams,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: groupBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req) => groupBookings.complete(ctxOf(req), req.params.id, req.body.version),
  );
}
