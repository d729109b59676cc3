import { idParams, notificationListQuery, notificationPageSchema, notificationSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

/** Everyone signed in reads and clears their own notifications; an API key has none. */
export function notificationRoutes(app: App) {
  const { notifications } = app.services;
  const tags = ['notifications'];

  app.get(
    '/api/v1/notifications',
    {
      schema: { tags, summary: '我的站内提醒（最新在前）与未读数', querystring: notificationListQuery, response: { 200: notificationPageSchema } },
      preValidation: needs(),
    },
    async (req) => notifications.list(ctxOf(req), req.query),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: '标记为已读', params: idParams, response: { 200: notificationSchema } }, preValidation: needs() },
    async (req) => notifications.markRead(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: '全部标记为已读', response: { 200: z.object({ updated: z.number() }) } }, preValidation: needs() },
    async (req) => notifications.markAllRead(ctxOf(req)),
  );
}
