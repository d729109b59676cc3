import {
  followUpCampaignBody,
  followUpCampaignReportSchema,
  followUpCampaignSchema,
  followUpCampaignTasksBody,
  followUpCampaignUpdateBody,
  followUpCheckBody,
  followUpDistributeBody,
  followUpDistributeResult,
  followUpIssueBody,
  followUpKpiQuery,
  followUpKpisSchema,
  followUpManualBody,
  followUpOutcomeBody,
  followUpRecordBody,
  followUpSettingsSchema,
  followUpTaskDetailSchema,
  followUpTaskSchema,
  idParams,
  pageOf,
  type Permission,
} from '@kefu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Signed in and holding one of the permissions (an agent works their list, a supervisor sees all of it). */
function needsAny(...permissions: Permission[]) {
  const signedIn = needs();
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await signedIn(req, reply);
    if (!permissions.some((p) => req.actor!.permissions.has(p))) throw new AppError('error.forbidden', 403);
  };
}

function attachment(fileName: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const listQuery = z.object({
  status: z.enum(['open', 'closed']).default('open'),
  due: z.enum(['today', 'all']).default('all'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assigneeId: z.string().uuid().optional(),
  campaignId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  toCheck: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

/** Follow-up tasks (回访): the call list, the task screen, outcomes, the record, the supervisor's tools, KPIs. */
export function followUpRoutes(app: App) {
  const { followUps } = app.services;
  const tags = ['follow-ups'];
  const worker = needsAny('follow_up:work', 'follow_up:supervise');
  const detail = { 200: followUpTaskDetailSchema };

  app.get(
    '/api/v1/follow-up-tasks',
    {
      schema: { tags, summary: '回访任务（我的回访：按到期时间和优先级）', querystring: listQuery, response: { 200: pageOf(followUpTaskSchema) } },
      preValidation: worker,
    },
    async (req) => followUps.list(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/follow-up-tasks',
    {
      schema: { tags, summary: '手工新建回访任务', body: followUpManualBody, response: { 201: followUpTaskDetailSchema } },
      preValidation: needs('follow_up:supervise'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await followUps.createManual(ctx, req.body);
      reply.status(201);
      return followUps.get(ctx, id);
    },
  );
  app.post(
    '/api/v1/follow-up-tasks/distribute',
    {
      schema: { tags, summary: '按负荷分配回访任务', body: followUpDistributeBody, response: { 200: followUpDistributeResult } },
      preValidation: needs('follow_up:supervise'),
    },
    async (req) => followUps.distribute(ctxOf(req), req.body),
  );
  app.get(
    '/api/v1/follow-up-tasks/:id',
    { schema: { tags, summary: '回访任务（客户卡片、记录、历史）', params: idParams, response: detail }, preValidation: worker },
    async (req) => followUps.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/follow-up-tasks/:id/attempts',
    {
      schema: { tags, summary: '登记回访结果（需带 version）', params: idParams, body: followUpOutcomeBody, response: { 201: followUpTaskDetailSchema } },
      preValidation: needs('follow_up:work'),
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await followUps.attempt(ctx, req.params.id, req.body);
      reply.status(201);
      return followUps.get(ctx, req.params.id);
    },
  );
  app.put(
    '/api/v1/follow-up-tasks/:id/record',
    { schema: { tags, summary: '填写回访记录表', params: idParams, body: followUpRecordBody, response: detail }, preValidation: needs('follow_up:work') },
    async (req) => {
      const ctx = ctxOf(req);
      await followUps.saveRecord(ctx, req.params.id, req.body);
      return followUps.get(ctx, req.params.id);
    },
  );
  app.post(
    '/api/v1/follow-up-tasks/:id/issue',
    {
      schema: {
        tags,
        summary: '回访发现的问题转投诉或转部门',
        params: idParams,
        body: followUpIssueBody,
        response: { 201: z.object({ complaintId: z.string(), number: z.string() }) },
      },
      preValidation: worker,
    },
    async (req, reply) => {
      reply.status(201);
      return followUps.raiseIssue(ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/follow-up-tasks/:id/check',
    { schema: { tags, summary: '抽查回访记录', params: idParams, body: followUpCheckBody, response: detail }, preValidation: needs('follow_up:supervise') },
    async (req) => {
      const ctx = ctxOf(req);
      await followUps.check(ctx, req.params.id, req.body);
      return followUps.get(ctx, req.params.id);
    },
  );
  app.get(
    '/api/v1/follow-up-agents',
    {
      schema: {
        tags,
        summary: '回访人员及其待办数量',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), open: z.number() })) }) },
      },
      preValidation: needs('follow_up:supervise'),
    },
    async () => ({ items: await followUps.agents() }),
  );

  app.get(
    '/api/v1/follow-up-campaigns',
    {
      schema: { tags, summary: '回访活动', response: { 200: z.object({ items: z.array(followUpCampaignSchema) }) } },
      preValidation: needsAny('follow_up:supervise', 'follow_up:report'),
    },
    async () => ({ items: await followUps.campaigns() }),
  );
  app.post(
    '/api/v1/follow-up-campaigns',
    {
      schema: { tags, summary: '新建回访活动', body: followUpCampaignBody, response: { 201: followUpCampaignSchema } },
      preValidation: needs('follow_up:supervise'),
    },
    async (req, reply) => {
      reply.status(201);
      return followUps.createCampaign(ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/v1/follow-up-campaigns/:id',
    {
      schema: { tags, summary: '回访活动', params: idParams, response: { 200: followUpCampaignSchema } },
      preValidation: needsAny('follow_up:supervise', 'follow_up:report'),
    },
    async (req) => followUps.campaign(req.params.id),
  );
  app.patch(
    '/api/v1/follow-up-campaigns/:id',
    {
      schema: {
        tags,
        summary: '回访活动：总结、停用（需带 version）',
        params: idParams,
        body: followUpCampaignUpdateBody,
        response: { 200: followUpCampaignSchema },
      },
      preValidation: needs('follow_up:supervise'),
    },
    async (req) => followUps.updateCampaign(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/follow-up-campaigns/:id/tasks',
    {
      schema: {
        tags,
        summary: '为筛选出的客户生成活动回访任务',
        params: idParams,
        body: followUpCampaignTasksBody,
        response: { 201: z.object({ created: z.number(), matched: z.number() }) },
      },
      preValidation: needs('follow_up:supervise'),
    },
    async (req, reply) => {
      reply.status(201);
      return followUps.addCampaignTasks(ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/follow-up-campaigns/:id/report',
    { schema: { tags, summary: '回访总结报告', params: idParams, response: { 200: followUpCampaignReportSchema } }, preValidation: needs('follow_up:report') },
    async (req) => followUps.report(req.params.id, ctxOf(req).lang),
  );
  app.get(
    '/api/v1/follow-up-campaigns/:id/report.xlsx',
    { schema: { tags, summary: '导出回访总结报告（xlsx）', params: idParams, produces: [XLSX] }, preValidation: needs('follow_up:report') },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { buffer, name } = await followUps.reportFile(ctx, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(name, 'follow-up-report.xlsx'))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );
  app.get(
    '/api/v1/follow-up-kpis',
    {
      schema: { tags, summary: '回访考核指标（按人员、规则或活动）', querystring: followUpKpiQuery, response: { 200: followUpKpisSchema } },
      preValidation: needs('follow_up:report'),
    },
    async (req) => followUps.kpis(req.query, ctxOf(req).lang),
  );
  app.get(
    '/api/v1/follow-up-kpis.xlsx',
    { schema: { tags, summary: '导出回访考核指标（xlsx）', querystring: followUpKpiQuery, produces: [XLSX] }, preValidation: needs('follow_up:report') },
    async (req, reply) => {
      const { buffer, name } = await followUps.kpiFile(ctxOf(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(name, 'follow-up-kpis.xlsx'))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );
  app.get(
    '/api/v1/follow-up-settings',
    {
      schema: { tags, summary: '回访设置（尝试次数、考核目标）', response: { 200: followUpSettingsSchema } },
      preValidation: needsAny('follow_up:settings', 'follow_up:report', 'follow_up:supervise'),
    },
    async () => followUps.settings(),
  );
  app.put(
    '/api/v1/follow-up-settings',
    {
      schema: { tags, summary: '保存回访设置', body: followUpSettingsSchema, response: { 200: followUpSettingsSchema } },
      preValidation: needs('follow_up:settings'),
    },
    async (req) => followUps.saveSettings(ctxOf(req), req.body),
  );
}
