import { PubSub as InProcessPubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Redis } from 'ioredis';

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

/** Pub/sub across API nodes through Redis; takes two connections (one is kept subscribed). */
export function createRedisPubSub(options: {
  prefix: string;
  publisher: Redis;
  subscriber: Redis;
}): PubSub {
  const engine = new RedisPubSub({ publisher: options.publisher, subscriber: options.subscriber });
  return new EnginePubSub(engine, options.prefix, async () => {
    await engine.close();
  });
}
