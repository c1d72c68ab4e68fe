import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a connection is used decides how it behaves while Redis is away:
 * - `command` (rate limits, revocation checks, publishes, enqueues, health): a command waits at
 *   most `commandTimeoutMs`, queued or sent, then fails, so a request degrades or fails fast
 *   instead of hanging; `autoPipeline` sends the commands of one event-loop turn in one write.
 * - `subscriber`: kept subscribed; reconnects for ever and subscribes again to its channels.
 * - `blocking` (BullMQ workers): `maxRetriesPerRequest: null`, as BullMQ requires to block on queues.
 * Every kind reconnects with a backoff capped at 2 s.
 */
export type RedisConnectionKind = 'command' | 'subscriber' | 'blocking';

export function redisConnectionOptions(
  kind: RedisConnectionKind,
  options: { name: string; commandTimeoutMs: number; autoPipeline?: boolean },
): RedisOptions {
  const base: RedisOptions = {
    connectionName: options.name,
    lazyConnect: false,
    connectTimeout: Math.max(1_000, options.commandTimeoutMs * 2),
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
  };
  if (kind === 'command') {
    return {
      ...base,
      commandTimeout: options.commandTimeoutMs,
      maxRetriesPerRequest: 1,
      enableAutoPipelining: options.autoPipeline ?? false,
    };
  }
  return { ...base, maxRetriesPerRequest: null };
}

export function createRedis(
  url: string,
  kind: RedisConnectionKind,
  options: { name: string; commandTimeoutMs: number; autoPipeline?: boolean },
): Redis {
  const redis = new Redis(url, redisConnectionOptions(kind, options));
  // ioredis emits 'error' on every failed reconnect; unheard, Node would treat it as a crash.
  redis.on('error', () => undefined);
  return redis;
}

/** Whether the connection can send a command now (not connecting, not reconnecting). */
export function isRedisReady(redis: Redis): boolean {
  return redis.status === 'ready';
}

/** A ping that answers within `timeoutMs` whatever the connection is doing. */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
