import {
  activityCreateSchema,
  activityInviteSchema,
  activitySchema,
  activityUpdateSchema,
  idParams,
  invitationAnswerSchema,
  invitationCheckInSchema,
  invitationOpinionSchema,
  invitationSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { appendAudit } from '../audit';
import { attachmentOf, XLSX } from '../cards';
import { attendeeWorkbook } from './activity.sheet';

const invitationParams = z.object({ id: z.string().uuid({ message: 'error.not_found' }), customerId: z.string().uuid({ message: 'error.not_found' }) });

/** 会员活动: activities, invitations, answers, check-in, opinions, the attendee list in Excel. */
export function activityRoutes(app: App) {
  const { activities } = app.services;
  const tags = ['activities'];

  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: '会员活动（最新在前，含汇总）',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(activitySchema) }) },
      },
      preValidation: needs('activity:read'),
    },
    async (req) => ({ items: await activities.list(ctxOf(req), req.query.limit) }),
  );
  app.post(
    '/api/v1/activities',
    { schema: { tags, summary: '新建会员活动', body: activityCreateSchema, response: { 201: activitySchema } }, preValidation: needs('activity:manage') },
    async (req, reply) => {
      reply.status(201);
      return activities.create(ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/v1/activities/:id',
    {
      schema: { tags, summary: '会员活动及汇总（邀请、接受、出席、平均评分）', params: idParams, response: { 200: activitySchema } },
      preValidation: needs('activity:read'),
    },
    async (req) => activities.get(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      schema: { tags, summary: '修改会员活动（需带 version）', params: idParams, body: activityUpdateSchema, response: { 200: activitySchema } },
      preValidation: needs('activity:manage'),
    },
    async (req) => activities.update(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/activities/:id/invitations',
    {
      schema: { tags, summary: '邀请名单（含签到与意见）', params: idParams, response: { 200: z.object({ items: z.array(invitationSchema) }) } },
      preValidation: needs('activity:read'),
    },
    async (req) => ({ items: await activities.invitations(ctxOf(req), req.params.id) }),
  );
  app.post(
    '/api/v1/activities/:id/invitations',
    {
      schema: {
        tags,
        summary: '邀请会员（选定客户，或按等级/标签）',
        params: idParams,
        body: activityInviteSchema,
        response: { 200: z.object({ invited: z.number() }) },
      },
      preValidation: needs('activity:manage'),
    },
    async (req) => activities.invite(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/activities/:id/invitations/:customerId/answer',
    {
      schema: { tags, summary: '记录会员的答复（接受/婉拒）', params: invitationParams, body: invitationAnswerSchema, response: { 200: invitationSchema } },
      preValidation: needs('activity:manage'),
    },
    async (req) => activities.step(ctxOf(req), req.params.id, req.params.customerId, req.body.status === 'accepted' ? 'accept' : 'decline', req.body),
  );
  app.post(
    '/api/v1/activities/:id/invitations/:customerId/check-in',
    {
      schema: { tags, summary: '签到（出席）', params: invitationParams, body: invitationCheckInSchema, response: { 200: invitationSchema } },
      preValidation: needs('activity:manage'),
    },
    async (req) => activities.step(ctxOf(req), req.params.id, req.params.customerId, 'check_in', req.body),
  );
  app.post(
    '/api/v1/activities/:id/invitations/:customerId/opinion',
    {
      schema: { tags, summary: '记录活动后的意见（评分与文字）', params: invitationParams, body: invitationOpinionSchema, response: { 200: invitationSchema } },
      preValidation: needs('activity:manage'),
    },
    async (req) => activities.step(ctxOf(req), req.params.id, req.params.customerId, 'opinion', req.body),
  );
  app.get(
    '/api/v1/activities/:id/export.xlsx',
    { schema: { tags, summary: '导出出席名单及意见（xlsx，记入审计）', params: idParams, produces: [XLSX] }, preValidation: needs('activity:read') },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const activity = await activities.get(ctx, req.params.id);
      const rows = await activities.invitations(ctx, req.params.id);
      const at = app.deps.clock.now().toISOString().slice(0, 16).replace('T', ' ');
      const file = await attendeeWorkbook(activity, rows, ctx.lang, { name: ctx.actor.name, at });
      await appendAudit(app.deps.db, ctx, { action: 'activity.export', entityType: 'activity', entityId: activity.id, detail: { rows: rows.length } });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentOf(`会员活动-${activity.title}.xlsx`, 'activity.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
}
