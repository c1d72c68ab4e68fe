export const WEBHOOK_EVENT_TYPES = [
  'TRANSACTION_CREATED',
  'TRANSACTION_UPDATED',
  'TRANSACTION_DELETED',
  'BUDGET_UPDATED',
  'BUDGET_ALERT',
  'GOAL_MILESTONE',
  'NOTIFICATION_CREATED',
] as const;

export const WEBHOOK_ENDPOINTS = `query WebhookEndpoints {
  webhookEndpoints { id url description eventTypes enabled disabledAt createdAt } }`;

export const CREATE_WEBHOOK_ENDPOINT = `mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;

export const DELETE_WEBHOOK_ENDPOINT = `mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) { deletedEndpointId } }`;

export const SEND_TEST_WEBHOOK = `mutation SendTestWebhook($endpointId: ID!) {
  sendTestWebhook(endpointId: $endpointId) { delivery { id } } }`;

export const WEBHOOK_DELIVERIES = `query WebhookDeliveries($endpointId: ID!) {
  webhookDeliveries(endpointId: $endpointId, first: 10) {
    nodes { id eventType status lastStatusCode attemptCount createdAt } } }`;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  /** A WebhookDeliveryEventType value, e.g. TRANSACTION_CREATED or WEBHOOK_TEST. */
  eventType: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  lastStatusCode: number | null;
  attemptCount: number;
  createdAt: string;
}
