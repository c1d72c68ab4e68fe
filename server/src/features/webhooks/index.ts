export { webhookAttempts, webhookDeliveries, webhookEndpoints } from './webhook.table';
export type { WebhookEndpointRow } from './webhook.table';
export {
  WebhookRepository,
  webhookDeliveryBodyContext,
  webhookResponseSnippetContext,
  webhookSecretContext,
} from './webhook.repository';
export { WebhookService } from './webhook.service';
export { WebhookResolver } from './webhook.resolver';
export { WebhookError } from './webhook.errors';
export { deliverWebhookJob, pruneWebhookDeliveriesJob, queueDueWebhooksJob } from './webhook.jobs';
export { createWebhookSender, type WebhookSender } from './webhook-sender';
export {
  budgetAlertEvent,
  budgetUpdatedEvent,
  notificationEvent,
  transactionEvent,
  type TransactionChangeKind,
  type TransactionFacts,
  type WebhookEvent,
} from './webhook-payloads.rules';
