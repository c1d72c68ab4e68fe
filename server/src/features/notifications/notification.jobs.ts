import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationParams,
  type NotificationType,
} from './notification.table';

/** One notification to raise: what the sources (alerts, schedules) hand to the queue. */
export interface NotificationRequest {
  /** Chosen by the producer, so a retried job stores the notification once. */
  notificationId: string;
  userId: string;
  type: NotificationType;
  groupKey: string;
  params: NotificationParams;
  /** ISO instant of what caused it (the dedup window is measured from it). */
  occurredAt: string;
  /** Set when quiet hours held the outside channels back: only these are left to send. */
  pendingChannels?: NotificationChannel[];
}

/**
 * Stores the notification (in-app, deduplicated by group key) and fans it out to push and e-mail;
 * during quiet hours it queues itself again for when they end, with only the outside channels left.
 */
export const deliverNotificationJob: JobSpec<NotificationRequest> = {
  name: 'notifications.deliver',
  version: 1,
  queue: 'notifications',
  payload: z.object({
    notificationId: z.uuid(),
    userId: z.uuid(),
    type: z.enum(NOTIFICATION_TYPES),
    groupKey: z.string().min(1).max(200),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    occurredAt: z.iso.datetime(),
    pendingChannels: z.array(z.enum(NOTIFICATION_CHANNELS)).optional(),
  }),
  attempts: 5,
};

/** Each person's morning note, pace check and wins once their local day reaches 08:00. */
export const dailyNotificationsJob: JobSpec<{ slot: string }> = {
  name: 'notifications.daily',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string() }),
  attempts: 3,
};
