import { FOLLOW_UP_RULE_CODES, followUpRuleRunSchema, followUpRuleSchema, followUpRuleUpdateSchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

const codeParams = z.object({ code: z.enum(FOLLOW_UP_RULE_CODES, { message: 'follow_up_rule.not_found' }) });

/** 回访规则: the manager's settings of the follow-up rules (follow_up:settings). */
export function followUpRuleRoutes(app: App) {
  const { followUpRules } = app.services;
  const tags = ['follow-up-rules'];
  app.get(
    '/api/v1/follow-up-rules',
    {
      schema: { tags, summary: '回访规则：开关、参数、上次运行与生成的任务数', response: { 200: z.object({ items: z.array(followUpRuleSchema) }) } },
      preValidation: needs('follow_up:settings'),
    },
    async () => ({ items: await followUpRules.list() }),
  );
  app.patch(
    '/api/v1/follow-up-rules/:code',
    {
      schema: {
        tags,
        summary: '启用/停用并调整参数（需带 version）',
        params: codeParams,
        body: followUpRuleUpdateSchema,
        response: { 200: followUpRuleSchema },
      },
      preValidation: needs('follow_up:settings'),
    },
    async (req) => followUpRules.update(ctxOf(req), req.params.code, req.body),
  );
  app.post(
    '/api/v1/follow-up-rules/:code/run',
    {
      schema: { tags, summary: '立即运行规则（重复运行不会重复生成任务）', params: codeParams, response: { 200: followUpRuleRunSchema } },
      preValidation: needs('follow_up:settings'),
    },
    async (req) => followUpRules.runNow(ctxOf(req), req.params.code),
  );
}
