import { createClient, type Client } from 'graphql-ws';
import type {
  LiveNotificationAddedSubscription,
  LiveTransactionAlertSubscription,
} from '@/lib/graphql/generated';
import {
  LIVE_BUDGET_UPDATED,
  LIVE_NOTIFICATION_ADDED,
  LIVE_TRANSACTION_ALERT,
} from './sync.operations';

export type LiveAlert = LiveTransactionAlertSubscription['transactionAlert'];
export type LiveNotification = LiveNotificationAddedSubscription['notificationAdded'];

export interface LiveHandlers {
  /** Something changed on the server (another device wrote, or the socket came back). */
  onChange: () => void;
  onAlert: (alert: LiveAlert) => void;
  /** A notification was stored for the person (the bell's count and the centre update). */
  onNotification?: (notification: LiveNotification) => void;
  onState?: (connected: boolean) => void;
  /** The server closed the socket because the token was refused (4401, 4403). */
  onRejected?: () => void;
}

/** Waits 1, 2, 4 … 30 s (with jitter) between reconnection attempts. */
export function backoffDelay(retries: number): number {
  const base = Math.min(30_000, 1000 * 2 ** retries);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * The live socket: `budgetUpdated` and `transactionAlert` over graphql-ws, reconnecting with
 * backoff for as long as the page is open. Every (re)connection asks for a catch-up, so what
 * happened during a gap arrives through `changes(since)`.
 */
export function connectLive(
  url: string,
  getAccessToken: () => Promise<string | null> | string | null,
  handlers: LiveHandlers,
): () => void {
  const client: Client = createClient({
    url,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffDelay(retries))),
    connectionParams: async () => {
      const token = await getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => {
        handlers.onState?.(true);
        handlers.onChange();
      },
      closed: (event) => {
        handlers.onState?.(false);
        const code = (event as { code?: number } | undefined)?.code;
        if (code === 4401 || code === 4403) handlers.onRejected?.();
      },
    },
  });
  const stops = [
    client.subscribe(
      { query: LIVE_BUDGET_UPDATED },
      { next: () => handlers.onChange(), error: () => undefined, complete: () => undefined },
    ),
    client.subscribe<LiveTransactionAlertSubscription>(
      { query: LIVE_TRANSACTION_ALERT },
      {
        next: (result) => {
          if (result.data) handlers.onAlert(result.data.transactionAlert);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    ),
    client.subscribe<LiveNotificationAddedSubscription>(
      { query: LIVE_NOTIFICATION_ADDED },
      {
        next: (result) => {
          if (result.data) handlers.onNotification?.(result.data.notificationAdded);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    ),
  ];
  return () => {
    for (const stop of stops) stop();
    void client.dispose();
  };
}
