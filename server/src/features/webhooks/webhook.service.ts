import { cursorInstant, isCursorId } from '../../graphql/cursor';
import {
  connectionFromKeyset,
  mapConnection,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import { isUuid } from '../../graphql/ids';
import type { Clock } from '../../infra/clock';
import type { JobQueue } from '../../infra/queue/job';
import { WebhookError } from './webhook.errors';
import { deliverWebhookJob, type WebhookAttemptRequest } from './webhook.jobs';
import {
  isFailingTooLong,
  retryDelayMs,
  type WebhookData,
  type WebhookEvent,
} from './webhook-payloads.rules';
import type { WebhookRepository } from './webhook.repository';
import { TargetForbiddenError, type WebhookSender } from './webhook-sender';
import { SIGNATURE_HEADER, newWebhookSecret, signatureHeader } from './webhook-signature';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookDeliveryType,
  type WebhookEndpointRow,
  type WebhookEventType,
} from './webhook.table';
import { urlProblem } from './webhook-target.rules';

export const MAX_ENDPOINTS = 10;
const DESCRIPTION_MAX = 200;
/** Retries sooner than this wait in the queue; later ones wait in the database for the sweep. */
const QUEUED_RETRY_MAX_MS = 30_000;
/** Due deliveries queued per sweep (the rest at the next one). */
const SWEEP_BATCH = 500;

export interface WebhookServiceDeps {
  repository: WebhookRepository;
  queue: JobQueue;
  clock: Clock;
  sender: WebhookSender;
  newId: () => string;
  /** Allows http:// URLs and private targets (tests and local development only). */
  allowPrivateTargets: boolean;
  /** The wait before the first retry; each next one waits four times longer (at most 12 h). */
  retryBaseMs: number;
  /** Attempts of one round (the first try and its retries) before a delivery counts as failed. */
  maxAttempts: number;
  /** Days a finished delivery is kept before pruneDeliveries deletes it with its attempts. */
  deliveryRetentionDays: number;
  /** Tells the owner an endpoint was switched off (an in-app notification). */
  notifyDisabled: (endpoint: WebhookEndpointRow) => Promise<void>;
}

export interface EndpointFields {
  url?: string | null;
  eventTypes?: readonly WebhookEventType[] | null;
  description?: string | null;
}

