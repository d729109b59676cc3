export { createComplaintReportService, type ComplaintReader, type ComplaintReportService } from './complaint-report.service';
export { complaintReportRoutes } from './complaint-report.routes';
