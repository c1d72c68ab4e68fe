import {
  Arg,
  Args,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, mapConnection, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { subscriberIdOf, viewerIdOf } from '../../graphql/viewer';
import type { NotificationAddedEvent } from './notification.events';
import {
  RegisterPushDeviceInput,
  RegisterPushSubscriptionInput,
  UpdateNotificationSettingsInput,
} from './notification.input';
import type { NotificationService } from './notification.service';
import {
  AddPushDevicePayload,
  AddPushSubscriptionPayload,
  MarkAllNotificationsAsReadPayload,
  MarkNotificationAsReadPayload,
  RemovePushDevicePayload,
  RemovePushSubscriptionPayload,
  SaveNotificationSettingsPayload,
} from './notification-payloads.type';
import {
  Notification,
  NotificationConnection,
  NotificationListConnection,
  NotificationSettings,
  PushDeviceRegistration,
  PushSubscriptionRegistration,
  toNotification,
  toNotificationConnection,
  toNotificationSettings,
  toPushDeviceRegistration,
  toPushSubscriptionRegistration,
} from './notification.type';

/** The notification centre: read with read:profile, changed with write:profile. */
@Resolver()
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @RequireScopes('read:profile')
  @Query(() => NotificationListConnection, {
    description:
      'The viewer’s notifications, newest first (by time, then id), forward with `first`/`after` or backward with `last`/`before`. The unread count is `unreadNotificationCount`.',
  })
  async notificationsConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Notification>> {
    return mapConnection(await this.service.connection(viewerIdOf(ctx), page), toNotification);
  }

  @RequireScopes('read:profile')
  @Query(() => NotificationConnection, {
    description: 'The viewer’s notifications, newest first, with the unread count.',
    deprecationReason: 'Use notificationsConnection. Removal after 2027-06-30.',
  })
  async notifications(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1–100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last notification already read.',
    })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NotificationConnection> {
    const userId = viewerIdOf(ctx);
    const [page, unread] = await Promise.all([
      this.service.list(userId, { first, after }),
      this.service.unreadCount(userId),
    ]);
    return toNotificationConnection(page, unread);
  }

  @RequireScopes('read:profile')
  @Query(() => Int, { description: 'How many of the viewer’s notifications are unread.' })
  async unreadNotificationCount(@Ctx() ctx: GraphQLContext): Promise<number> {
    return this.service.unreadCount(viewerIdOf(ctx));
  }

  @RequireScopes('write:profile')
  @Mutation(() => Notification, {
    description: 'Marks a notification read (again: no change).',
    deprecationReason: 'Use markNotificationAsRead. Removal after 2027-06-30.',
  })
  async markNotificationRead(
    @Arg('id', () => ID, { description: 'The notification.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Notification> {
    return toNotification(await this.service.markRead(viewerIdOf(ctx), id));
  }

  @RequireScopes('write:profile')
  @Mutation(() => Int, {
    description: 'Marks every unread notification read; returns how many were unread.',
    deprecationReason: 'Use markAllNotificationsAsRead. Removal after 2027-06-30.',
  })
  async markAllNotificationsRead(@Ctx() ctx: GraphQLContext): Promise<number> {
    return this.service.markAllRead(viewerIdOf(ctx));
  }

  @RequireScopes('read:profile')
  @Query(() => NotificationSettings, {
    description: 'Which notifications the viewer gets, how, and their quiet hours.',
  })
  async notificationSettings(@Ctx() ctx: GraphQLContext): Promise<NotificationSettings> {
    return toNotificationSettings(await this.service.settings(viewerIdOf(ctx)));
  }

  @RequireScopes('write:profile')
  @Mutation(() => NotificationSettings, {
    description: 'Changes notification types, channels and quiet hours.',
    deprecationReason: 'Use saveNotificationSettings. Removal after 2027-06-30.',
  })
  async updateNotificationSettings(
    @Arg('input', () => UpdateNotificationSettingsInput, { description: 'The changes.' })
    input: UpdateNotificationSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NotificationSettings> {
    return toNotificationSettings(await this.service.updateSettings(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:profile')
  @Mutation(() => PushSubscriptionRegistration, {
    description: 'Registers this browser for Web Push; registering it again updates its keys.',
    deprecationReason: 'Use addPushSubscription. Removal after 2027-06-30.',
  })
  async registerPushSubscription(
    @Arg('input', () => RegisterPushSubscriptionInput, { description: 'The subscription.' })
    input: RegisterPushSubscriptionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PushSubscriptionRegistration> {
    return toPushSubscriptionRegistration(
      await this.service.registerPush(viewerIdOf(ctx), {
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
      }),
    );
  }

  @RequireScopes('write:profile')
  @Mutation(() => PushDeviceRegistration, {
    description:
      'Registers the Pace mobile app on this device for push through FCM; registering the same token again moves it to the viewer.',
    deprecationReason: 'Use addPushDevice. Removal after 2027-06-30.',
  })
  async registerPushDevice(
    @Arg('input', () => RegisterPushDeviceInput, { description: 'The device’s FCM token.' })
    input: RegisterPushDeviceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PushDeviceRegistration> {
    return toPushDeviceRegistration(
      await this.service.registerDevice(viewerIdOf(ctx), {
        token: input.token,
        platform: input.platform,
      }),
    );
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description:
      'Stops push to a device of the app; false when it was not registered by the viewer.',
    deprecationReason: 'Use removePushDevice. Removal after 2027-06-30.',
  })
  async unregisterPushDevice(
    @Arg('token', () => String, { description: 'The device’s FCM registration token.' })
    token: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.service.unregisterDevice(viewerIdOf(ctx), token);
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description: 'Stops Web Push to a browser; false when it was not registered by the viewer.',
    deprecationReason: 'Use removePushSubscription. Removal after 2027-06-30.',
  })
  async unregisterPushSubscription(
    @Arg('endpoint', () => String, { description: 'The subscription’s endpoint.' })
    endpoint: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.service.unregisterPush(viewerIdOf(ctx), endpoint);
  }

  @RequireScopes('write:profile')
  @Mutation(() => MarkNotificationAsReadPayload, {
    description: 'Marks a notification read (again: no change).',
  })
  async markNotificationAsRead(
    @Arg('id', () => ID, { description: 'The notification.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MarkNotificationAsReadPayload> {
    const notification = await this.markNotificationRead(id, ctx);
    return Object.assign(new MarkNotificationAsReadPayload(), { notification });
  }

  @RequireScopes('write:profile')
  @Mutation(() => MarkAllNotificationsAsReadPayload, {
    description: 'Marks every unread notification read; `markedCount` says how many were unread.',
  })
  async markAllNotificationsAsRead(
    @Ctx() ctx: GraphQLContext,
  ): Promise<MarkAllNotificationsAsReadPayload> {
    const markedCount = await this.markAllNotificationsRead(ctx);
    return Object.assign(new MarkAllNotificationsAsReadPayload(), { markedCount });
  }

  @RequireScopes('write:profile')
  @Mutation(() => SaveNotificationSettingsPayload, {
    description: 'Changes notification types, channels and quiet hours.',
  })
  async saveNotificationSettings(
    @Arg('input', () => UpdateNotificationSettingsInput, { description: 'The changes.' })
    input: UpdateNotificationSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SaveNotificationSettingsPayload> {
    const notificationSettings = await this.updateNotificationSettings(input, ctx);
    return Object.assign(new SaveNotificationSettingsPayload(), { notificationSettings });
  }

  @RequireScopes('write:profile')
  @Mutation(() => AddPushSubscriptionPayload, {
    description: 'Registers this browser for Web Push; registering it again updates its keys.',
  })
  async addPushSubscription(
    @Arg('input', () => RegisterPushSubscriptionInput, { description: 'The subscription.' })
    input: RegisterPushSubscriptionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AddPushSubscriptionPayload> {
    const pushSubscription = await this.registerPushSubscription(input, ctx);
    return Object.assign(new AddPushSubscriptionPayload(), { pushSubscription });
  }

  @RequireScopes('write:profile')
  @Mutation(() => RemovePushSubscriptionPayload, {
    description:
      'Stops Web Push to a browser; `removed` is false when it was not registered by the viewer.',
  })
  async removePushSubscription(
    @Arg('endpoint', () => String, { description: 'The subscription’s endpoint.' })
    endpoint: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RemovePushSubscriptionPayload> {
    const removed = await this.unregisterPushSubscription(endpoint, ctx);
    return Object.assign(new RemovePushSubscriptionPayload(), { removed });
  }

  @RequireScopes('write:profile')
  @Mutation(() => AddPushDevicePayload, {
    description:
      'Registers the Pace mobile app on this device for push through FCM; registering the same token again moves it to the viewer.',
  })
  async addPushDevice(
    @Arg('input', () => RegisterPushDeviceInput, { description: 'The device’s FCM token.' })
    input: RegisterPushDeviceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AddPushDevicePayload> {
    const pushDevice = await this.registerPushDevice(input, ctx);
    return Object.assign(new AddPushDevicePayload(), { pushDevice });
  }

  @RequireScopes('write:profile')
  @Mutation(() => RemovePushDevicePayload, {
    description:
      'Stops push to a device of the app; `removed` is false when it was not registered by the viewer.',
  })
  async removePushDevice(
    @Arg('token', () => String, { description: 'The device’s FCM registration token.' })
    token: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RemovePushDevicePayload> {
    const removed = await this.unregisterPushDevice(token, ctx);
    return Object.assign(new RemovePushDevicePayload(), { removed });
  }

  @RequireScopes('read:profile')
  @Subscription(() => Notification, {
    description: 'Each notification made for the viewer, as it is stored, from whichever node.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.notifications.delivery.subscribe(subscriberIdOf(ctx, ['read:profile']));
    },
  })
  notificationAdded(@Root() event: NotificationAddedEvent): Notification {
    // Through Redis the instants arrive as strings.
    return toNotification({
      ...event,
      createdAt: new Date(event.createdAt),
      readAt: event.readAt === null ? null : new Date(event.readAt),
    });
  }
}