/** An endpoint with its secret, which only creation and rotation ever return. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpointRow;
  secret: string;
}

export interface DeliveryWithAttempts {
  delivery: WebhookDeliveryRow;
  attempts: WebhookAttemptRow[];
}

/**
 * Webhooks: endpoints an integrator registers, events fanned out to them as deliveries, and the
 * attempts the queue makes, signed, retried with back-off, recorded, and replayable.
 */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  listEndpoints(userId: string): Promise<WebhookEndpointRow[]> {
    return this.deps.repository.listEndpoints(userId);
  }

  async getEndpoint(userId: string, id: string): Promise<WebhookEndpointRow> {
    const row = isUuid(id) ? await this.deps.repository.findEndpoint(userId, id) : null;
    if (!row) throw new WebhookError('WEBHOOK_ENDPOINT_NOT_FOUND');
    return row;
  }

  async create(
    userId: string,
    input: { url: string; eventTypes: readonly WebhookEventType[]; description?: string | null },
  ): Promise<EndpointWithSecret> {
    const eventTypes = checkedEventTypes(input.eventTypes);
    const description = checkedDescription(input.description);
    const url = await this.checkedUrl(input.url);
    if ((await this.deps.repository.countEndpoints(userId)) >= MAX_ENDPOINTS)
      throw new WebhookError('WEBHOOK_ENDPOINT_LIMIT', { max: MAX_ENDPOINTS });
    const now = this.deps.clock.now();
    const secret = newWebhookSecret();
    const endpoint: WebhookEndpointRow = {
      id: this.deps.newId(),
      userId,
      url,
      description,
      eventTypes,
      secret,
      enabled: true,
      failingSince: null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.repository.insertEndpoint(endpoint);
    return { endpoint, secret };
  }

  /** Changes what is given; `enabled: true` switches a disabled endpoint back on. */
  async update(
    userId: string,
    id: string,
    input: EndpointFields & { enabled?: boolean | null },
  ): Promise<WebhookEndpointRow> {
    await this.getEndpoint(userId, id);
    const changes: Partial<WebhookEndpointRow> = { updatedAt: this.deps.clock.now() };
    if (input.url != null) changes.url = await this.checkedUrl(input.url);
    if (input.eventTypes != null) changes.eventTypes = checkedEventTypes(input.eventTypes);
    if (input.description !== undefined)
      changes.description = checkedDescription(input.description);
    if (input.enabled != null) {
      changes.enabled = input.enabled;
      changes.disabledAt = input.enabled ? null : (changes.updatedAt ?? null);
      if (input.enabled) changes.failingSince = null;
    }
    const row = await this.deps.repository.updateEndpoint(userId, id, changes);
    if (!row) throw new WebhookError('WEBHOOK_ENDPOINT_NOT_FOUND');
    return row;
  }

  /** Deletes the endpoint with its deliveries; returns it as it was. */
  async delete(userId: string, id: string): Promise<WebhookEndpointRow> {
    const row = await this.getEndpoint(userId, id);
    if (!(await this.deps.repository.deleteEndpoint(userId, id)))
      throw new WebhookError('WEBHOOK_ENDPOINT_NOT_FOUND');
    return row;
  }

  /** A new secret at once: deliveries from now on are signed with it, the old one stops working. */
  async rotateSecret(userId: string, id: string): Promise<EndpointWithSecret> {
    await this.getEndpoint(userId, id);
    const secret = newWebhookSecret();
    const endpoint = await this.deps.repository.updateEndpoint(userId, id, {
      secret,
      updatedAt: this.deps.clock.now(),
    });
    if (!endpoint) throw new WebhookError('WEBHOOK_ENDPOINT_NOT_FOUND');
    return { endpoint, secret };
  }

  /** A Relay page of an endpoint's deliveries, newest first (by creation, then id). */
  async listDeliveries(
    userId: string,
    endpointId: string,
    args: ConnectionArgs,
  ): Promise<Connection<DeliveryWithAttempts>> {
    await this.getEndpoint(userId, endpointId);
    const position = (key: SortKey | null) => (key ? deliveryPositionOf(key) : null);
    const page = await connectionFromKeyset(
      args,
      {
        key: (row: WebhookDeliveryRow) => [row.createdAt.toISOString(), row.id],
        keyLength: 2,
        isKey: (key) => deliveryPositionOf(key) !== null,
      },
      (window) =>
        this.deps.repository.listDeliveries({
          userId,
          endpointId,
          limit: window.limit,
          after: position(window.after),
          before: position(window.before),
          backward: window.backward,
        }),
    );
    const attempts = await this.deps.repository.listAttempts(page.nodes.map((row) => row.id));
    return mapConnection(page, (delivery) => ({
      delivery,
      attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
    }));
  }

  /** The retention clean-up: deletes deliveries finished longer ago than the retention period. */
  pruneDeliveries(): Promise<number> {
    const cutoff = new Date(
      this.deps.clock.now().getTime() - this.deps.deliveryRetentionDays * 86_400_000,
    );
    return this.deps.repository.deleteCompletedBefore(cutoff);
  }

  async getDelivery(userId: string, id: string): Promise<DeliveryWithAttempts> {
    const delivery = isUuid(id) ? await this.deps.repository.findDelivery(userId, id) : null;
    if (!delivery) throw new WebhookError('WEBHOOK_DELIVERY_NOT_FOUND');
    return { delivery, attempts: await this.deps.repository.listAttempts([id]) };
  }

  /** Sends a delivery again with the same body (and event id) as a new round of attempts. */
  async replay(userId: string, id: string): Promise<DeliveryWithAttempts> {
    const { delivery } = await this.getDelivery(userId, id);
    const updated = await this.deps.repository.updateDelivery(delivery.id, {
      status: 'pending',
      round: delivery.round + 1,
      attemptCount: 0,
      completedAt: null,
      nextAttemptAt: this.deps.clock.now(),
    });
    if (!updated) throw new WebhookError('WEBHOOK_DELIVERY_NOT_FOUND');
    await this.schedule({ deliveryId: id, round: updated.round, attempt: 1 }, 0);
    return this.getDelivery(userId, id);
  }

  /** A `webhook.test` delivery to the endpoint, sent even when it is disabled. */
  async sendTest(userId: string, endpointId: string): Promise<DeliveryWithAttempts> {
    const endpoint = await this.getEndpoint(userId, endpointId);
    const [delivery] = await this.fanOut(
      { userId, type: 'webhook.test', data: { message: 'A test event from Pace.' } },
      [endpoint],
    );
    if (!delivery) throw new WebhookError('WEBHOOK_ENDPOINT_NOT_FOUND');
    return { delivery, attempts: [] };
  }

  /** A domain event: one delivery per enabled endpoint of the person subscribed to its type. */
  async emit(event: WebhookEvent): Promise<void> {
    const endpoints = await this.deps.repository.listSubscribed(event.userId, event.type);
    if (endpoints.length > 0) await this.fanOut(event, endpoints);
  }

  /** The sweep: queues every pending delivery whose next attempt is due. */
  async queueDue(): Promise<number> {
    const due = await this.deps.repository.listDue(this.deps.clock.now(), SWEEP_BATCH);
    for (const row of due)
      await this.schedule(
        { deliveryId: row.id, round: row.round, attempt: row.attemptCount + 1 },
        0,
      );
    return due.length;
  }

  /** The job: one HTTP attempt, recorded; schedules the next one or gives up. Safe to run twice. */
  async attempt(request: WebhookAttemptRequest): Promise<void> {
    const { repository, clock } = this.deps;
    const delivery = await repository.findDeliveryOfAnyone(request.deliveryId);
    if (
      !delivery ||
      delivery.status !== 'pending' ||
      delivery.round !== request.round ||
      delivery.attemptCount >= request.attempt
    )
      return;
    const endpoint = await repository.findEndpointOfAnyone(delivery.endpointId);
    const isTest = delivery.eventType === 'webhook.test';
    if (!endpoint || (!endpoint.enabled && !isTest)) {
      await repository.updateDelivery(delivery.id, {
        status: 'failed',
        nextAttemptAt: null,
        completedAt: clock.now(),
      });
      return;
    }
    const startedAt = clock.now();
    const timestampS = Math.floor(startedAt.getTime() / 1000);
    const outcome = await this.deps.sender.send({
      url: endpoint.url,
      body: delivery.body,
      headers: {
        [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, timestampS, delivery.body),
        'Pace-Event-Id': delivery.eventId,
        'Pace-Event-Type': delivery.eventType,
        'Pace-Delivery-Id': delivery.id,
        'user-agent': 'Pace-Webhooks/1',
      },
    });
    const succeeded =
      outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    await repository.insertAttempt({
      id: this.deps.newId(),
      userId: delivery.userId,
      deliveryId: delivery.id,
      number: (await repository.countAttempts(delivery.id)) + 1,
      startedAt,
      durationMs: outcome.durationMs,
      statusCode: outcome.statusCode,
      responseSnippet: outcome.responseSnippet,
      error: outcome.error,
      succeeded,
    });
    const now = clock.now();
    const base = { attemptCount: request.attempt, lastStatusCode: outcome.statusCode };
    if (succeeded) {
      await repository.updateDelivery(delivery.id, {
        ...base,
        status: 'succeeded',
        nextAttemptAt: null,
        completedAt: now,
      });
      if (!isTest) await repository.markHealthy(endpoint.id);
      return;
    }
    if (!isTest && (await this.disableIfFailingTooLong(endpoint.id, startedAt, now))) {
      await repository.updateDelivery(delivery.id, {
        ...base,
        status: 'failed',
        nextAttemptAt: null,
        completedAt: now,
      });
      return;
    }
    if (request.attempt >= this.deps.maxAttempts) {
      await repository.updateDelivery(delivery.id, {
        ...base,
        status: 'failed',
        nextAttemptAt: null,
        completedAt: now,
      });
      return;
    }
    const delayMs = retryDelayMs(request.attempt, this.deps.retryBaseMs);
    await repository.updateDelivery(delivery.id, {
      ...base,
      nextAttemptAt: new Date(now.getTime() + delayMs),
    });
    if (delayMs <= QUEUED_RETRY_MAX_MS)
      await this.schedule(
        { deliveryId: delivery.id, round: request.round, attempt: request.attempt + 1 },
        delayMs,
      );
  }

  /** Marks the endpoint failing; switches it off (once) after three days of failures. */
  private async disableIfFailingTooLong(
    endpointId: string,
    failedAt: Date,
    now: Date,
  ): Promise<boolean> {
    const endpoint = await this.deps.repository.markFailing(endpointId, failedAt);
    if (!endpoint || !isFailingTooLong(endpoint.failingSince, now)) return false;
    if (await this.deps.repository.disable(endpointId, now))
      await this.deps.notifyDisabled({ ...endpoint, enabled: false, disabledAt: now });
    return true;
  }

  private async fanOut(
    event: { userId: string; type: WebhookDeliveryType; data: WebhookData },
    endpoints: readonly WebhookEndpointRow[],
  ): Promise<WebhookDeliveryRow[]> {
    const now = this.deps.clock.now();
    const eventId = this.deps.newId();
    const body = JSON.stringify({
      id: eventId,
      type: event.type,
      createdAt: now.toISOString(),
      data: event.data,
    });
    const rows: WebhookDeliveryRow[] = endpoints.map((endpoint) => ({
      id: this.deps.newId(),
      userId: event.userId,
      endpointId: endpoint.id,
      eventId,
      eventType: event.type,
      body,
      status: 'pending',
      attemptCount: 0,
      round: 1,
      nextAttemptAt: now,
      lastStatusCode: null,
      createdAt: now,
      completedAt: null,
    }));
    await this.deps.repository.insertDeliveries(rows);
    for (const row of rows) await this.schedule({ deliveryId: row.id, round: 1, attempt: 1 }, 0);
    return rows;
  }

  private async schedule(request: WebhookAttemptRequest, delayMs: number): Promise<void> {
    await this.deps.queue.enqueue(deliverWebhookJob, request, {
      jobId: `webhook-${request.deliveryId}-r${request.round}-a${request.attempt}`,
      ...(delayMs > 0 ? { delayMs } : {}),
    });
  }

  private async checkedUrl(raw: string): Promise<string> {
    const url = raw.trim();
    const problem = urlProblem(url, { allowHttp: this.deps.allowPrivateTargets });
    if (problem) throw new WebhookError('WEBHOOK_URL_INVALID', { message: problem });
    try {
      await this.deps.sender.checkTarget(url);
    } catch (error) {
      if (error instanceof TargetForbiddenError) throw new WebhookError('WEBHOOK_TARGET_FORBIDDEN');
      throw error;
    }
    return url;
  }
}

function checkedEventTypes(types: readonly WebhookEventType[]): WebhookEventType[] {
  const unique = WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
  if (unique.length === 0)
    throw new WebhookError('WEBHOOK_EVENT_TYPES_INVALID', {
      message: 'Choose at least one event type.',
    });
  return unique;
}

function checkedDescription(description: string | null | undefined): string | null {
  const text = description?.trim() ?? '';
  if (text.length > DESCRIPTION_MAX) throw new WebhookError('WEBHOOK_DESCRIPTION_INVALID');
  return text === '' ? null : text;
}

/** A cursor key (instant, id) as a delivery's position, or null unless a stored row could have it. */
function deliveryPositionOf(key: SortKey): { createdAt: Date; id: string } | null {
  const [instant, id] = key;
  const createdAt = instant === undefined ? null : cursorInstant(instant);
  return createdAt && id !== undefined && isCursorId(id) ? { createdAt, id } : null;
}
