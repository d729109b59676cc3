export { createBookingService, type BookingService } from './booking.service';
export { createBookingSettings } from './booking.settings';
export { bookingRoutes } from './booking.routes';
export type { BookingEvent, BookingEventName, BookingHook } from './booking.core';
export { createBookingHolds, type BookingHolds, type HoldRequest } from './booking.hold';
