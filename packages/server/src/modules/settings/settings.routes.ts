import { archiveSettingsSchema, categorySchema } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { ctxOf, needs } from '../../lib/auth';

export function settingsRoutes(app: App) {
  const { settings } = app.services;
  const tags = ['settings'];
  const categoryOut = categorySchema.extend({ description: z.string().nullable(), sort: z.number(), active: z.boolean() });

  app.get('/api/v1/customer-categories', { schema: { tags, summary: '客户分类与等级', response: { 200: z.object({ items: z.array(categoryOut) }) } }, preValidation: needs() }, async () => ({
    items: await settings.categories(),
  }));

  app.put('/api/v1/customer-categories', { schema: { tags, summary: '保存分类或等级', body: categorySchema, response: { 200: categoryOut } }, preValidation: needs('customer:settings') }, async (req) =>
    settings.saveCategory(ctxOf(req), req.body),
  );

  app.get('/api/v1/settings/archive', { schema: { tags, summary: '档案设置', response: { 200: archiveSettingsSchema } }, preValidation: needs() }, async () => settings.archive());

  app.put('/api/v1/settings/archive', { schema: { tags, summary: '保存档案设置', body: archiveSettingsSchema, response: { 200: archiveSettingsSchema } }, preValidation: needs('customer:settings') }, async (req) =>
    settings.saveArchive(ctxOf(req), req.body),
  );
}
