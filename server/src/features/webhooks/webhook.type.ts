import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../graphql/relay';
import type { DeliveryWithAttempts } from './webhook.service';
import type { WebhookAttemptRow, WebhookEndpointRow } from './webhook.table';

export enum WebhookEventTypeGql {
  TRANSACTION_CREATED = 'transaction.created',
  TRANSACTION_UPDATED = 'transaction.updated',
  TRANSACTION_DELETED = 'transaction.deleted',
  BUDGET_UPDATED = 'budget.updated',
  BUDGET_ALERT = 'budget.alert',
  GOAL_MILESTONE = 'goal.milestone',
  NOTIFICATION_CREATED = 'notification.created',
}
registerEnumType(WebhookEventTypeGql, {
  name: 'WebhookEventType',
  description:
    'An event an endpoint can receive. The delivered body’s `type` is the lower-case dotted form (`TRANSACTION_CREATED` → `transaction.created`).',
  valuesConfig: {
    TRANSACTION_CREATED: {
      description: 'A transaction was created (`data.transaction`, as `transaction(id)` reads).',
    },
    TRANSACTION_UPDATED: {
      description: 'A transaction was edited or restored after a delete (`data.transaction`).',
    },
    TRANSACTION_DELETED: {
      description: 'A transaction was deleted (`data.transaction` with `deletedAt` set).',
    },
    BUDGET_UPDATED: {
      description:
        'A month was recomputed after a write (`data.month`, `data.cause`, `data.totals` as Money).',
    },
    BUDGET_ALERT: {
      description:
        'A budget alert: a category level reached, fast pace, a large transaction or a deficit (`data.kind`).',
    },
    GOAL_MILESTONE: {
      description: 'A goal’s savings crossed 25, 50, 75, 90 or 100 % (`data.percent`).',
    },
    NOTIFICATION_CREATED: {
      description: 'An in-app notification was stored for the person (`data.notification`).',
    },
  },
});

/** What a delivery carries: a subscribable event, or the test event of sendTestWebhook. */
export enum WebhookDeliveryEventTypeGql {
  TRANSACTION_CREATED = 'transaction.created',
  TRANSACTION_UPDATED = 'transaction.updated',
  TRANSACTION_DELETED = 'transaction.deleted',
  BUDGET_UPDATED = 'budget.updated',
  BUDGET_ALERT = 'budget.alert',
  GOAL_MILESTONE = 'goal.milestone',
  NOTIFICATION_CREATED = 'notification.created',
  WEBHOOK_TEST = 'webhook.test',
}
registerEnumType(WebhookDeliveryEventTypeGql, {
  name: 'WebhookDeliveryEventType',
  description:
    'The event a delivery carries: a `WebhookEventType`, or `WEBHOOK_TEST`. The body’s `type` (and the `Pace-Event-Type` header) is the lower-case dotted form (`WEBHOOK_TEST` → `webhook.test`).',
  valuesConfig: {
    TRANSACTION_CREATED: { description: 'A transaction was created.' },
    TRANSACTION_UPDATED: { description: 'A transaction was edited or restored.' },
    TRANSACTION_DELETED: { description: 'A transaction was deleted.' },
    BUDGET_UPDATED: { description: 'A month was recomputed after a write.' },
    BUDGET_ALERT: { description: 'A budget alert.' },
    GOAL_MILESTONE: { description: 'A goal’s savings crossed a milestone.' },
    NOTIFICATION_CREATED: { description: 'An in-app notification was stored.' },
    WEBHOOK_TEST: { description: 'The test event queued by sendTestWebhook.' },
  },
});

export enum WebhookDeliveryStatusGql {
  PENDING = 'pending',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(WebhookDeliveryStatusGql, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with 2xx; another attempt is coming.' },
    SUCCEEDED: { description: 'The endpoint answered an attempt with a 2xx status.' },
    FAILED: {
      description:
        'Every attempt of its round failed, or the endpoint was disabled or deleted; replay it to try again.',
    },
  },
});

