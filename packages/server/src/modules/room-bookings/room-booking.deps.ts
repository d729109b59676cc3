import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { BookingHolds } from '../bookings';
import type { ResourceService } from '../resources';

export interface RoomDeps {
  db: Db;
  clock: Clock;
  timeZone: () => Promise<string>;
  resources: ResourceService;
  /** the bookings module's holds: a room's stay is an ordinary one-place booking */
  holds: BookingHolds;
}
