export { createComplaintService, type ComplaintService } from './complaint.service';
export type { CalendarSource } from './complaint.core';
export { complaintRoutes } from './complaint.routes';