@ObjectType({
  description:
    'An HTTPS endpoint receiving signed webhook deliveries (see docs/api.md, "Webhooks"). Its secret is shown only by createWebhookEndpoint and rotateWebhookSecret.',
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  id!: string;

  @Field(() => String, { description: 'Where deliveries are POSTed (https).' })
  url!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The integrator’s note, up to 200 characters.',
  })
  description!: string | null;

  @Field(() => [WebhookEventTypeGql], { description: 'The event types it receives.' })
  eventTypes!: WebhookEventTypeGql[];

  @Field(() => Boolean, {
    description:
      'Whether events are delivered. False when switched off by hand, or automatically after 3 days of failed attempts (the owner is notified).',
  })
  enabled!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when every attempt has failed (null: the last attempt succeeded).',
  })
  failingSince!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was switched off (null: enabled).' })
  disabledAt!: Date | null;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'One HTTP attempt of a delivery and what the endpoint answered.' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'The attempt’s number within its delivery, from 1.' })
  number!: number;

  @Field(() => Date, { description: 'When the request was sent.' })
  startedAt!: Date;

  @Field(() => Int, { description: 'How long until the answer or the error, in milliseconds.' })
  durationMs!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status answered (null: no answer, see `error`).',
  })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first 1024 characters of the response body.',
  })
  responseSnippet!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why no answer came: timeout (10 s), connection refused, a forbidden address, TLS failure.',
  })
  error!: string | null;

  @Field(() => Boolean, { description: 'Whether the status was 2xx.' })
  succeeded!: boolean;
}

@ObjectType({ description: 'One event sent to one endpoint, with every attempt made.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery’s id (the `Pace-Delivery-Id` header).' })
  id!: string;

  @Field(() => ID, { description: 'The endpoint it goes to.' })
  endpointId!: string;

  @Field(() => ID, {
    description: 'The event’s id (`id` of the body, `Pace-Event-Id`): deduplicate on it.',
  })
  eventId!: string;

  @Field(() => WebhookDeliveryEventTypeGql, {
    description:
      'The event it carries; the body’s `type` is its lower-case dotted form (`TRANSACTION_CREATED` → `transaction.created`).',
  })
  eventType!: WebhookDeliveryEventTypeGql;

  @Field(() => WebhookDeliveryStatusGql, { description: 'Where it stands.' })
  status!: WebhookDeliveryStatusGql;

  @Field(() => Int, { description: 'Attempts made so far, replays included.' })
  attemptCount!: number;

  @Field(() => Int, { nullable: true, description: 'The status of the latest attempt.' })
  lastStatusCode!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the next attempt is due (pending only).',
  })
  nextAttemptAt!: Date | null;

  @Field(() => String, { description: 'The exact JSON body sent (the signed bytes).' })
  body!: string;

  @Field(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attempts!: WebhookAttempt[];

  @Field(() => Date, { description: 'When the event happened.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it succeeded or finally failed.' })
  completedAt!: Date | null;
}

/** An endpoint's deliveries a page at a time, newest first (Relay cursor connection). */
export const WebhookDeliveryConnection = connectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
  'an endpoint’s deliveries, newest first',
);

@ObjectType({ description: 'A new endpoint and its signing secret.' })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The signing secret (`whsec_…`), shown this once: store it where the receiver can read it.',
  })
  secret!: string;
}

@ObjectType({ description: 'The endpoint with its new signing secret.' })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description: 'The new secret, shown this once; the old one stops signing at once.',
  })
  secret!: string;
}

@ObjectType({ description: 'The changed endpoint.' })
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint as it is now.' })
  endpoint!: WebhookEndpoint;
}

@ObjectType({ description: 'The deleted endpoint; its deliveries are gone with it.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { description: 'The id of the endpoint deleted.' })
  deletedEndpointId!: string;
}

@ObjectType({ description: 'A delivery queued for sending.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, {
    description: 'The delivery, pending; read it again for the attempt’s outcome.',
  })
  delivery!: WebhookDelivery;
}

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as unknown as WebhookEventTypeGql[],
    enabled: row.enabled,
    failingSince: row.failingSince,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

function toAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return Object.assign(new WebhookAttempt(), {
    number: row.number,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    responseSnippet: row.responseSnippet,
    error: row.error,
    succeeded: row.succeeded,
  });
}

export function toWebhookDelivery({ delivery, attempts }: DeliveryWithAttempts): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType as WebhookDeliveryEventTypeGql,
    status: delivery.status as WebhookDeliveryStatusGql,
    attemptCount: attempts.length,
    lastStatusCode: delivery.lastStatusCode,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    body: delivery.body,
    attempts: attempts.map(toAttempt),
    createdAt: delivery.createdAt,
    completedAt: delivery.completedAt,
  });
}
