import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { createRateLimiters, type RateLimiters } from '../infra/auth/rate-limiter';
import {
  createMemoryRevocationStore,
  createRedisRevocationStore,
  type RevocationStore,
} from '../infra/auth/revocation-store';
import { systemClock, type Clock } from '../infra/clock';
import { createErrorTracker, type ErrorTracker } from '../infra/error-tracking';
import type { Database } from '../infra/db/database';
import { migrateDatabase } from '../infra/db/migrate';
import { openPglite } from '../infra/db/pglite';
import { connectPostgres } from '../infra/db/postgres';
import { createLogger, type Logger } from '../infra/logger';
import type { FieldCipher } from '../infra/crypto/field-cipher';
import { loadFieldCipher } from '../infra/crypto/keyring';
import { createLogMailer, createSmtpMailer, type Mailer } from '../infra/mail/mailer';
import type { FcmSender } from '../infra/push/push';
import { Metrics } from '../infra/metrics';
import { createInProcessPubSub, createRedisPubSub, type PubSub } from '../infra/pubsub/pubsub';
import { BullQueue } from '../infra/queue/bullmq-queue';
import { InProcessQueue } from '../infra/queue/in-process-queue';
import type { AnyJobDefinition, JobObserver, JobQueue } from '../infra/queue/job';
import { createRedis, type RedisConnectionKind } from '../infra/redis';
import { SessionRepository } from '../features/auth';
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
  /** Unexpected errors, reported besides the log when SENTRY_DSN is set. */
  errors: ErrorTracker;
  /** Encryption at rest of the columns and files listed in features/encryption. */
  cipher: FieldCipher;
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
  /** Tests route FCM to a local endpoint here; otherwise FIREBASE_SERVICE_ACCOUNT_FILE or off. */
  fcm?: FcmSender;
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
  const errors = await createErrorTracker({
    dsn: config.SENTRY_DSN,
    environment: config.NODE_ENV,
    nodeId,
    logger,
  });
  closers.push(() => errors.flush(2_000));

  try {
    const cipher = await loadFieldCipher({
      keys: config.ENCRYPTION_KEYS,
      activeKeyId: config.ENCRYPTION_ACTIVE_KEY,
      dataDir: config.PACE_DATA_DIR,
      logger,
    });
    const database = options.database ?? (await openDatabase(config));
    closers.push(() => database.close());
    await migrateDatabase(database);

    const redisUrl = config.REDIS_URL;
    const connect = (kind: RedisConnectionKind, name: string, autoPipeline = false) => {
      if (!redisUrl) throw new Error('REDIS_URL is not set');
      const connection = createRedis(redisUrl, kind, {
        name,
        commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
        autoPipeline,
      });
      watchRedis(connection, name, logger);
      return connection;
    };
    const redis = redisUrl ? connect('command', `pace-${options.role}`, true) : undefined;
    if (redis) closers.unshift(async () => void (await redis.quit().catch(() => undefined)));

    const prefix = config.PACE_KEY_PREFIX;
    const pubsub = redisUrl
      ? createRedisPubSub({
          prefix,
          publisher: connect('command', 'pace-pub', true),
          subscriber: connect('subscriber', 'pace-sub'),
          logger,
        })
      : createInProcessPubSub(prefix);
    closers.unshift(() => pubsub.close());

    const observer: JobObserver = {
      onOutcome: (queue, name, outcome, durationMs) =>
        metrics.recordJob(queue, name, outcome, durationMs),
      onError: (err, job) => {
        logger.warn({ err, job }, 'job failed');
        errors.capture(err, { where: `job:${job.name}` });
      },
    };
    let queue: JobQueue;
    if (redisUrl) {
      const connection = connect('command', 'pace-queue');
      closers.unshift(async () => void (await connection.quit().catch(() => undefined)));
      queue = new BullQueue({ connection, prefix });
    } else {
      queue = new InProcessQueue(observer);
    }
    const queueCloser = () => queue.close();
    closers.unshift(queueCloser);
    metrics.watchQueue(queue);

    const revocationOptions = {
      durable: new SessionRepository(database.db),
      ttlMs: config.ACCESS_TOKEN_TTL_S * 1000,
      now: () => clock.now().getTime(),
      logger,
    };
    const revocations = redis
      ? createRedisRevocationStore(redis, prefix, revocationOptions)
      : createMemoryRevocationStore(revocationOptions);
    closers.unshift(() => revocations.close());
    await revocations.warm();
    const rateLimiters = createRateLimiters({
      prefix,
      now: () => clock.now().getTime(),
      ...(redis ? { redis } : {}),
      limits: {
        login: config.RATE_LIMIT_LOGIN,
        loginFailures: config.RATE_LIMIT_LOGIN_FAILURES,
        register: config.RATE_LIMIT_REGISTER,
        passwordReset: config.RATE_LIMIT_PASSWORD_RESET,
        anonymous: config.RATE_LIMIT_ANONYMOUS,
        anonymousRequests: config.RATE_LIMIT_ANONYMOUS_REQUESTS,
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
      ...(options.fcm ? { fcm: options.fcm } : {}),
      logger,
      metrics,
      cipher,
    });
    const jobs = jobDefinitions(services);
    if (queue instanceof InProcessQueue) queue.register(jobs);
    // After the queue (closed first, its jobs drained): the OCR engine the receipt job started.
    closers.splice(closers.indexOf(queueCloser) + 1, 0, () => services.receipts.processing.close());
    // The embedded runner lost the jobs of a stopped process: receipts left mid-way are queued again.
    if (queue instanceof InProcessQueue && options.role === 'api')
      await services.receipts.processing.resumeUnfinished();
    // Every API node and worker keeps the schedules registered: a Redis that restarted empty gets
    // them back from whichever process checks first, without a restart.
    const schedules = keepSchedules(queue, config.PACE_SCHEDULE_CHECK_MS, logger);
    closers.unshift(async () => schedules.stop());
    await schedules.check();

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
      errors,
      cipher,
      close: () => runClosers(closers, logger),
    };
  } catch (error) {
    await runClosers(closers, logger);
    throw error;
  }
}

/** Logs a Redis connection lost once, and its return once, whatever the number of retries. */
function watchRedis(redis: Redis, name: string, logger: Logger): void {
  let lost = false;
  redis.on('error', (err: Error) => {
    if (lost) return;
    lost = true;
    logger.warn({ err, connection: name }, 'Redis unreachable: degrading until it is back');
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.info({ connection: name }, 'Redis reachable again');
  });
}

/** Registers the scheduled jobs that are missing, now and every `everyMs`. */
function keepSchedules(queue: JobQueue, everyMs: number, logger: Logger) {
  let running: Promise<void> | undefined;
  const check = (): Promise<void> => {
    running ??= (async () => {
      try {
        for (const { spec, everyMs: scheduleMs, atStart } of SCHEDULED_JOBS) {
          if (await queue.hasSchedule(spec)) continue;
          await queue.repeat(spec, { slot: 'scheduled' }, scheduleMs);
          logger.info({ job: spec.name }, 'scheduled job registered');
          // One run now as well; its id holds the period, so nodes starting together run it once.
          if (atStart)
            await queue.enqueue(
              spec,
              { slot: 'start' },
              { jobId: `${spec.name}-start-${Math.floor(Date.now() / scheduleMs)}` },
            );
        }
      } catch (err) {
        logger.warn({ err }, 'could not check the scheduled jobs; trying again later');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return {
    check,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
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
