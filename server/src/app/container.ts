import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { createRateLimiters, type RateLimiters } from '../infra/auth/rate-limiter';
import {
  createMemoryRevocationStore,
  createRedisRevocationStore,
  type RevocationStore,
} from '../infra/auth/revocation-store';
import { systemClock, type Clock } from '../infra/clock';
import type { Database } from '../infra/db/database';
import { migrateDatabase } from '../infra/db/migrate';
import { openPglite } from '../infra/db/pglite';
import { connectPostgres } from '../infra/db/postgres';
import { createLogger, type Logger } from '../infra/logger';
import { createLogMailer, createSmtpMailer, type Mailer } from '../infra/mail/mailer';
import { Metrics } from '../infra/metrics';
import { createInProcessPubSub, createRedisPubSub, type PubSub } from '../infra/pubsub/pubsub';
import { BullQueue } from '../infra/queue/bullmq-queue';
import { InProcessQueue } from '../infra/queue/in-process-queue';
import type { AnyJobDefinition, JobObserver, JobQueue } from '../infra/queue/job';
import { createRedis } from '../infra/redis';
import type { Config } from './config';
import { createServices, jobDefinitions, SCHEDULED_JOBS, type Services } from './services';

export interface Container {
  config: Config;
  nodeId: string;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  database: Database;
  redis: Redis | undefined;
  pubsub: PubSub;
  queue: JobQueue;
  services: Services;
  revocations: RevocationStore;
  rateLimiters: RateLimiters;
  jobs: AnyJobDefinition[];
  mode: {
    database: 'postgres' | 'pglite';
    pubsub: 'redis' | 'in-process';
    jobs: 'bullmq' | 'in-process';
  };
  close(): Promise<void>;
}

export interface ContainerOptions {
  role: 'api' | 'worker';
  clock?: Clock;
  /** Tests hand in a prepared database; it is closed with the container. */
  database?: Database;
  logger?: Logger;
  /** Tests capture e-mail here (the SMTP border); otherwise SMTP_URL or the log. */
  mailer?: Mailer;
}

/** The composition root: builds every adapter and service once, in dependency order. */
export async function createContainer(
  config: Config,
  options: ContainerOptions,
): Promise<Container> {
  const nodeId = config.PACE_NODE_ID ?? `${hostname()}:${process.pid}`;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, nodeId });
  const clock = options.clock ?? systemClock;
  const metrics = new Metrics();
  const closers: Array<() => Promise<void>> = [];

  try {
    const database = options.database ?? (await openDatabase(config));
    closers.push(() => database.close());
    await migrateDatabase(database);

    const redisUrl = config.REDIS_URL;
    const redis = redisUrl
      ? createRedis(redisUrl, `pace-${options.role}`, { autoPipeline: true })
      : undefined;
    if (redis) closers.unshift(async () => void (await redis.quit().catch(() => undefined)));

    const prefix = config.PACE_KEY_PREFIX;
    const pubsub = redisUrl
      ? createRedisPubSub({
          prefix,
          publisher: createRedis(redisUrl, 'pace-pub', { autoPipeline: true }),
          subscriber: createRedis(redisUrl, 'pace-sub'),
        })
      : createInProcessPubSub(prefix);
    closers.unshift(() => pubsub.close());

    const observer: JobObserver = {
      onOutcome: (queue, name, outcome, durationMs) =>
        metrics.recordJob(queue, name, outcome, durationMs),
      onError: (err, job) => logger.warn({ err, job }, 'job failed'),
    };
    const queue: JobQueue = redisUrl
      ? new BullQueue({ connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix })
      : new InProcessQueue(observer);
    closers.unshift(() => queue.close());
    metrics.watchQueue(queue);

    const revocations = redis
      ? createRedisRevocationStore(redis, prefix)
      : createMemoryRevocationStore(() => clock.now().getTime());
    const rateLimiters = createRateLimiters({
      prefix,
      ...(redis ? { redis } : {}),
      limits: {
        login: config.RATE_LIMIT_LOGIN,
        register: config.RATE_LIMIT_REGISTER,
        passwordReset: config.RATE_LIMIT_PASSWORD_RESET,
        anonymous: config.RATE_LIMIT_ANONYMOUS,
        apiStandard: config.RATE_LIMIT_API_STANDARD,
        apiPremium: config.RATE_LIMIT_API_PREMIUM,
      },
    });
    const mailer =
      options.mailer ??
      (config.SMTP_URL
        ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
        : createLogMailer({
            logger,
            from: config.MAIL_FROM,
            outboxDir: config.MAIL_OUTBOX_DIR,
          }));

    const services = createServices({
      database,
      pubsub,
      queue,
      clock,
      nodeId,
      config,
      revocations,
      rateLimiters,
      mailer,
      logger,
      metrics,
    });
    const jobs = jobDefinitions(services);
    if (queue instanceof InProcessQueue) queue.register(jobs);
    if (options.role === 'api') {
      for (const { spec, everyMs } of SCHEDULED_JOBS)
        await queue.repeat(spec, { slot: 'scheduled' }, everyMs);
    }

    return {
      config,
      nodeId,
      logger,
      clock,
      metrics,
      database,
      redis,
      pubsub,
      queue,
      services,
      revocations,
      rateLimiters,
      jobs,
      mode: {
        database: database.kind,
        pubsub: redisUrl ? 'redis' : 'in-process',
        jobs: redisUrl ? 'bullmq' : 'in-process',
      },
      close: () => runClosers(closers, logger),
    };
  } catch (error) {
    await runClosers(closers, logger);
    throw error;
  }
}

function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return Promise.resolve(connectPostgres(config.DATABASE_URL));
  return openPglite({ dataDir: config.PACE_DATA_DIR });
}

async function runClosers(closers: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const close of closers) {
    try {
      await close();
    } catch (err) {
      logger.warn({ err }, 'error while closing');
    }
  }
}
