import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import {
  QUEUE_NAMES,
  FAILED_REASON_MAX,
  assertJobId,
  runEnvelope,
  JobRejectedError,
  type AnyJobDefinition,
  type EnqueueOptions,
  type FailedJob,
  type JobSpec,
  type JobEnvelope,
  type JobObserver,
  type JobQueue,
  type QueueCounts,
  type QueueName,
  QueueUnavailableError,
} from './job';

interface BullOptions {
  connection: ConnectionOptions;
  prefix: string;
}

/** Producer side of BullMQ, used by API nodes: enqueues, never processes. */
/** The longest an enqueue waits for Redis before the caller is told the queue is away. */
const ENQUEUE_TIMEOUT_MS = 3_000;

export class BullQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly options: BullOptions) {}

  async enqueue<T>(spec: JobSpec<T>, payload: T, options: EnqueueOptions = {}): Promise<string> {
    if (options.jobId !== undefined) assertJobId(options.jobId);
    const checked = spec.payload.parse(payload);
    const envelope: JobEnvelope = { v: spec.version, payload: checked };
    const adding = this.queue(spec.queue).add(spec.name, envelope, {
      ...(options.jobId !== undefined ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      attempts: spec.attempts,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    // BullMQ waits for its connection to be ready: with Redis away, a request would hang on it.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(spec.name)), ENQUEUE_TIMEOUT_MS);
    });
    adding.catch(() => undefined);
    const job = await Promise.race([adding, late]).finally(() => clearTimeout(timer));
    return job.id ?? '';
  }

  async repeat<T>(spec: JobSpec<T>, payload: T, everyMs: number): Promise<void> {
    const envelope: JobEnvelope = { v: spec.version, payload: spec.payload.parse(payload) };
    await this.queue(spec.queue).upsertJobScheduler(
      spec.name,
      { every: everyMs },
      {
        name: spec.name,
        data: envelope,
        opts: {
          attempts: spec.attempts,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      },
    );
  }

  async hasSchedule(spec: JobSpec<unknown>): Promise<boolean> {
    return (await this.queue(spec.queue).getJobScheduler(spec.name)) !== undefined;
  }

  async counts() {
    const result = {} as Record<QueueName, QueueCounts>;
    for (const name of QUEUE_NAMES) {
      const counts = await this.queue(name).getJobCounts(
        'waiting',
        'prioritized',
        'delayed',
        'active',
        'failed',
      );
      result[name] = {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      };
    }
    return result;
  }

  async listFailed(queue: QueueName, limit: number): Promise<FailedJob[]> {
    if (limit < 1) return [];
    const jobs = await this.queue(queue).getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: job.id ?? '',
      name: job.name,
      reason: (job.failedReason ?? '').slice(0, FAILED_REASON_MAX),
      attemptsMade: job.attemptsMade,
      failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    }));
  }

  async retryFailed(queue: QueueName, jobId: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(jobId);
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.options.connection, prefix: this.options.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }
}

/** Consumer side: one BullMQ worker per queue, dispatching by job name to its definition. */
export function startBullWorkers(
  options: BullOptions & {
    definitions: AnyJobDefinition[];
    observer: JobObserver;
    concurrency?: number;
  },
): { close(): Promise<void> } {
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const queues = [...new Set(options.definitions.map((d) => d.queue))];
  const workers = queues.map(
    (queueName) =>
      new Worker(
        queueName,
        async (job) => {
          const definition = byName.get(job.name);
          if (!definition) throw new JobRejectedError(`no handler for job ${job.name}`);
          const started = performance.now();
          try {
            await runEnvelope(definition, job.data as JobEnvelope, {
              jobId: job.id ?? '',
              attempt: job.attemptsMade + 1,
            });
            options.observer.onOutcome(
              queueName,
              job.name,
              'completed',
              performance.now() - started,
            );
          } catch (error) {
            options.observer.onError(error, { queue: queueName, name: job.name, id: job.id ?? '' });
            const isLast =
              error instanceof JobRejectedError || job.attemptsMade + 1 >= definition.attempts;
            const outcome =
              error instanceof JobRejectedError ? 'rejected' : isLast ? 'failed' : 'retried';
            options.observer.onOutcome(queueName, job.name, outcome, performance.now() - started);
            // BullMQ does not retry an UnrecoverableError: a rejected job can never succeed.
            if (error instanceof JobRejectedError) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        {
          connection: options.connection,
          prefix: options.prefix,
          concurrency: options.concurrency ?? 4,
        },
      ),
  );
  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
