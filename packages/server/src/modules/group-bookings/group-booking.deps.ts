import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { BookingHolds } from '../bookings';
import type { ResourceService } from '../resources';
import type { GroupSettingsStore } from './group-booking.settings';

export interface GroupDeps {
  db: Db;
  clock: Clock;
  timeZone: () => Promise<string>;
  resources: ResourceService;
  /** the bookings module's holds: the group's places are ordinary bookings */
  holds: BookingHolds;
  settings: GroupSettingsStore;
}
