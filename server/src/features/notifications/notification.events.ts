import type { NotificationRow } from './notification.table';

/** A notification just stored, for the person's open apps (`notificationAdded`). */
export type NotificationAddedEvent = NotificationRow;

declare module '../../infra/pubsub/pubsub' {
  interface TopicMap {
    'notification.added': NotificationAddedEvent;
  }
}
