export { createRoomBookingService, type RoomBookingService } from './room-booking.service';
export { roomBookingRoutes } from './room-booking.routes';
