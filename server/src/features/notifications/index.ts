export {
  notifications,
  notificationDailyRuns,
  notificationGroups,
  notificationSettings,
  pushDevices,
  pushSubscriptions,
} from './notification.table';
export type { NotificationRow, NotificationSettingsRow } from './notification.table';
export {
  NotificationRepository,
  pushDeviceContext,
  pushKeyContext,
  pushTokenHashOf,
} from './notification.repository';
export { NotificationService } from './notification.service';
export { NotificationDeliveryService, type Recipient } from './notification-delivery.service';
export { NotificationScheduleService } from './notification-schedule.service';
export { NotificationResolver } from './notification.resolver';
export { NotificationError } from './notification.errors';
export { deliverNotificationJob, dailyNotificationsJob } from './notification.jobs';
export { draftOfAlert, type AlertFacts, type DailyMonthFacts } from './notification-sources.rules';
export { notificationNode } from './notification.node-source';
