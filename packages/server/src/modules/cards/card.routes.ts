import {
  cardAdjustmentRequestSchema,
  cardAdjustmentSchema,
  cardDecisionSchema,
  cardEntrySchema,
  cardIssueSchema,
  cardMovementResultSchema,
  cardMovementSchema,
  cardReceiptSchema,
  cardReversalSchema,
  cardSchema,
  cardSettingsSchema,
  cardStatusSchema,
  cardTransferSchema,
  cardTypeInputSchema,
  cardTypeSchema,
  cardTypeUpdateSchema,
  cardVerifySchema,
  ADJUSTMENT_STATES,
  idParams,
  pageOf,
  renewalItemSchema,
} from '@kefu/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import type { IdempotentResult } from '../../lib/idempotency';
import { seesAllCards } from './card.policy';
import { verifyLedger, renewals } from './card.verify';
import { attachmentOf, XLSX } from './card.sheet';
import { renewalWorkbook } from './card.renewals-sheet';
import { appendAudit } from '../audit';

const listQuery = z.object({
  customerId: z.string().uuid({ message: 'v.customer' }).optional(),
  q: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
const subPage = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(300).optional() });
const idemHeaders = z.object({ 'idempotency-key': z.string().optional() });

/** The key and the request it is bound to (route and id): the same key on another card is another request. */
function idemOf(req: FastifyRequest, id: string) {
  const key = req.headers['idempotency-key'];
  return { key: typeof key === 'string' ? key : undefined, route: `${req.method} ${req.routeOptions.url ?? ''} ${id}` };
}

/** Replays answer what the first request answered, and say so in a header. */
function answer<T>(reply: { status(n: number): unknown; header(k: string, v: string): unknown }, r: IdempotentResult<T>): T {
  reply.status(r.status);
  if (r.replayed) reply.header('idempotent-replayed', 'true');
  return r.body;
}

