import { startBullWorkers } from '../infra/queue/bullmq-queue';
import type { Config } from './config';
import { createContainer, type Container, type ContainerOptions } from './container';

export interface RunningWorker {
  container: Container;
  stop(): Promise<void>;
}

/** Starts BullMQ workers for every job definition; needs REDIS_URL. */
export async function startWorker(
  config: Config,
  options: Omit<ContainerOptions, 'role' | 'database'> = {},
): Promise<RunningWorker> {
  const redisUrl = config.REDIS_URL;
  if (!redisUrl || !config.DATABASE_URL) {
    throw new Error(
      'The worker needs REDIS_URL (and DATABASE_URL). In the embedded mode jobs run inside `npm start`.',
    );
  }
  const container = await createContainer(config, { ...options, role: 'worker' });
  const workers = startBullWorkers({
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: config.PACE_KEY_PREFIX,
    definitions: container.jobs,
    observer: {
      onOutcome: (queue, name, outcome, durationMs) =>
        container.metrics.recordJob(queue, name, outcome, durationMs),
      onError: (err, job) => container.logger.warn({ err, job }, 'job failed'),
    },
  });
  container.logger.info({ jobs: container.jobs.map((j) => j.name) }, 'Pace worker started');
  return {
    container,
    stop: async () => {
      container.logger.info('worker shutting down: finishing active jobs');
      await workers.close();
      await container.close();
    },
  };
}
