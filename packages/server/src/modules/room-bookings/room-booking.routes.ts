import {
  idParams,
  roomBookingCancelSchema,
  roomBookingChangeSchema,
  roomBookingCreateSchema,
  roomBookingListItemSchema,
  roomBookingListQuery,
  roomBookingSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { attachment } from '../complaint-reports/report-format';

const list = z.object({ items: z.array(roomBookingListItemSchema), nextCursor: z.string().nullable() });

/** Named-room bookings' HTTP API (冠名房预订表). Each route: permission -> validated input -> one use case. */
export function roomBookingRoutes(app: App) {
  const { roomBookings } = app.services;
  const tags = ['room-bookings'];

  app.get(
    '/api/v1/room-bookings',
    {
      schema: { tags, summary: '冠名房预订列表（各预订表的最新版本，到达日期新的在前）', querystring: roomBookingListQuery, response: { 200: list } },
      preValidation: needs('booking:read'),
    },
    async (req) => roomBookings.list(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/room-bookings/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出冠名房预订（xlsx，附件一各栏）',
        querystring: roomBookingListQuery.omit({ limit: true, cursor: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      preValidation: needs('booking:read'),
    },
    async (req, reply) => {
      const body = await roomBookings.sheet(ctxOf(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('冠名房预订.xlsx', 'room-bookings.xlsx'))
        .send(body);
    },
  );

  app.post(
    '/api/v1/room-bookings',
    {
      schema: {
        tags,
        summary: '新预订（附件一 冠名房预订表；须带 Idempotency-Key；房间当晚已订时 409）',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: roomBookingCreateSchema,
        response: { 201: roomBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await roomBookings.create(ctxOf(req), req.body, {
        key: typeof key === 'string' ? key : undefined,
        route: `${req.method} ${req.routeOptions.url ?? ''}`,
      });
      reply.status(201);
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return r.body;
    },
  );

  app.get(
    '/api/v1/room-bookings/:id',
    {
      schema: { tags, summary: '冠名房预订表（某一版本，含各版本列表）', params: idParams, response: { 200: roomBookingSchema } },
      preValidation: needs('booking:read'),
    },
    async (req) => roomBookings.get(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/room-bookings/:id/form.pdf',
    { schema: { tags, summary: '打印冠名房预订表（PDF）', params: idParams, produces: ['application/pdf'] }, preValidation: needs('booking:read') },
    async (req, reply) => {
      const { body, disposition } = await roomBookings.pdf(ctxOf(req), req.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', disposition).send(body);
    },
  );

  app.post(
    '/api/v1/room-bookings/:id/change',
    {
      schema: {
        tags,
        summary: '更改：新的一版预订表（带当前 revision，须填确认人）',
        params: idParams,
        body: roomBookingChangeSchema,
        response: { 201: roomBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      reply.status(201);
      return roomBookings.change(ctxOf(req), req.params.id, req.body);
    },
  );

  app.post(
    '/api/v1/room-bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消：最后一版预订表，释放全部房晚（带当前 revision，须填确认人）',
        params: idParams,
        body: roomBookingCancelSchema,
        response: { 201: roomBookingSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      reply.status(201);
      return roomBookings.cancel(ctxOf(req), req.params.id, req.body);
    },
  );
}