/** Member cards, their ledger, card types, adjustments; every balance-moving route takes an Idempotency-Key. */
export function cardRoutes(app: App) {
  const { cards } = app.services;
  const tags = ['cards'];

  app.get(
    '/api/v1/card-types',
    { schema: { tags, summary: '卡类型', response: { 200: z.object({ items: z.array(cardTypeSchema) }) } }, preValidation: needs('card:read') },
    async () => ({
      items: await cards.types.list(),
    }),
  );
  app.post(
    '/api/v1/card-types',
    { schema: { tags, summary: '新建卡类型', body: cardTypeInputSchema, response: { 201: cardTypeSchema } }, preValidation: needs('card:settings') },
    async (req, reply) => {
      reply.status(201);
      return cards.types.create(ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/v1/card-types/:id',
    {
      schema: { tags, summary: '修改卡类型（需带 version）', params: idParams, body: cardTypeUpdateSchema, response: { 200: cardTypeSchema } },
      preValidation: needs('card:settings'),
    },
    async (req) => cards.types.update(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/card-settings',
    { schema: { tags, summary: '会员卡设置（退费政策等）', response: { 200: cardSettingsSchema } }, preValidation: needs('card:read') },
    async () => cards.types.settings(),
  );
  app.put(
    '/api/v1/card-settings',
    { schema: { tags, summary: '保存会员卡设置', body: cardSettingsSchema, response: { 200: cardSettingsSchema } }, preValidation: needs('card:settings') },
    async (req) => cards.types.saveSettings(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/cards',
    {
      schema: { tags, summary: '会员卡列表（按客户或卡号）', querystring: listQuery, response: { 200: pageOf(cardSchema) } },
      preValidation: needs('card:read'),
    },
    async (req) => cards.list(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/cards',
    { schema: { tags, summary: '开卡', body: cardIssueSchema, response: { 201: cardSchema } }, preValidation: needs('card:issue') },
    async (req, reply) => {
      reply.status(201);
      return cards.issue(ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/v1/cards/renewals',
    {
      schema: {
        tags,
        summary: '续卡/升班提醒：余额不足或即将到期',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: { 200: z.object({ items: z.array(renewalItemSchema) }) },
      },
      preValidation: needs('card:read'),
    },
    async (req) => {
      const { renewalWithinDays } = await cards.types.settings();
      const ctx = ctxOf(req);
      const ownerId = seesAllCards(ctx.actor) ? null : ctx.actor.id;
      return { items: await renewals(app.deps.db, app.deps.clock, renewalWithinDays, req.query.limit, ownerId) };
    },
  );
  app.get(
    '/api/v1/cards/renewals.xlsx',
    { schema: { tags, summary: '导出续卡/升班提醒名单（xlsx，记入审计）', produces: [XLSX] }, preValidation: needs('card:read') },
    async (req, reply) => {
      const { renewalWithinDays } = await cards.types.settings();
      const ctx = ctxOf(req);
      const items = await renewals(app.deps.db, app.deps.clock, renewalWithinDays, 5000, seesAllCards(ctx.actor) ? null : ctx.actor.id);
      const at = app.deps.clock.now().toISOString().slice(0, 16).replace('T', ' ');
      const file = await renewalWorkbook(items, ctx.lang, { name: ctx.actor.name, at });
      await appendAudit(app.deps.db, ctx, { action: 'card.renewals_export', entityType: 'card', entityId: 'renewals', detail: { rows: items.length } });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentOf('续卡提醒名单.xlsx', 'renewals.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  app.post(
    '/api/v1/cards/verify',
    { schema: { tags, summary: '核对：每张卡的余额等于流水之和', response: { 200: cardVerifySchema } }, preValidation: needs('card:approve') },
    async (req) => {
      const result = await verifyLedger(app.deps.db, app.deps.clock);
      req.log.info({ cards: result.cards, mismatches: result.mismatches.length }, 'card ledger verified');
      return result;
    },
  );
  app.get(
    '/api/v1/cards/:id',
    { schema: { tags, summary: '会员卡', params: idParams, response: { 200: cardSchema } }, preValidation: needs('card:read') },
    async (req) => cards.get(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/cards/:id/entries',
    {
      schema: { tags, summary: '流水（最新在前）', params: idParams, querystring: subPage, response: { 200: pageOf(cardEntrySchema) } },
      preValidation: needs('card:read'),
    },
    async (req) => cards.entries(ctxOf(req), req.params.id, req.query.limit, req.query.cursor),
  );

  app.post(
    '/api/v1/cards/:id/status',
    {
      schema: { tags, summary: '冻结、解冻或注销（需带 version）', params: idParams, body: cardStatusSchema, response: { 200: cardSchema } },
      preValidation: needs('card:issue'),
    },
    async (req) => cards.changeStatus(ctxOf(req), req.params.id, req.body),
  );

  // the permission depends on the movement: checked after validation, still before anything is written
  const MOVE_PERMISSION = {
    top_up: 'card:top_up',
    points_earned: 'card:top_up',
    spend: 'card:spend',
    points_redeemed: 'card:spend',
    refund: 'card:refund',
  } as const;
  app.post(
    '/api/v1/cards/:id/entries',
    {
      schema: {
        tags,
        summary: '充值、消费、退费、积分（须带 Idempotency-Key）',
        params: idParams,
        headers: idemHeaders,
        body: cardMovementSchema,
        response: { 201: cardMovementResultSchema },
      },
      preValidation: needs('card:read'),
    },
    async (req, reply) => {
      if (!req.actor?.permissions.has(MOVE_PERMISSION[req.body.kind])) throw new AppError('error.forbidden', 403);
      return answer(reply, await cards.move(ctxOf(req), req.params.id, req.body, idemOf(req, req.params.id)));
    },
  );
  app.post(
    '/api/v1/cards/:id/transfer',
    {
      schema: {
        tags,
        summary: '转到同类型的另一张卡（须带 Idempotency-Key）',
        params: idParams,
        headers: idemHeaders,
        body: cardTransferSchema,
        response: { 201: cardMovementResultSchema },
      },
      preValidation: needs('card:top_up'),
    },
    async (req, reply) => answer(reply, await cards.transfer(ctxOf(req), req.params.id, req.body, idemOf(req, req.params.id))),
  );
  app.post(
    '/api/v1/card-entries/:id/reverse',
    {
      schema: {
        tags,
        summary: '冲正一笔流水（须带 Idempotency-Key）',
        params: idParams,
        headers: idemHeaders,
        body: cardReversalSchema,
        response: { 201: cardMovementResultSchema },
      },
      preValidation: needs('card:approve'),
    },
    async (req, reply) => answer(reply, await cards.reverse(ctxOf(req), req.params.id, req.body.reason, idemOf(req, req.params.id))),
  );
  app.get(
    '/api/v1/card-entries/:id/receipt',
    { schema: { tags, summary: '收据', params: idParams, response: { 200: cardReceiptSchema } }, preValidation: needs('card:read') },
    async (req) => cards.receipt(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/cards/:id/adjustments',
    {
      schema: { tags, summary: '申请调整（需另一人审批）', params: idParams, body: cardAdjustmentRequestSchema, response: { 201: cardAdjustmentSchema } },
      preValidation: needs('card:adjust'),
    },
    async (req, reply) => {
      reply.status(201);
      return cards.adjustments.request(ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/card-adjustments',
    {
      schema: {
        tags,
        summary: '调整审批列表',
        querystring: z.object({ state: z.enum(ADJUSTMENT_STATES).default('pending') }),
        response: { 200: pageOf(cardAdjustmentSchema) },
      },
      preValidation: needs('card:approve'),
    },
    async (req) => cards.adjustments.list(ctxOf(req), req.query.state),
  );
  app.post(
    '/api/v1/card-adjustments/:id/decide',
    {
      schema: {
        tags,
        summary: '批准或驳回调整（须带 Idempotency-Key）',
        params: idParams,
        headers: idemHeaders,
        body: cardDecisionSchema,
        response: { 200: cardAdjustmentSchema },
      },
      preValidation: needs('card:approve'),
    },
    async (req, reply) => answer(reply, await cards.adjustments.decide(ctxOf(req), req.params.id, req.body.approve, idemOf(req, req.params.id))),
  );
}
