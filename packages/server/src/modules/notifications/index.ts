export { createNotificationService, type NotificationService } from './notification.service';
export { notificationRoutes } from './notification.routes';
export { insertNotifications, type NewNotification } from './notification.repo';
