import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';

export interface AuditEntry {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Append one audit row, in the caller's transaction so the change and its record commit together. */
export async function appendAudit(db: Db, ctx: Ctx, e: AuditEntry): Promise<void> {
  const system = ctx.actor.id === '00000000-0000-0000-0000-000000000000';
  await db
    .insertInto('audit_log')
    .values({
      actor_id: system ? null : ctx.actor.id,
      actor_kind: system ? 'system' : ctx.actor.kind,
      actor_name: ctx.actor.name,
      action: e.action,
      entity_type: e.entityType ?? null,
      entity_id: e.entityId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
      ip: ctx.ip,
      request_id: ctx.requestId,
    })
    .execute();
}
