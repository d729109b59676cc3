import { complaintReportSchema, idParams, reportQuery, rootCauseBody, rootCauseParams, rootCauseSchema, type Permission } from '@kefu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { attachment } from './report-format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Signed in and holding one of the permissions: the form is printed by whoever may read the case. */
function needsAny(...permissions: Permission[]) {
  const signedIn = needs();
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await signedIn(req, reply);
    if (!permissions.some((p) => req.actor!.permissions.has(p))) throw new AppError('error.forbidden', 403);
  };
}

/** Complaint reports, the monthly root-cause page, their xlsx, and the printable record form of a case. */
export function complaintReportRoutes(app: App) {
  const { complaintReports } = app.services;
  const tags = ['complaint-reports'];

  app.get(
    '/api/v1/complaint-reports/summary',
    {
      schema: {
        tags,
        summary: '客诉周报/月报：按类别、部门、渠道、严重程度；时限执行；满意度；重大投诉',
        querystring: reportQuery,
        response: { 200: complaintReportSchema },
      },
      preValidation: needs('complaint:report'),
    },
    async (req) => complaintReports.summary(req.query),
  );

  app.get(
    '/api/v1/complaint-reports/summary.xlsx',
    {
      schema: { tags, summary: '导出客诉报表（xlsx：汇总、客诉清单、重大投诉、月度原因分析；记入审计）', querystring: reportQuery, produces: [XLSX] },
      preValidation: needs('complaint:report'),
    },
    async (req, reply) => {
      const file = await complaintReports.exportSummary(ctxOf(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(file.fileName, file.asciiName))
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );

  app.get(
    '/api/v1/complaint-reports/root-cause/:month',
    {
      schema: { tags, summary: '月度客诉原因分析：当月数据与客诉专员的分析', params: rootCauseParams, response: { 200: rootCauseSchema } },
      preValidation: needs('complaint:report'),
    },
    async (req) => complaintReports.rootCause(req.params.month),
  );

  app.put(
    '/api/v1/complaint-reports/root-cause/:month',
    {
      schema: {
        tags,
        summary: '保存月度原因分析（需带 version，过期返回 409；记入审计）',
        params: rootCauseParams,
        body: rootCauseBody,
        response: { 200: rootCauseSchema },
      },
      preValidation: needs('complaint:report'),
    },
    async (req) => complaintReports.saveAnalysis(ctxOf(req), req.params.month, req.body),
  );

  app.get(
    '/api/v1/complaints/:id/record.pdf',
    {
      schema: { tags, summary: '客户投诉记录表（附件二，PDF，可打印；号码按查看权限脱敏）', params: idParams, produces: ['application/pdf'] },
      preValidation: needsAny('complaint:read', 'complaint:respond'),
    },
    async (req, reply) => {
      const file = await complaintReports.recordForm(ctxOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(file.fileName, file.asciiName, true))
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
}
