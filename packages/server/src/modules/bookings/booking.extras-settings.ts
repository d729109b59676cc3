import { DEFAULT_BOOKING_EXTRAS, bookingExtrasSettingsSchema } from '@kefu/shared';
import type { Db } from '../../db/client';
import { createCachedSettings } from '../../lib/cached-settings';
import type { Clock } from '../../lib/clock';

/**
 * Settings of the bookings' extras (row `booking_extras`): how long a waiting-list offer holds the
 * place, the closure notice days, the sheet's deadline and the departments it goes to. Cached briefly;
 * read before a transaction opens, never inside one.
 */
export function createBookingExtrasSettings(deps: { db: Db; clock: Clock }) {
  return createCachedSettings(deps, { key: 'booking_extras', schema: bookingExtrasSettingsSchema, defaults: DEFAULT_BOOKING_EXTRAS });
}
export type BookingExtrasSettingsStore = ReturnType<typeof createBookingExtrasSettings>;
