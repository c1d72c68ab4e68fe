import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface TestSubscription<T> {
  /** Resolves with the next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Opens a graphql-ws subscription and buffers its events; resolves once the server acknowledged it. */
export async function subscribe<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: { variables?: Record<string, unknown>; connectionParams?: Record<string, unknown> } = {},
): Promise<TestSubscription<T>> {
  const buffered: T[] = [];
  const waiters: Array<(value: T) => void> = [];
  // A `next` waiting when the subscription fails is told at once (a late error is not a timeout).
  const failureWaiters: Array<(error: Error) => void> = [];
  let failure: unknown;
  const asError = (error: unknown) =>
    error instanceof Error ? error : new Error(JSON.stringify(error));
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: options.connectionParams ?? {},
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => acknowledged() },
  });
  client.subscribe<T>(
    { query, variables: options.variables ?? {} },
    {
      next: (result) => {
        const value = (result.data ?? result) as T;
        const waiter = waiters.shift();
        if (waiter) waiter(value);
        else buffered.push(value);
      },
      error: (error) => {
        failure = error;
        for (const reject of failureWaiters.splice(0)) reject(asError(error));
      },
      complete: () => undefined,
    },
  );
  await ready;
  // The server registers the subscription right after the subscribe message; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    next: (timeoutMs = 10_000) => {
      if (failure) return Promise.reject(asError(failure));
      const value = buffered.shift();
      if (value !== undefined) return Promise.resolve(value);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push((event) => {
          clearTimeout(timer);
          resolve(event);
        });
        failureWaiters.push((error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}
