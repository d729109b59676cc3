export { createGroupBookingService, type GroupBookingService } from './group-booking.service';
export { createGroupSettings } from './group-booking.settings';
export { groupBookingRoutes } from './group-booking.routes';
export { nextFormNumber } from './group-booking.repo';
