import { customerReferralsSchema, idParams, pageOf, REFERRAL_STATUSES, referralCreateSchema, referralSchema, referralSettingsSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { appendAudit } from '../audit';
import { attachmentOf, XLSX } from '../cards';
import { referralWorkbook } from './referral.sheet';

const listQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  customerId: z.string().uuid({ message: 'v.customer' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

/** 转介绍: the list (and its Excel), recording one, the customer page's section, the reward by hand and its setting. */
export function referralRoutes(app: App) {
  const { referrals } = app.services;
  const tags = ['referrals'];

  app.get(
    '/api/v1/referrals',
    {
      schema: { tags, summary: '转介绍列表（最新在前）', querystring: listQuery, response: { 200: pageOf(referralSchema) } },
      preValidation: needs('referral:read'),
    },
    async (req) => referrals.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/referrals/export.xlsx',
    {
      schema: { tags, summary: '导出转介绍明细（xlsx，记入审计）', querystring: listQuery.pick({ status: true }), produces: [XLSX] },
      preValidation: needs('referral:read'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const rows = await referrals.all(ctx, req.query.status);
      const at = app.deps.clock.now().toISOString().slice(0, 16).replace('T', ' ');
      const file = await referralWorkbook(rows, ctx.lang, { name: ctx.actor.name, at });
      await appendAudit(app.deps.db, ctx, { action: 'referral.export', entityType: 'referral', entityId: 'list', detail: { rows: rows.length } });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentOf('转介绍明细.xlsx', 'referrals.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  app.post(
    '/api/v1/referrals',
    {
      schema: { tags, summary: '登记转介绍（谁介绍了谁）', body: referralCreateSchema, response: { 201: referralSchema } },
      preValidation: needs('referral:manage'),
    },
    async (req, reply) => {
      reply.status(201);
      return referrals.create(ctxOf(req), req.body);
    },
  );
  app.post(
    '/api/v1/referrals/:id/reward',
    {
      schema: {
        tags,
        summary: '发放转介绍奖励（已转化且尚未发放；须带 Idempotency-Key）',
        params: idParams,
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: referralSchema },
      },
      preValidation: needs('referral:manage'),
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await referrals.reward(ctxOf(req), req.params.id, req.body.version, {
        key: typeof key === 'string' ? key : undefined,
        route: `POST /api/v1/referrals/:id/reward ${req.params.id}`,
      });
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return r.body;
    },
  );
  app.get(
    '/api/v1/customers/:id/referrals',
    {
      schema: { tags, summary: '客户的介绍人与其介绍的客户', params: idParams, response: { 200: customerReferralsSchema } },
      preValidation: needs('referral:read'),
    },
    async (req) => referrals.forCustomer(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/referral-settings',
    { schema: { tags, summary: '转介绍奖励设置', response: { 200: referralSettingsSchema } }, preValidation: needs('referral:read') },
    async () => referrals.settings(),
  );
  app.put(
    '/api/v1/referral-settings',
    {
      schema: { tags, summary: '保存转介绍奖励设置', body: referralSettingsSchema, response: { 200: referralSettingsSchema } },
      preValidation: needs('card:settings'),
    },
    async (req) => referrals.saveSettings(ctxOf(req), req.body),
  );
}
