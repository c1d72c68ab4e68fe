import { Redis } from 'ioredis';

/** A Redis connection; BullMQ workers need `maxRetriesPerRequest: null` to block on queues. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
