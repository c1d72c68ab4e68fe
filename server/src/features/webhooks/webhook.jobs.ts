import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

export interface WebhookAttemptRequest {
  deliveryId: string;
  /** The delivery's round: 1, plus one per replay. A job of an earlier round does nothing. */
  round: number;
  /** The attempt's place in its round (1: the first try after an event or a replay). */
  attempt: number;
}

/**
 * One HTTP attempt of a delivery. The service schedules the next attempt itself (with its own
 * back-off measured in minutes to hours, and a record per attempt); the queue's own retries only
 * cover a handler that could not run (database away).
 */
export const deliverWebhookJob: JobSpec<WebhookAttemptRequest> = {
  name: 'webhooks.deliver',
  version: 1,
  queue: 'webhooks',
  payload: z.object({
    deliveryId: z.uuid(),
    round: z.number().int().min(1),
    attempt: z.number().int().min(1),
  }),
  attempts: 3,
};

/**
 * Queues the attempts that are due: retries too far off to wait in the queue (and, after a crash of
 * the embedded runner, whatever it lost) live as `next_attempt_at` in the database until then.
 */
export const queueDueWebhooksJob: JobSpec<{ slot: string }> = {
  name: 'webhooks.queueDue',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string() }),
  attempts: 3,
};

/**
 * Deletes finished deliveries (and their attempts) older than the retention period, so the
 * delivery history does not grow without bound; pending ones are never touched. Safe to run twice.
 */
export const pruneWebhookDeliveriesJob: JobSpec<{ slot: string }> = {
  name: 'webhooks.pruneDeliveries',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string() }),
  attempts: 3,
};
