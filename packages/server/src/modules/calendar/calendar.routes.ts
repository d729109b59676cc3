import {
  calendarConfigSchema,
  calendarCoverageSchema,
  calendarDateParams,
  calendarDayBody,
  calendarDayEntrySchema,
  calendarYearParams,
  calendarYearSchema,
  okSchema,
} from '@kefu/shared';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

/**
 * The business calendar's HTTP API. Anyone signed in reads it (the complaint screens show deadlines
 * and warn about missing years); changing it needs calendar:manage. Each route: permission ->
 * validated input -> one use case.
 */
export function calendarRoutes(app: App) {
  const { calendar } = app.services;
  const tags = ['calendar'];
  const manage = needs('calendar:manage');

  app.get(
    '/api/v1/calendar/config',
    { schema: { tags, summary: '工作时间、午休与时区', response: { 200: calendarConfigSchema } }, preValidation: needs() },
    async () => calendar.config(),
  );

  app.put(
    '/api/v1/calendar/config',
    { schema: { tags, summary: '保存工作时间、午休与时区', body: calendarConfigSchema, response: { 200: calendarConfigSchema } }, preValidation: manage },
    async (req) => calendar.saveConfig(ctxOf(req), req.body),
  );

  app.get(
    '/api/v1/calendar/coverage',
    { schema: { tags, summary: '节假日数据覆盖的年份；今年或明年缺失时列出', response: { 200: calendarCoverageSchema } }, preValidation: needs() },
    async () => calendar.coverage(),
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: { tags, summary: '某年的法定节假日与调休（含手工修改）', params: calendarYearParams, response: { 200: calendarYearSchema } },
      preValidation: needs(),
    },
    async (req) => calendar.days(req.params.year),
  );

  app.post(
    '/api/v1/calendar/years/:year/covered',
    { schema: { tags, summary: '标记该年节假日已录入完成', params: calendarYearParams, response: { 200: calendarCoverageSchema } }, preValidation: manage },
    async (req) => calendar.markYearCovered(ctxOf(req), req.params.year),
  );

  app.delete(
    '/api/v1/calendar/years/:year/covered',
    {
      schema: { tags, summary: '取消“已录入完成”（仅手工标记的年份）', params: calendarYearParams, response: { 200: calendarCoverageSchema } },
      preValidation: manage,
    },
    async (req) => calendar.unmarkYearCovered(ctxOf(req), req.params.year),
  );

  app.post(
    '/api/v1/calendar/days',
    {
      schema: { tags, summary: '设置某天为节假日、调休上班日或普通日', body: calendarDayBody, response: { 200: calendarDayEntrySchema } },
      preValidation: manage,
    },
    async (req) => calendar.setDay(ctxOf(req), req.body),
  );

  app.delete(
    '/api/v1/calendar/days/:date',
    { schema: { tags, summary: '撤销对某天的手工修改', params: calendarDateParams, response: { 200: okSchema } }, preValidation: manage },
    async (req) => {
      await calendar.removeDay(ctxOf(req), req.params.date);
      return { ok: true as const };
    },
  );
}
