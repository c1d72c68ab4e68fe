import { defineErrors } from '../../graphql/app-error';

export type WebhookErrorCode =
  | 'WEBHOOK_ENDPOINT_NOT_FOUND'
  | 'WEBHOOK_DELIVERY_NOT_FOUND'
  | 'WEBHOOK_URL_INVALID'
  | 'WEBHOOK_TARGET_FORBIDDEN'
  | 'WEBHOOK_EVENT_TYPES_INVALID'
  | 'WEBHOOK_DESCRIPTION_INVALID'
  | 'WEBHOOK_ENDPOINT_LIMIT';

export const WebhookError = defineErrors<WebhookErrorCode>('WebhookError', {
  WEBHOOK_ENDPOINT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such webhook endpoint.',
    when: 'The endpoint id does not exist, was deleted, or belongs to someone else.',
    action: 'Read `webhookEndpoints` for the ids this person has.',
  },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such webhook delivery.',
    when: 'The delivery id does not exist, its endpoint was deleted, or it belongs to someone else.',
    action: 'Read `webhookDeliveries(endpointId)` for the ids of an endpoint’s deliveries.',
  },
  WEBHOOK_URL_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'The endpoint URL is not an absolute https URL (at most 1000 characters, no user name or password in it).',
    action: 'Give the full https URL of the receiver, e.g. `https://example.com/pace/webhooks`.',
  },
  WEBHOOK_TARGET_FORBIDDEN: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This URL points at a private, loopback or otherwise reserved address.',
    when: 'The host of the endpoint URL is, or resolves to, a loopback, private, link-local, unique-local, carrier-grade NAT, multicast or cloud metadata address, or cannot be resolved.',
    action:
      'Use a receiver reachable on the public internet (a tunnel such as a public HTTPS forwarder works for local development).',
  },
  WEBHOOK_EVENT_TYPES_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: '`eventTypes` is empty.',
    action: 'Name at least one `WebhookEventType` the endpoint should receive.',
  },
  WEBHOOK_DESCRIPTION_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'The description is longer than 200 characters.',
    when: 'The endpoint description has more than 200 characters.',
    action: 'Shorten the description to at most 200 characters.',
  },
  WEBHOOK_ENDPOINT_LIMIT: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `A person can have at most ${String(d.max)} webhook endpoints.`,
    when: 'The person already has 10 webhook endpoints.',
    action: 'Delete an endpoint you no longer use, or subscribe one endpoint to more event types.',
  },
});
