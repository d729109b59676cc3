import { DEFAULT_BOOKING_EXTRAS, bookingExtrasSettingsSchema, type BookingExtrasSettings } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';

const KEY = 'booking_extras';

/**
 * Settings of the bookings' extras (row `booking_extras`): how long a waiting-list offer holds the
 * place, the closure notice days, the sheet's deadline and the departments it goes to. Cached briefly;
 * read before a transaction opens, never inside one.
 */
export function createBookingExtrasSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const TTL_MS = 30_000;
  let cached: { value: BookingExtrasSettings; at: number } | null = null;

  async function read(): Promise<BookingExtrasSettings> {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    const parsed = bookingExtrasSettingsSchema.safeParse({ ...DEFAULT_BOOKING_EXTRAS, ...((row?.value as object) ?? {}) });
    const value = parsed.success ? parsed.data : DEFAULT_BOOKING_EXTRAS;
    cached = { value, at: Date.now() };
    return value;
  }

  async function save(ctx: Ctx, value: BookingExtrasSettings): Promise<BookingExtrasSettings> {
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
export type BookingExtrasSettingsStore = ReturnType<typeof createBookingExtrasSettings>;
