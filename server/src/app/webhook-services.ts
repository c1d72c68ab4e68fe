import { randomUUID } from 'node:crypto';
import type { NotificationDeliveryService } from '../features/notifications';
import type { TransactionWritten } from '../features/transactions';
import {
  budgetAlertEvent,
  budgetUpdatedEvent,
  createWebhookSender,
  notificationEvent,
  transactionEvent,
  WebhookRepository,
  WebhookService,
  type WebhookEvent,
} from '../features/webhooks';
import type { PubSub } from '../infra/pubsub/pubsub';
import type { ServiceDeps } from './services';

/** The webhook use cases and the hooks that feed them domain events. */
export interface WebhookWiring {
  service: WebhookService;
  /** Hands an event to the webhooks without waiting: a write never waits for, or fails on, them. */
  emit(event: WebhookEvent): void;
  /** The transactions feature's after-commit listener. */
  onTransactionWritten(change: TransactionWritten): Promise<void>;
  /** Sets where "endpoint disabled" notifications go (the delivery exists after the pub/sub). */
  useNotifications(delivery: NotificationDeliveryService): void;
}

export function createWebhookWiring(deps: ServiceDeps): WebhookWiring {
  let notifications: NotificationDeliveryService | null = null;
  const service = new WebhookService({
    repository: new WebhookRepository(deps.database.db, deps.cipher),
    queue: deps.queue,
    clock: deps.clock,
    sender: createWebhookSender({
      allowPrivateTargets: deps.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      timeoutMs: deps.config.WEBHOOKS_TIMEOUT_MS,
    }),
    newId: randomUUID,
    allowPrivateTargets: deps.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
    retryBaseMs: deps.config.WEBHOOKS_RETRY_BASE_MS,
    maxAttempts: deps.config.WEBHOOKS_MAX_ATTEMPTS,
    deliveryRetentionDays: deps.config.WEBHOOKS_DELIVERY_RETENTION_DAYS,
    notifyDisabled: async (endpoint) => {
      await notifications?.raise(
        [
          {
            userId: endpoint.userId,
            type: 'webhook_disabled',
            groupKey: `webhook-disabled-${endpoint.id}-${endpoint.disabledAt?.getTime() ?? 0}`,
            params: { endpointId: endpoint.id, url: endpoint.url },
          },
        ],
        endpoint.disabledAt ?? deps.clock.now(),
      );
    },
  });
  const emit = (event: WebhookEvent) => {
    service.emit(event).catch((err: unknown) => {
      deps.logger?.error({ err, type: event.type }, 'webhook event not queued');
    });
  };
  return {
    service,
    emit,
    onTransactionWritten: async ({ kind, transaction }) =>
      emit(transactionEvent(kind, transaction)),
    useNotifications: (delivery) => {
      notifications = delivery;
    },
  };
}

/**
 * The pub/sub with the domain events webhooks carry copied to them: budget updates, alerts (goal
 * milestones among them) and stored notifications, in whichever process publishes them.
 */
export function withWebhookEvents(pubsub: PubSub, wiring: WebhookWiring): PubSub {
  return {
    publish: async (topic, scope, payload) => {
      await pubsub.publish(topic, scope, payload);
      // Narrowed by topic name: TopicMap is merged from every feature's events file.
      const event = payload as never;
      if (topic === 'budget.updated') wiring.emit(budgetUpdatedEvent(event));
      else if (topic === 'budget.alert') wiring.emit(budgetAlertEvent(event));
      else if (topic === 'notification.added') wiring.emit(notificationEvent(event));
    },
    subscribe: (topic, scope) => pubsub.subscribe(topic, scope),
    close: () => pubsub.close(),
  };
}
