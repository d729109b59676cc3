import { DEFAULT_GROUP_SETTINGS, groupSettingsSchema, type GroupSettings } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';

const KEY = 'group_bookings';

/** Seed 003 "需提前1-2星期预约" as a setting (row `group_bookings`): 7 to 14 days, too soon refused, flights of 4. */
export function createGroupSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function read(): Promise<GroupSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    const parsed = groupSettingsSchema.safeParse({ ...DEFAULT_GROUP_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_GROUP_SETTINGS;
  }

  async function save(ctx: Ctx, value: GroupSettings): Promise<GroupSettings> {
    const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: KEY, value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: KEY, detail: { ...value } });
    });
    return value;
  }

  return { read, save };
}
export type GroupSettingsStore = ReturnType<typeof createGroupSettings>;
