import {
  callCardSchema,
  callSignalSchema,
  customerCreateSchema,
  customerSchema,
  dialResultSchema,
  dialSchema,
  telephonyEventResultSchema,
  telephonyEventSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import type { Stream } from './telephony.streams';

const HEARTBEAT_MS = 20_000;

/**
 * The telephony integration (API key with `telephony:events`), the agent's event stream (SSE, the
 * session cookie), the pop card, and click-to-call.
 */
export function telephonyRoutes(app: App) {
  const { telephony } = app.services;
  const tags = ['telephony'];

  app.post(
    '/api/v1/telephony/events',
    {
      schema: {
        tags,
        summary: '电话系统事件：ringing（弹屏）、answered、ended（生成通话记录，按 callId 幂等）；需 API 密钥（telephony:events）',
        security: [{ apiKey: [] }],
        body: telephonyEventSchema,
        response: { 202: telephonyEventResultSchema },
      },
      preValidation: needs('telephony:events'),
    },
    async (req, reply) => {
      reply.status(202);
      return telephony.handle(ctxOf(req), req.body);
    },
  );

  app.get(
    '/api/v1/telephony/stream',
    {
      schema: {
        tags,
        summary: '坐席事件流（text/event-stream）：event "call" 带 callId、state、customerId；连接（含重连）时先发当前通话 event "current"',
        produces: ['text/event-stream'],
      },
      preValidation: needs('interaction:read'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (ctx.actor.kind !== 'user') throw new AppError('error.forbidden', 403);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // nginx: pass each event on at once
        'x-request-id': req.id,
      });
      raw.write('retry: 2000\n\n');
      const stream: Stream = {
        send(event, data, id) {
          raw.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        close: () => raw.end(),
      };
      // registered before the current call is read: a ring in between is sent, never lost
      const remove = telephony.streams.add(ctx.actor.id, stream);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        remove();
      });
      try {
        stream.send('current', await telephony.current(ctx.actor.id));
      } catch (err) {
        req.log.error({ err }, 'current call');
      }
    },
  );

  app.get(
    '/api/v1/telephony/current',
    {
      schema: { tags, summary: '我当前的通话（弹屏重连后重新获取）', response: { 200: z.object({ call: callSignalSchema.nullable() }) } },
      preValidation: needs('interaction:read'),
    },
    async (req) => ({ call: await telephony.current(ctxOf(req).actor.id) }),
  );

  app.get(
    '/api/v1/telephony/calls/:callId/card',
    {
      schema: {
        tags,
        summary: '弹屏卡片：来电客户的姓名、等级、负责人、未结投诉、下次预约、卡余额、最近联系；未知号码给出新建客户用的号码',
        params: z.object({ callId: z.string().min(1).max(100) }),
        response: { 200: callCardSchema },
      },
      preValidation: needs(),
    },
    async (req) => telephony.card(ctxOf(req), req.params.callId),
  );

  app.post(
    '/api/v1/telephony/calls/:callId/customer',
    {
      schema: {
        tags,
        summary: '未知来电新建客户：新客户、该通话及其通话记录在同一事务中关联（通话已关联客户则 409，不新建）',
        params: z.object({ callId: z.string().min(1).max(100) }),
        body: customerCreateSchema,
        response: { 201: customerSchema },
      },
      preValidation: needs('customer:create'),
    },
    async (req, reply) => {
      reply.status(201);
      return telephony.newCustomer(ctxOf(req), req.params.callId, req.body);
    },
  );

  app.post(
    '/api/v1/telephony/dial',
    {
      schema: {
        tags,
        summary: '点击外呼：先响坐席分机，接听后拨客户的真实号码（Asterisk AMI Originate）',
        body: dialSchema,
        response: { 202: dialResultSchema },
      },
      preValidation: needs('telephony:call'),
    },
    async (req, reply) => {
      reply.status(202);
      return telephony.dial(ctxOf(req), req.body);
    },
  );

  // open streams end with the app (a closing instance; the browser reconnects to another)
  app.addHook('preClose', async () => telephony.streams.closeAll());
}
