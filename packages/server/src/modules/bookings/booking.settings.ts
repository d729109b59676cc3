import { DEFAULT_BOOKING_SETTINGS, bookingSettingsSchema } from '@kefu/shared';
import type { Db } from '../../db/client';
import { createCachedSettings } from '../../lib/cached-settings';
import type { Clock } from '../../lib/clock';

/**
 * The change windows of seed 004 (settings row `bookings`): by phone or at the desk 1 day ahead,
 * self-service 12 hours ahead. Read on every change: cached briefly, another instance's save is seen
 * within the TTL.
 */
export function createBookingSettings(deps: { db: Db; clock: Clock }) {
  return createCachedSettings(deps, { key: 'bookings', schema: bookingSettingsSchema, defaults: DEFAULT_BOOKING_SETTINGS });
}
export type BookingSettingsStore = ReturnType<typeof createBookingSettings>;
