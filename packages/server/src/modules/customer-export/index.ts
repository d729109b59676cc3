export { createCustomerExportService, type CustomerExportService } from './customer-export.service';
export { customerExportRoutes } from './customer-export.routes';
