import {
  bookingExtrasSettingsSchema,
  calendarDateSchema,
  closureAffectedParams,
  closureDetailSchema,
  closureRequestSchema,
  closureResolveSchema,
  feedTokenCreateSchema,
  feedTokenCreatedSchema,
  feedTokenSchema,
  idParams,
  mailSettingsSchema,
  mailStatusSchema,
  refusalFlagSchema,
  sheetConfirmSchema,
  sheetQuery,
  sheetSchema,
  sheetSendResultSchema,
  sheetSendSchema,
  waitlistEntrySchema,
  waitlistJoinSchema,
  waitlistListQuery,
  waitlistStepSchema,
} from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { appendAudit } from '../audit';
import { onDay, waitlistWorkbook } from './booking.waitlist-export';

const customerParams = z.object({ customerId: z.string().uuid() });

/** The waiting list, the "refused twice" flag, and the extras' settings (issue 6). */
export function bookingExtrasRoutes(app: App) {
  const { bookings } = app.services;
  const tags = ['bookings'];

  app.get(
    '/api/v1/bookings/extras-settings',
    {
      schema: {
        tags,
        summary: '候补留位时长、维护提前通知天数、预订单确认时限与部门；mailConfigured：能否发邮件（SMTP_URL 或邮件设置）',
        response: { 200: bookingExtrasSettingsSchema.extend({ mailConfigured: z.boolean() }) },
      },
      preValidation: needs('booking:read'),
    },
    // whoever sends the sheet sees whether mail can go out (the server's address stays with resource:manage)
    async () => ({ ...(await bookings.extras.read()), mailConfigured: (await bookings.mailer.status()).configured }),
  );
  app.put(
    '/api/v1/bookings/extras-settings',
    {
      schema: { tags, summary: '保存候补、维护通知、预订单设置', body: bookingExtrasSettingsSchema, response: { 200: bookingExtrasSettingsSchema } },
      preValidation: needs('resource:manage'),
    },
    async (req) => bookings.extras.save(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/bookings/mail-settings',
    { schema: { tags, summary: '邮件服务器（SMTP）状态（不含密码）', response: { 200: mailStatusSchema } }, preValidation: needs('resource:manage') },
    async () => bookings.mailer.status(),
  );
  app.put(
    '/api/v1/bookings/mail-settings',
    {
      schema: { tags, summary: '设置邮件服务器（环境变量 SMTP_URL 优先）', body: mailSettingsSchema, response: { 200: mailStatusSchema } },
      preValidation: needs('resource:manage'),
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { db, clock } = app.deps;
      await db.transaction().execute(async (trx) => {
        const value = JSON.stringify(req.body);
        await trx
          .insertInto('settings')
          .values({ key: 'mail', value, updated_by: ctx.actor.id })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: ctx.actor.id, updated_at: clock.now() }))
          .execute();
        // the password is not written to the audit log
        await appendAudit(trx, ctx, {
          action: 'settings.update',
          entityType: 'settings',
          entityId: 'mail',
          detail: { from: req.body.from, smtp: Boolean(req.body.smtpUrl) },
        });
      });
      return bookings.mailer.status();
    },
  );

  app.get(
    '/api/v1/bookings/waitlist',
    {
      schema: {
        tags,
        summary: '候补名单（某项目、某客户；live=候补中和留位中）',
        querystring: waitlistListQuery,
        response: { 200: z.object({ items: z.array(waitlistEntrySchema) }) },
      },
      preValidation: needs('booking:read'),
    },
    async (req) => ({ items: await bookings.waitlist.list(ctxOf(req), req.query) }),
  );
  app.get(
    '/api/v1/bookings/waitlist.xlsx',
    {
      schema: { tags, summary: '候补名单 Excel（同列表的筛选；date=某天）', querystring: waitlistListQuery.extend({ date: calendarDateSchema.optional() }) },
      preValidation: needs('booking:read'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const timeZone = (await app.services.calendar.current()).config.timeZone;
      const entries = onDay(await bookings.waitlist.list(ctx, req.query), req.query.date, timeZone);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="waitlist${req.query.date ? `-${req.query.date}` : ''}.xlsx"`)
        .send(await waitlistWorkbook(entries, ctx, timeZone));
    },
  );
  app.post(
    '/api/v1/bookings/waitlist',
    {
      schema: { tags, summary: '加入候补（时段已满时）', body: waitlistJoinSchema, response: { 201: waitlistEntrySchema } },
      preValidation: needs('booking:take'),
    },
    async (req, reply) => {
      reply.status(201);
      return bookings.waitlist.join(ctxOf(req), req.body);
    },
  );
  for (const step of ['accept', 'decline', 'withdraw'] as const) {
    const summary = { accept: '客户接受留位（转为正式预约）', decline: '客户放弃留位（名额给下一位）', withdraw: '撤销候补' }[step];
    app.post(
      `/api/v1/bookings/waitlist/:id/${step}`,
      { schema: { tags, summary, params: idParams, body: waitlistStepSchema, response: { 200: waitlistEntrySchema } }, preValidation: needs('booking:take') },
      async (req) => bookings.waitlist[step](ctxOf(req), req.params.id, req.body),
    );
  }

  app.get(
    '/api/v1/bookings/sheet',
    {
      schema: { tags, summary: '预订单：次日（或 date）各部门的预约、确认情况、发送记录', querystring: sheetQuery, response: { 200: sheetSchema } },
      preValidation: needs('booking:read'),
    },
    async (req) => bookings.sheet.build(ctxOf(req), req.query.date),
  );
  app.get(
    '/api/v1/bookings/sheet.xlsx',
    { schema: { tags, summary: '预订单 Excel（每个部门一张工作表）', querystring: sheetQuery }, preValidation: needs('booking:read') },
    async (req, reply) => {
      const { file, date } = await bookings.sheet.xlsx(ctxOf(req), req.query.date);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="booking-sheet-${date}.xlsx"`)
        .send(file);
    },
  );
  app.post(
    '/api/v1/bookings/sheet/confirm',
    {
      schema: {
        tags,
        summary: '确认预订单（带查看时的 fingerprint；之后有变动会显示“确认后有变动”）',
        body: sheetConfirmSchema,
        response: { 200: sheetSchema },
      },
      preValidation: needs('booking:sheet'),
    },
    async (req) => bookings.sheet.confirm(ctxOf(req), req.body),
  );
  app.post(
    '/api/v1/bookings/sheet/send',
    {
      schema: { tags, summary: '把已确认的预订单通过邮件（附 Excel）发给各部门', body: sheetSendSchema, response: { 200: sheetSendResultSchema } },
      preValidation: needs('booking:sheet'),
    },
    async (req) => bookings.sheet.send(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/bookings/feed-tokens',
    {
      schema: { tags, summary: '日历订阅链接（自己的；管理者看全部）', response: { 200: z.object({ items: z.array(feedTokenSchema) }) } },
      preValidation: needs('booking:read'),
    },
    async (req) => ({ items: await bookings.feedTokens.list(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/bookings/feed-tokens',
    {
      schema: { tags, summary: '新建日历订阅链接（令牌只显示一次）', body: feedTokenCreateSchema, response: { 201: feedTokenCreatedSchema } },
      preValidation: needs('booking:read'),
    },
    async (req, reply) => {
      reply.status(201);
      return bookings.feedTokens.create(ctxOf(req), req.body);
    },
  );
  app.delete(
    '/api/v1/bookings/feed-tokens/:id',
    { schema: { tags, summary: '撤销日历订阅链接', params: idParams, response: { 200: feedTokenSchema } }, preValidation: needs('booking:read') },
    async (req) => bookings.feedTokens.revoke(ctxOf(req), req.params.id),
  );
  // no session: the secret token in the URL is the credential (calendar apps send no cookie)
  app.get(
    '/api/v1/bookings/feed/:file',
    {
      schema: {
        tags,
        summary: '按令牌订阅的日历（.ics，无需登录）',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }),
        produces: ['text/calendar'],
        security: [],
      },
    },
    async (req, reply) => {
      const text = await bookings.feedTokens.read(req.params.file.slice(0, -4));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(text);
    },
  );

  app.post(
    '/api/v1/resources/:id/closures/preview',
    {
      schema: {
        tags,
        summary: '维护停用预览：受影响的预约及最近的空闲时段、是否不足提前通知天数',
        params: idParams,
        body: closureRequestSchema,
        response: { 200: closureDetailSchema },
      },
      preValidation: needs('resource:manage'),
    },
    async (req) => bookings.closures.preview(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/closures/:id',
    {
      schema: { tags, summary: '维护停用：受影响的预约、通知情况、改期或取消', params: idParams, response: { 200: closureDetailSchema } },
      preValidation: needs('booking:read'),
    },
    async (req) => bookings.closures.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/closures/:id/affected/:bookingId/notified',
    {
      schema: { tags, summary: '已电话通知客户（打勾）', params: closureAffectedParams, response: { 200: closureDetailSchema } },
      preValidation: needs('booking:take'),
    },
    async (req) => bookings.closures.markNotified(ctxOf(req), req.params.id, req.params.bookingId),
  );
  app.post(
    '/api/v1/closures/:id/affected/:bookingId/resolve',
    {
      schema: {
        tags,
        summary: '受影响的预约改到其他时间，或取消且不扣课时',
        params: closureAffectedParams,
        body: closureResolveSchema,
        response: { 200: closureDetailSchema },
      },
      preValidation: needs('booking:take'),
    },
    async (req) => bookings.closures.resolve(ctxOf(req), req.params.id, req.params.bookingId, req.body),
  );

  app.get(
    '/api/v1/bookings/refusals/:customerId',
    {
      schema: { tags, summary: '客户连续约不上的次数（连续两次标记）', params: customerParams, response: { 200: refusalFlagSchema } },
      preValidation: needs('booking:read'),
    },
    async (req) => bookings.flagOf(ctxOf(req), req.params.customerId),
  );
  app.get(
    '/api/v1/bookings/refusals',
    {
      schema: {
        tags,
        summary: '连续两次约不上的客户（主管优先安排）',
        response: {
          200: z.object({
            items: z.array(z.object({ customerId: z.string(), customerName: z.string(), refusedInRow: z.number(), lastRefusedAt: z.string().nullable() })),
          }),
        },
      },
      preValidation: needs('booking:read'),
    },
    async (req) => ({ items: await bookings.flagged(ctxOf(req)) }),
  );
}
