import { PubSub as InProcessPubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { isRedisReady } from '../redis';

/**
 * The one map of pub/sub topics to payloads. Each feature adds its own topics from its
 * `*.events.ts` file through declaration merging:
 * `declare module '../../infra/pubsub/pubsub' { interface TopicMap { 'budget.updated': … } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TopicMap {}

export type Topic = keyof TopicMap;

/**
 * Every event is scoped: to a user id for a person's data, or to a fixed scope such as `system`.
 * A subscriber names the scope it may see, so filtering happens before a payload is delivered.
 */
export interface PubSub {
  publish<K extends Topic>(topic: K, scope: string, payload: TopicMap[K]): Promise<void>;
  subscribe<K extends Topic>(topic: K, scope: string): AsyncIterableIterator<TopicMap[K]>;
  close(): Promise<void>;
}

class EnginePubSub implements PubSub {
  constructor(
    private readonly engine: PubSubEngine,
    private readonly prefix: string,
    private readonly onClose: () => Promise<void>,
  ) {}

  async publish<K extends Topic>(topic: K, scope: string, payload: TopicMap[K]): Promise<void> {
    await this.engine.publish(this.channel(topic, scope), payload);
  }

  subscribe<K extends Topic>(topic: K, scope: string): AsyncIterableIterator<TopicMap[K]> {
    return this.engine.asyncIterableIterator<TopicMap[K]>(this.channel(topic, scope));
  }

  close(): Promise<void> {
    return this.onClose();
  }

  private channel(topic: Topic, scope: string): string {
    return `${this.prefix}:${String(topic)}:${scope}`;
  }
}

/** Pub/sub inside one process: the embedded default. */
export function createInProcessPubSub(prefix: string): PubSub {
  return new EnginePubSub(new InProcessPubSub(), prefix, async () => undefined);
}

/**
 * Pub/sub across API nodes through Redis; takes two connections (one is kept subscribed).
 * Events are hints, never the record: while Redis cannot be reached a publish is dropped at once
 * (and counted in the log) rather than holding up the write that made it; the subscriber connection
 * subscribes again when Redis is back, and clients catch up through `changes(since)`.
 */
export function createRedisPubSub(options: {
  prefix: string;
  publisher: Redis;
  subscriber: Redis;
  logger?: Logger;
}): PubSub {
  const engine = new RedisPubSub({ publisher: options.publisher, subscriber: options.subscriber });
  let dropped = 0;
  const publish = engine.publish.bind(engine);
  engine.publish = async (trigger, payload) => {
    try {
      if (!isRedisReady(options.publisher)) throw new Error('Redis is not connected');
      await publish(trigger, payload);
      if (dropped > 0) {
        options.logger?.warn({ dropped }, 'events dropped while Redis was unreachable');
        dropped = 0;
      }
    } catch (err) {
      if (dropped++ === 0) options.logger?.warn({ err }, 'event not published: Redis unreachable');
    }
  };
  return new EnginePubSub(engine, options.prefix, async () => {
    await engine.close();
  });
}
