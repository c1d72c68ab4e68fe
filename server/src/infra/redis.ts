import { Redis } from 'ioredis';

/**
 * A Redis connection; BullMQ workers need `maxRetriesPerRequest: null` to block on queues.
 * `autoPipeline`: commands issued in one event-loop turn go out in one write (rate limits,
 * revocation checks and publishes of concurrent requests); not for blocking or subscribing
 * connections.
 */
export function createRedis(
  url: string,
  name: string,
  options: { autoPipeline?: boolean } = {},
): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    lazyConnect: false,
    enableAutoPipelining: options.autoPipeline ?? false,
  });
}
