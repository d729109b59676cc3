import { DEFAULT_BOOKING_SETTINGS, bookingSettingsSchema, type BookingSettings } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';

const KEY = 'bookings';

/**
 * The change windows of seed 004 (settings row `bookings`): by phone or at the desk 1 day ahead,
 * self-service 12 hours ahead. Read on every change: cached briefly, another instance's save is seen
 * within the TTL.
 */
export function createBookingSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const TTL_MS = 30_000;
  let cached: { value: BookingSettings; at: number } | null = null;

  async function read(): Promise<BookingSettings> {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    const parsed = bookingSettingsSchema.safeParse({ ...DEFAULT_BOOKING_SETTINGS, ...((row?.value as object) ?? {}) });
    const value = parsed.success ? parsed.data : DEFAULT_BOOKING_SETTINGS;
    cached = { value, at: Date.now() };
    return value;
  }

  async function save(ctx: Ctx, value: BookingSettings): Promise<BookingSettings> {
    const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: KEY, value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: KEY, detail: { ...value } });
    });
    cached = null;
    return value;
  }

  return { read, save };
}
export type BookingSettingsStore = ReturnType<typeof createBookingSettings>;
