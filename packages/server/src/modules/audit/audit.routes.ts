import { pageOf } from '@kefu/shared';
import { z } from 'zod';
import type { App } from '../../app';
import { page, readCursor } from '../../lib/pagination';
import { needs } from '../../lib/auth';

const auditItem = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** The manager's reading of the audit log: newest first, filtered by who, what, which record, when. */
export function auditRoutes(app: App) {
  app.get(
    '/api/v1/audit-log',
    { schema: { tags: ['audit'], summary: '审计日志', querystring: auditQuery, response: { 200: pageOf(auditItem) } }, preValidation: needs('audit:read') },
    async (req) => {
      const q = req.query;
      let query = app.deps.db.selectFrom('audit_log').selectAll();
      if (q.actor) query = query.where('actor_name', 'ilike', `%${q.actor}%`);
      if (q.action) query = query.where('action', 'like', `${q.action}%`);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.from) query = query.where('at', '>=', new Date(q.from));
      if (q.to) query = query.where('at', '<', new Date(q.to));
      const cursor = readCursor(q.cursor, ['int']);
      if (cursor) query = query.where('id', '<', Number(cursor[0]));
      const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
      const result = page(rows, q.limit, (r) => [r.id]);
      return {
        nextCursor: result.nextCursor,
        items: result.items.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorKind: r.actor_kind,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          detail: (r.detail ?? {}) as Record<string, unknown>,
          ip: r.ip,
          requestId: r.request_id,
        })),
      };
    },
  );
}
