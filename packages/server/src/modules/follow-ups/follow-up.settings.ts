import { DEFAULT_FOLLOW_UP_SETTINGS, followUpSettingsSchema, type FollowUpSettings } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';

const KEY = 'follow_ups';

/** The manager's follow-up settings (settings row `follow_ups`): the attempt limit and the KPI targets. */
export function createFollowUpSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function read(trx: Db = db): Promise<FollowUpSettings> {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    const stored = (row?.value ?? {}) as Partial<FollowUpSettings>;
    const parsed = followUpSettingsSchema.safeParse({
      ...DEFAULT_FOLLOW_UP_SETTINGS,
      ...stored,
      targets: { ...DEFAULT_FOLLOW_UP_SETTINGS.targets, ...(stored.targets ?? {}) },
    });
    return parsed.success ? parsed.data : DEFAULT_FOLLOW_UP_SETTINGS;
  }

  async function save(ctx: Ctx, value: FollowUpSettings): Promise<FollowUpSettings> {
    const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: KEY, value: JSON.stringify(value), updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: by, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: KEY, detail: { ...value } });
    });
    return read();
  }

  return { read, save };
}
export type FollowUpSettingsStore = ReturnType<typeof createFollowUpSettings>;
