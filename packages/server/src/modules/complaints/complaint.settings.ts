import { DEFAULT_COMPLAINT_SETTINGS, complaintSettingsSchema, type ComplaintSettings } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';
import { userIdOf } from './complaint.core';

const KEY = 'complaints';

/**
 * The manager's complaint settings (settings row `complaints`): SLA limits per category and severity,
 * the approval threshold, the at-risk share, the reopen window, the follow-up days. Read by every step
 * and every sweep: cached briefly; another instance's change is seen within the TTL.
 */
export function createComplaintSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const TTL_MS = 30_000;
  let cached: { value: ComplaintSettings; at: number } | null = null;

  async function stored(trx: Db, forUpdate = false): Promise<ComplaintSettings> {
    let q = trx.selectFrom('settings').select('value').where('key', '=', KEY);
    if (forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    const parsed = complaintSettingsSchema.safeParse({ ...DEFAULT_COMPLAINT_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_COMPLAINT_SETTINGS;
  }

  async function read(): Promise<ComplaintSettings> {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = await stored(db);
    cached = { value, at: Date.now() };
    return value;
  }

  /**
   * Saving does not move the deadlines of running cases (their limits are fixed at registration); a new
   * at-risk share makes the watch look at every running case again at its next sweep.
   */
  async function save(ctx: Ctx, value: ComplaintSettings): Promise<ComplaintSettings> {
    const updatedBy = userIdOf(ctx);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      // the stored value, locked: this instance's cache may be another instance's change behind
      const before = await stored(trx, true);
      await trx
        .insertInto('settings')
        .values({ key: KEY, value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: now }))
        .execute();
      if (before.atRiskFraction !== value.atRiskFraction) {
        await trx
          .updateTable('complaints')
          .set({ watch_at: now })
          .where('state', '<>', 'closed')
          .where('paused_since', 'is', null)
          .where(sql<boolean>`(responded_at is null or resolved_at is null)`)
          .execute();
      }
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: KEY, detail: { ...value } });
    });
    cached = null;
    return value;
  }

  return { read, save };
}
export type ComplaintSettingsStore = ReturnType<typeof createComplaintSettings>;
