import {
  acknowledgeBody,
  approveBody,
  assignBody,
  closeBody,
  complaintFollowUpSchema,
  complaintListItemSchema,
  complaintListQuery,
  complaintPromiseListQuery,
  complaintPromiseSchema,
  complaintSchema,
  complaintSettingsSchema,
  complaintStepSchema,
  complaintTransferListQuery,
  complaintTransferSchema,
  feedbackBody,
  followUpDoneBody,
  idParams,
  pageOf,
  pauseBody,
  promiseBody,
  proposeBody,
  registerComplaintBody,
  rejectBody,
  reopenBody,
  resolveBody,
  resumeBody,
  transferAnswerBody,
  transferBody,
  verifyBody,
  type Complaint,
  type Permission,
} from '@kefu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';

/** Signed in and holding at least one of the permissions (a case is read by officers and by department handlers). */
function needsAny(...permissions: Permission[]) {
  const signedIn = needs();
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await signedIn(req, reply);
    if (!permissions.some((p) => req.actor!.permissions.has(p))) throw new AppError('error.forbidden', 403);
  };
}

/** The complaints HTTP API (SPEC §5). Each route: permission -> validated input -> one use case. */
export function complaintRoutes(app: App) {
  const { complaints } = app.services;
  const tags = ['complaints'];
  const reads = needsAny('complaint:read', 'complaint:respond');

  app.post(
    '/api/v1/complaints',
    {
      schema: { tags, summary: '登记客诉（附件二客户投诉记录表）', body: registerComplaintBody, response: { 201: complaintSchema } },
      preValidation: needs('complaint:register'),
    },
    async (req, reply) => {
      reply.status(201);
      return complaints.register(ctxOf(req), req.body);
    },
  );

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: '客诉列表（按剩余时限排序的工作队列；视图：open、closed、all、mine、approvals）',
        querystring: complaintListQuery,
        response: { 200: pageOf(complaintListItemSchema) },
      },
      preValidation: needs('complaint:read'),
    },
    async (req) => complaints.list(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/complaints/:id',
    { schema: { tags, summary: '客诉详情（含时限与当前可执行操作）', params: idParams, response: { 200: complaintSchema } }, preValidation: reads },
    async (req) => complaints.get(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/complaints/:id/steps',
    {
      schema: {
        tags,
        summary: '处理记录（每一步：谁、何时、内容；暂停、转交、承诺、超时）',
        params: idParams,
        response: { 200: z.array(complaintStepSchema) },
      },
      preValidation: reads,
    },
    async (req) => complaints.steps(ctxOf(req), req.params.id),
  );

  function action<B extends z.ZodType>(
    path: string,
    body: B,
    permission: Permission,
    summary: string,
    run: (ctx: Ctx, id: string, b: z.output<B>) => Promise<Complaint>,
  ) {
    app.post(
      `/api/v1/complaints/:id/${path}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: complaintSchema } }, preValidation: needs(permission) },
      async (req) => run(ctxOf(req), (req.params as { id: string }).id, req.body as z.output<B>),
    );
  }
  // the workflow (seed 003 附件二); a stale version -> 409 complaint.version_conflict, a step not allowed now -> 409 with `allowed`
  action('acknowledge', acknowledgeBody, 'complaint:handle', '受理（已答复客户，首次响应）', complaints.acknowledge);
  action('verify', verifyBody, 'complaint:handle', '情况核实（调查人、核实情况）', complaints.verify);
  action('propose', proposeBody, 'complaint:handle', '处理意见（负责人、补偿金额；超过额度需批准）', complaints.propose);
  action('approve', approveBody, 'complaint:approve', '批准处理意见', complaints.approve);
  action('reject', rejectBody, 'complaint:approve', '驳回处理意见', complaints.reject);
  action('resolve', resolveBody, 'complaint:handle', '处理结果（处理人、结果）', complaints.resolve);
  action('feedback', feedbackBody, 'complaint:handle', '客户反馈（处理结果与处理速度满意度、客户建议；不满意须约定回电时间）', complaints.recordFeedback);
  action('close', closeBody, 'complaint:handle', '结案（生成结案回访与一个月后回访）', complaints.close);
  action('reopen', reopenBody, 'complaint:handle', '重新打开（结案后规定天数内）', complaints.reopen);
  action('pause', pauseBody, 'complaint:handle', '等待客户回复（时限暂停）', complaints.pause);
  action('resume', resumeBody, 'complaint:handle', '客户已回复，继续处理（时限顺延）', complaints.resume);
  action('assign', assignBody, 'complaint:handle', '指派处理人', complaints.assign);

  app.post(
    '/api/v1/complaints/:id/transfers',
    {
      schema: { tags, summary: '转交相关部门（逾期未答复每日提醒）', params: idParams, body: transferBody, response: { 201: complaintTransferSchema } },
      preValidation: needs('complaint:handle'),
    },
    async (req, reply) => {
      reply.status(201);
      return complaints.transfer(ctxOf(req), req.params.id, req.body);
    },
  );

  app.get(
    '/api/v1/complaints/:id/transfers',
    { schema: { tags, summary: '本客诉的转交', params: idParams, response: { 200: z.array(complaintTransferSchema) } }, preValidation: reads },
    async (req) => complaints.transfersOf(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/complaint-transfers',
    {
      schema: {
        tags,
        summary: '转交收件箱（相关部门只看本部门的）',
        querystring: complaintTransferListQuery,
        response: { 200: pageOf(complaintTransferSchema) },
      },
      preValidation: reads,
    },
    async (req) => complaints.transferInbox(ctxOf(req), { ...req.query, open: req.query.open === 'true' }),
  );

  app.post(
    '/api/v1/complaint-transfers/:id/answer',
    {
      schema: { tags, summary: '答复转交', params: idParams, body: transferAnswerBody, response: { 200: complaintTransferSchema } },
      preValidation: needsAny('complaint:respond', 'complaint:handle'),
    },
    async (req) => complaints.answerTransfer(ctxOf(req), req.params.id, req.body.answer),
  );

  app.post(
    '/api/v1/complaints/:id/promises',
    {
      schema: { tags, summary: '记录对客户的承诺（承诺必须兑现）', params: idParams, body: promiseBody, response: { 201: complaintPromiseSchema } },
      preValidation: needs('complaint:handle'),
    },
    async (req, reply) => {
      reply.status(201);
      return complaints.promise(ctxOf(req), req.params.id, req.body);
    },
  );

  app.get(
    '/api/v1/complaint-promises',
    {
      schema: { tags, summary: '对客户的承诺（我的、已逾期）', querystring: complaintPromiseListQuery, response: { 200: pageOf(complaintPromiseSchema) } },
      preValidation: needs('complaint:read'),
    },
    async (req) => {
      const q = req.query;
      return complaints.promises(ctxOf(req), { ...q, mine: q.mine === 'true', overdue: q.overdue === 'true', open: q.open !== 'false' });
    },
  );

  app.post(
    '/api/v1/complaint-promises/:id/keep',
    { schema: { tags, summary: '承诺已兑现', params: idParams, response: { 200: complaintPromiseSchema } }, preValidation: needs('complaint:read') },
    async (req) => complaints.keepPromise(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/complaints/:id/follow-ups',
    { schema: { tags, summary: '结案后回访', params: idParams, response: { 200: z.array(complaintFollowUpSchema) } }, preValidation: needs('complaint:read') },
    async (req) => complaints.followUpsOf(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/complaint-follow-ups/:id/done',
    {
      schema: { tags, summary: '回访已完成', params: idParams, body: followUpDoneBody, response: { 200: complaintFollowUpSchema } },
      preValidation: needs('complaint:handle'),
    },
    async (req) => complaints.followUpDone(ctxOf(req), req.params.id, req.body.note),
  );

  app.get(
    '/api/v1/complaint-settings',
    { schema: { tags, summary: '客诉设置（时限、审批额度、预警比例、回访）', response: { 200: complaintSettingsSchema } }, preValidation: reads },
    async () => complaints.settings(),
  );

  app.put(
    '/api/v1/complaint-settings',
    {
      schema: { tags, summary: '保存客诉设置', body: complaintSettingsSchema, response: { 200: complaintSettingsSchema } },
      preValidation: needs('complaint:settings'),
    },
    async (req) => complaints.saveSettings(ctxOf(req), req.body),
  );
}
