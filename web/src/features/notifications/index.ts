export { NotificationBell } from './notification-bell';
export { NotificationsScreen } from './notifications-screen';
