export { createFollowUpService, type FollowUpService } from './follow-up.service';
export { followUpRoutes } from './follow-up.routes';
export type { ClosedEvent, ClosedHook } from './follow-up.work';
