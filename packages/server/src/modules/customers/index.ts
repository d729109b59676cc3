export { createCustomerService, type CustomerService, type MergeHook } from './customer.service';
export { customerRoutes } from './customer.routes';
export { insertTimeline, type TimelineInsert } from './customer.repo';
export { toInsertRow, derivedColumns } from './customer.fields';
export { toCustomer, toListItem } from './customer.mapper';
export { selectCustomers } from './customer.repo';
export { canSee } from './customer.policy';
