export { createCustomerImportService, type CustomerImportService } from './customer-import.service';
export { customerImportRoutes } from './customer-import.routes';
