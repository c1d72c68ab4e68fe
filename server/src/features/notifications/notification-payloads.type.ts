import { Field, Int, ObjectType } from 'type-graphql';
import {
  Notification,
  NotificationSettings,
  PushDeviceRegistration,
  PushSubscriptionRegistration,
} from './notification.type';

@ObjectType({ description: 'The notification after `markNotificationAsRead`.' })
export class MarkNotificationAsReadPayload {
  @Field(() => Notification, {
    description: 'The notification, read (marking it again changes nothing).',
  })
  notification!: Notification;
}

@ObjectType({ description: 'The outcome of `markAllNotificationsAsRead`.' })
export class MarkAllNotificationsAsReadPayload {
  @Field(() => Int, { description: 'How many notifications were unread and are read now.' })
  markedCount!: number;
}

@ObjectType({ description: 'The settings `saveNotificationSettings` stored.' })
export class SaveNotificationSettingsPayload {
  @Field(() => NotificationSettings, { description: 'All the settings after the change.' })
  notificationSettings!: NotificationSettings;
}

@ObjectType({ description: 'The browser `addPushSubscription` registered for Web Push.' })
export class AddPushSubscriptionPayload {
  @Field(() => PushSubscriptionRegistration, { description: 'The registration as stored.' })
  pushSubscription!: PushSubscriptionRegistration;
}

@ObjectType({ description: 'The outcome of `removePushSubscription`.' })
export class RemovePushSubscriptionPayload {
  @Field(() => Boolean, {
    description:
      'True when the browser was registered by the viewer and now gets no push; false otherwise.',
  })
  removed!: boolean;
}

@ObjectType({ description: 'The device `addPushDevice` registered for push through FCM.' })
export class AddPushDevicePayload {
  @Field(() => PushDeviceRegistration, { description: 'The registration as stored.' })
  pushDevice!: PushDeviceRegistration;
}

@ObjectType({ description: 'The outcome of `removePushDevice`.' })
export class RemovePushDevicePayload {
  @Field(() => Boolean, {
    description:
      'True when the device was registered by the viewer and now gets no push; false otherwise.',
  })
  removed!: boolean;
}
