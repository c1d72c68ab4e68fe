import type { Clock } from '../../infra/clock';
import { sendEmailJob } from '../../infra/mail/email.job';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { FcmSender, WebPushSender } from '../../infra/push/push';
import type { JobQueue } from '../../infra/queue/job';
import { deliverNotificationJob, type NotificationRequest } from './notification.jobs';
import type { NotificationRepository } from './notification.repository';
import { dedupWindowMs, quietDelayMs } from './notification.rules';
import { notificationText } from './notification-words';
import type { NotificationDraft } from './notification-sources.rules';
import type {
  NotificationChannel,
  NotificationRow,
  NotificationSettingsRow,
} from './notification.table';
import type { NotificationAddedEvent } from './notification.events';

/** Who a notification goes to, outside the app. */
export interface Recipient {
  email: string;
  timeZone: string;
  /** The person's locale as stored ("de-CH"): push and e-mail are worded in its language. */
  locale: string;
}

export interface NotificationDeliveryDeps {
  repository: NotificationRepository;
  pubsub: PubSub;
  queue: JobQueue;
  push: WebPushSender;
  /** FCM for the mobile app's devices; absent or unconfigured: browsers only. */
  fcm?: FcmSender;
  clock: Clock;
  newId: () => string;
  recipientOf: (userId: string) => Promise<Recipient | null>;
  /** Defaults for a person who never changed the settings. */
  defaults: (userId: string, now: Date) => NotificationSettingsRow;
  onPushFailed?: (error: unknown, endpoint: string) => void;
}

/**
 * Raising and delivering notifications: sources queue a request; the job stores it in-app once per
 * group window (unless its type is off), tells the open apps, then sends push and e-mail, after the
 * quiet hours when they hold.
 */
export class NotificationDeliveryService {
  constructor(private readonly deps: NotificationDeliveryDeps) {}

  /** Queues one notification per draft (the sources' entry point: never blocks a write). */
  async raise(drafts: readonly NotificationDraft[], occurredAt = this.deps.clock.now()) {
    for (const draft of drafts) {
      const notificationId = this.deps.newId();
      await this.deps.queue.enqueue(
        deliverNotificationJob,
        { ...draft, notificationId, occurredAt: occurredAt.toISOString() },
        { jobId: `notify-${notificationId}` },
      );
    }
  }

  /** The job: safe to run twice (the row is keyed by the request's id, e-mail by its job id). */
  async deliver(request: NotificationRequest): Promise<void> {
    const { repository } = this.deps;
    const settings = await this.settingsOf(request.userId);
    let row = await repository.findByIdOfAnyone(request.notificationId);
    if (!row) {
      if (settings.disabledTypes.includes(request.type)) return;
      row = await this.store(request);
      if (!row) return;
      await this.deps.pubsub.publish('notification.added', row.userId, row);
    }
    const wanted = channelsOf(settings).filter(
      (c) => !request.pendingChannels || request.pendingChannels.includes(c),
    );
    if (wanted.length === 0 || settings.disabledTypes.includes(row.type)) return;
    const recipient = await this.deps.recipientOf(row.userId);
    if (!recipient) return;
    const now = this.deps.clock.now();
    const delayMs = quietDelayMs(now, recipient.timeZone, quietOf(settings));
    if (delayMs > 0) {
      const until = now.getTime() + delayMs;
      await this.deps.queue.enqueue(
        deliverNotificationJob,
        { ...request, pendingChannels: wanted },
        { jobId: `notify-${row.id}-after-${until}`, delayMs },
      );
      return;
    }
    await this.send(row, wanted, recipient);
  }

  subscribe(userId: string): AsyncIterableIterator<NotificationAddedEvent> {
    return this.deps.pubsub.subscribe('notification.added', userId);
  }

  async settingsOf(userId: string): Promise<NotificationSettingsRow> {
    return (
      (await this.deps.repository.findSettings(userId)) ??
      this.deps.defaults(userId, this.deps.clock.now())
    );
  }

  /** Claims the group key and stores the row in one transaction; null when deduplicated. */
  private store(request: NotificationRequest): Promise<NotificationRow | null> {
    const occurredAt = new Date(request.occurredAt);
    return this.deps.repository.transaction(async (repository) => {
      const claimed = await repository.claimGroup(
        request.userId,
        request.groupKey,
        occurredAt,
        dedupWindowMs(request.type),
      );
      if (!claimed) return null;
      const row: NotificationRow = {
        id: request.notificationId,
        userId: request.userId,
        type: request.type,
        groupKey: request.groupKey,
        params: request.params,
        createdAt: this.deps.clock.now(),
        readAt: null,
      };
      await repository.insert(row);
      return row;
    });
  }

  private async send(
    row: NotificationRow,
    channels: readonly NotificationChannel[],
    recipient: Recipient,
  ): Promise<void> {
    const text = notificationText(row.type, row.params, recipient.locale);
    if (channels.includes('email')) {
      await this.deps.queue.enqueue(
        sendEmailJob,
        {
          to: recipient.email,
          subject: text.title,
          text: text.body,
          kind: 'notifications',
          userId: row.userId,
          locale: recipient.locale,
        },
        { jobId: `notify-email-${row.id}` },
      );
    }
    if (channels.includes('push')) await this.push(row, text);
  }

  /**
   * Pushes to every browser and every app device of the person; a gone one is forgotten, a
   * failure retries the job.
   */
  private async push(row: NotificationRow, text: { title: string; body: string }): Promise<void> {
    const failures = (await this.pushToBrowsers(row, text)) + (await this.pushToDevices(row, text));
    // The queue retries the job with backoff (each failure was reported with its target).
    if (failures > 0) throw new Error(`push failed for ${failures} subscription(s)`);
  }

  private async pushToDevices(
    row: NotificationRow,
    text: { title: string; body: string },
  ): Promise<number> {
    const { repository, fcm } = this.deps;
    if (!fcm?.isConfigured) return 0;
    let failures = 0;
    for (const device of await repository.listPushDevices(row.userId)) {
      try {
        const outcome = await fcm.send(device.token, {
          ...text,
          data: { id: row.id, type: row.type, url: '/notifications/' },
        });
        if (outcome === 'gone') await repository.deletePushDevice(row.userId, device.token);
      } catch (error) {
        this.deps.onPushFailed?.(error, `fcm:${device.platform}`);
        failures += 1;
      }
    }
    return failures;
  }

  private async pushToBrowsers(
    row: NotificationRow,
    text: { title: string; body: string },
  ): Promise<number> {
    const { repository, push } = this.deps;
    if (!push.publicKey) return 0;
    const payload = JSON.stringify({
      id: row.id,
      type: row.type,
      title: text.title,
      body: text.body,
      url: '/notifications/',
    });
    let failures = 0;
    for (const target of await repository.listPushSubscriptions(row.userId)) {
      try {
        const outcome = await push.send(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          payload,
        );
        if (outcome === 'gone')
          await repository.deletePushSubscription(row.userId, target.endpoint);
      } catch (error) {
        this.deps.onPushFailed?.(error, target.endpoint);
        failures += 1;
      }
    }
    return failures;
  }
}

function channelsOf(settings: NotificationSettingsRow): NotificationChannel[] {
  return [
    ...(settings.pushEnabled ? (['push'] as const) : []),
    ...(settings.emailEnabled ? (['email'] as const) : []),
  ];
}

function quietOf(settings: NotificationSettingsRow) {
  return settings.quietStartMinute === null || settings.quietEndMinute === null
    ? null
    : { startMinute: settings.quietStartMinute, endMinute: settings.quietEndMinute };
}
