import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import type { PubSub } from '../src/infra/pubsub/pubsub';

/**
 * The pub/sub of each in-process test node by its URL (kit.ts fills it), so `subscribe` can wait
 * until the node has really registered a subscription instead of guessing how long that takes.
 */
const nodePubSubs = new Map<string, PubSub>();

export function registerTestNode(url: string, pubsub: PubSub): void {
  nodePubSubs.set(url, pubsub);
}

/** What the engines behind `PubSub` keep (graphql-subscriptions' PubSub, RedisPubSub). */
interface EngineState {
  subIdCounter?: number;
  subscriptions?: Record<string, unknown>;
  currentSubscriptionId?: number;
  subsRefsMap?: Map<string, Set<number>>;
}

/**
 * A probe for "a subscription made after this call is live on the node": in-process once it is in
 * the engine's table, on Redis once Redis confirmed the channel. Undefined for nodes in other
 * processes. Open one subscription at a time per probe: any new one satisfies it.
 */
export function registrationProbe(baseUrl: string): (() => boolean) | undefined {
  const pubsub = nodePubSubs.get(baseUrl);
  const engine = (pubsub as unknown as { engine?: EngineState } | undefined)?.engine;
  if (engine?.subscriptions && engine.subIdCounter !== undefined) {
    const after = engine.subIdCounter;
    const table = engine.subscriptions;
    return () => Object.keys(table).some((id) => Number(id) > after);
  }
  if (engine?.subsRefsMap && engine.currentSubscriptionId !== undefined) {
    const from = engine.currentSubscriptionId;
    const refs = engine.subsRefsMap;
    return () => [...refs.values()].some((ids) => [...ids].some((id) => id >= from));
  }
  return undefined;
}

export interface TestSubscription<T> {
  /** Resolves with the next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * For a node in another process on Redis: whether some channel matching `pattern` (e.g.
 * `<prefix>:budget.updated:*`) has a subscriber, as Redis itself reports it.
 */
export function redisChannelProbe(redisUrl: string, pattern: string): () => Promise<boolean> {
  return async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return ((await redis.pubsub('CHANNELS', pattern)) as string[]).length > 0;
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  };
}

/** Opens a graphql-ws subscription and buffers its events; resolves once the server registered it. */
export async function subscribe<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    connectionParams?: Record<string, unknown>;
    /** For a node in another process: tells when it has registered the subscription. */
    registered?: () => Promise<boolean>;
  } = {},
): Promise<TestSubscription<T>> {
  const buffered: T[] = [];
  const waiters: Array<(value: T) => void> = [];
  // A `next` waiting when the subscription fails is told at once (a late error is not a timeout).
  const failureWaiters: Array<(error: Error) => void> = [];
  let failure: unknown;
  const asError = (error: unknown) =>
    error instanceof Error ? error : new Error(JSON.stringify(error));
  const registered = registrationProbe(baseUrl);
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
  // The server registers the subscription after the subscribe message (on Redis, after a round
  // trip): wait until it has, or the subscription failed (a refused one never registers). A node
  // in another process without a `registered` check cannot be looked into: give it a moment.
  const check = registered ?? options.registered;
  if (check) {
    const deadline = Date.now() + 20_000;
    while (!(await check()) && failure === undefined && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
  } else await new Promise((resolve) => setTimeout(resolve, 100));
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
