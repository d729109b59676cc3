export { createActivityService, type ActivityService } from './activity.service';
export { activityRoutes } from './activity.routes';
