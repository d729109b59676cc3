export { createReferralService, type ReferralService } from './referral.service';
export { referralRoutes } from './referral.routes';
