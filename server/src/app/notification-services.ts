import { randomUUID } from 'node:crypto';
import { createFcmSender, readServiceAccount } from '../infra/push/fcm';
import {
  createWebPushSender,
  disabledWebPush,
  unconfiguredFcm,
  type FcmSender,
} from '../infra/push/push';
import type { AdviceService } from '../features/advice';
import { BudgetRepository, type BudgetMonthService } from '../features/budget';
import { UserRepository } from '../features/accounts';
import { RecurringRepository, schedulesDueOn } from '../features/recurring';
import {
  NotificationDeliveryService,
  NotificationRepository,
  NotificationScheduleService,
  NotificationService,
  draftOfAlert,
  type AlertFacts,
  type DailyMonthFacts,
} from '../features/notifications';
import type { ServiceDeps } from './services';

export interface NotificationServices {
  inbox: NotificationService;
  delivery: NotificationDeliveryService;
  schedule: NotificationScheduleService;
}

function readsOf(deps: ServiceDeps) {
  return {
    budget: new BudgetRepository(deps.database.db),
    users: new UserRepository(deps.database.db),
  };
}

/** The person's time zone: the budget's, or the profile's before onboarding. */
async function zoneOf(
  userId: string,
  reads: { budget: BudgetRepository; users: UserRepository },
): Promise<string | null> {
  return (
    (await reads.budget.findSettings(userId))?.timeZone ??
    (await reads.users.findById(userId))?.timeZone ??
    null
  );
}

/** Delivery first: the budget's alerts hand their events to it. */
export function createNotificationDelivery(deps: ServiceDeps): NotificationDeliveryService {
  const { config } = deps;
  const reads = readsOf(deps);
  const push =
    config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY
      ? createWebPushSender({
          publicKey: config.VAPID_PUBLIC_KEY,
          privateKey: config.VAPID_PRIVATE_KEY,
          subject: config.VAPID_SUBJECT,
        })
      : disabledWebPush;
  return new NotificationDeliveryService({
    repository: new NotificationRepository(deps.database.db, deps.cipher),
    pubsub: deps.pubsub,
    queue: deps.queue,
    push,
    fcm: fcmOf(deps),
    clock: deps.clock,
    newId: randomUUID,
    recipientOf: async (userId) => {
      const user = await reads.users.findById(userId);
      if (!user) return null;
      return {
        email: user.email,
        timeZone: (await zoneOf(userId, reads)) ?? user.timeZone,
        locale: user.locale,
      };
    },
    defaults: (userId, now) => ({
      userId,
      disabledTypes: [],
      pushEnabled: true,
      emailEnabled: false,
      quietStartMinute: null,
      quietEndMinute: null,
      updatedAt: now,
    }),
    onPushFailed: (err, endpoint) =>
      deps.logger?.warn({ err, pushHost: hostOf(endpoint) }, 'push failed: job will retry'),
  });
}

/** The longest a write waits for its alerts' notifications to be queued. */
const QUEUE_WAIT_MS = 1_000;

/** What the budget's alert service calls after commit: one queued notification per alert. */
export function alertsToNotifications(deps: ServiceDeps, delivery: NotificationDeliveryService) {
  return async (events: readonly AlertFacts[]): Promise<void> => {
    try {
      // Never hold the write for the queue: with Redis away an enqueue may wait for it to return.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the queue did not take it in time')),
          QUEUE_WAIT_MS,
        );
      });
      const raised = delivery.raise(events.map(draftOfAlert));
      raised.catch(() => undefined);
      await Promise.race([raised, late]).finally(() => clearTimeout(timer));
    } catch (err) {
      // The write is committed and its live alert sent; a lost notification is logged, not thrown.
      deps.logger?.error({ err }, 'notifications for alerts not queued');
    }
  };
}

export function createNotificationServices(
  deps: ServiceDeps,
  parts: {
    delivery: NotificationDeliveryService;
    months: BudgetMonthService;
    advice: AdviceService;
  },
): NotificationServices {
  const repository = new NotificationRepository(deps.database.db, deps.cipher);
  const reads = readsOf(deps);
  return {
    delivery: parts.delivery,
    inbox: new NotificationService({
      repository,
      delivery: parts.delivery,
      clock: deps.clock,
      newId: randomUUID,
      pushPublicKey:
        deps.config.VAPID_PUBLIC_KEY && deps.config.VAPID_PRIVATE_KEY
          ? deps.config.VAPID_PUBLIC_KEY
          : null,
      timeZoneOf: async (userId) => (await zoneOf(userId, reads)) ?? 'UTC',
      allowLocalPushEndpoints: deps.config.NODE_ENV !== 'production',
      devicePushConfigured: fcmOf(deps).isConfigured,
    }),
    schedule: new NotificationScheduleService({
      repository,
      delivery: parts.delivery,
      clock: deps.clock,
      listUserIds: () => reads.budget.listUserIds(),
      timeZoneOf: async (userId) => (await reads.budget.findSettings(userId))?.timeZone ?? null,
      currentMonth: async (userId): Promise<DailyMonthFacts | null> =>
        (await parts.months.readCurrentMonth(userId)).snapshot,
      adviceOf: async (userId) => (await parts.advice.today(userId)).advice.summary,
      onSkipped: (userId, err) =>
        deps.logger?.warn({ err, userId }, 'daily notifications skipped a person'),
      billsDueOn: async (userId, date) =>
        schedulesDueOn(
          await new RecurringRepository(deps.database.db).listOfUser(userId),
          date,
        ).map((row) => ({
          recurringId: row.id,
          name: row.description || row.categoryId,
          categoryId: row.categoryId,
          amountMinor: row.amountMinor,
          currency: row.currency,
        })),
    }),
  };
}

const fcmSenders = new WeakMap<ServiceDeps, FcmSender>();

/** One FCM sender per process's services: handed in (tests), from the key file, or off. */
function fcmOf(deps: ServiceDeps): FcmSender {
  let sender = deps.fcm ?? fcmSenders.get(deps);
  if (!sender) {
    const file = deps.config.FIREBASE_SERVICE_ACCOUNT_FILE;
    sender = file ? createFcmSender({ serviceAccount: readServiceAccount(file) }) : unconfiguredFcm;
    fcmSenders.set(deps, sender);
  }
  return sender;
}

function hostOf(endpoint: string): string {
  if (endpoint.startsWith('fcm:')) return endpoint;
  try {
    return new URL(endpoint).host;
  } catch {
    return 'invalid';
  }
}
