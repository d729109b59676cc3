import type { z } from 'zod';
import type { Db } from '../db/client';
import { appendAudit } from '../modules/audit';
import type { Clock } from './clock';
import type { Ctx } from './context';

/**
 * One settings row (`settings.key`) read through its schema over the defaults, cached briefly (another
 * instance's save is seen within the TTL), saved with an audit row. Read before a transaction opens,
 * never inside one.
 */
export function createCachedSettings<T extends object>(
  deps: { db: Db; clock: Clock },
  opts: { key: string; schema: z.ZodType<T>; defaults: T; ttlMs?: number },
) {
  const { db, clock } = deps;
  const { key, schema, defaults } = opts;
  const ttlMs = opts.ttlMs ?? 30_000;
  let cached: { value: T; at: number } | null = null;

  async function read(): Promise<T> {
    if (cached && Date.now() - cached.at < ttlMs) return cached.value;
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    const parsed = schema.safeParse({ ...defaults, ...((row?.value as object) ?? {}) });
    const value = parsed.success ? parsed.data : defaults;
    cached = { value, at: Date.now() };
    return value;
  }

  async function save(ctx: Ctx, value: T): Promise<T> {
    const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: key, detail: { ...(value as Record<string, unknown>) } });
    });
    cached = null;
    return value;
  }

  return { read, save };
}
