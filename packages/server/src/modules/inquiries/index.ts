export { createInquiryService, type InquiryService } from './inquiry.service';
export { inquiryRoutes } from './inquiry.routes';
