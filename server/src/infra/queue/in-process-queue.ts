import { randomUUID } from 'node:crypto';
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
  type JobObserver,
  type JobQueue,
  type QueueCounts,
  type QueueName,
} from './job';

interface PendingJob {
  id: string;
  definition: AnyJobDefinition;
  payload: unknown;
  attempt: number;
}

const RETRY_BASE_MS = 200;
/** Failed jobs kept per queue for the admin to see and retry; older ones are dropped. */
const FAILED_KEPT = 200;

interface KeptFailure {
  job: PendingJob;
  reason: string;
  failedAt: Date;
}

/**
 * The embedded job runner: same definitions and payload checks as BullMQ, run in this process with
 * a small concurrency per queue. Jobs are lost on a crash; the scheduled jobs re-create their work
 * from the database, which is why handlers are idempotent.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly waiting = new Map<QueueName, PendingJob[]>();
  private readonly active = new Map<QueueName, number>();
  private readonly delayed = new Map<QueueName, number>();
  /** Failed jobs per queue, oldest first. */
  private readonly failed = new Map<QueueName, KeptFailure[]>();
  private readonly seenIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repeaters = new Map<string, NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly observer: JobObserver,
    private readonly concurrency = 2,
  ) {
    for (const queue of QUEUE_NAMES) {
      this.waiting.set(queue, []);
      this.active.set(queue, 0);
      this.delayed.set(queue, 0);
      this.failed.set(queue, []);
    }
  }

  private readonly definitions = new Map<string, AnyJobDefinition>();

  /** Makes these handlers available; the in-process runner needs them before the first enqueue. */
  register(definitions: AnyJobDefinition[]): void {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
  }

  async enqueue<T>(spec: JobSpec<T>, payload: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new Error('The job queue is closed.');
    const definition = this.definitions.get(spec.name);
    if (!definition) throw new Error(`No handler is registered for job ${spec.name}.`);
    const checked = spec.payload.parse(payload);
    if (options.jobId !== undefined) assertJobId(options.jobId);
    const id = options.jobId ?? randomUUID();
    if (options.jobId !== undefined) {
      if (this.seenIds.has(id)) return id;
      this.seenIds.add(id);
    }
    const job: PendingJob = { id, definition, payload: checked, attempt: 1 };
    if (options.delayMs) this.pushLater(options.delayMs, job);
    else this.push(job);
    return id;
  }

  async repeat<T>(spec: JobSpec<T>, payload: T, everyMs: number): Promise<void> {
    spec.payload.parse(payload);
    clearInterval(this.repeaters.get(spec.name));
    const timer = setInterval(() => {
      // One id per period, so a slow run and the next tick never overlap on the same period.
      void this.enqueue(spec, payload, {
        jobId: `${spec.name}-${Math.floor(Date.now() / everyMs)}`,
      }).catch(() => undefined);
    }, everyMs);
    timer.unref();
    this.repeaters.set(spec.name, timer);
  }

  async hasSchedule(spec: JobSpec<unknown>): Promise<boolean> {
    return this.repeaters.has(spec.name);
  }

  async counts() {
    const result = {} as Record<QueueName, QueueCounts>;
    for (const queue of QUEUE_NAMES) {
      result[queue] = {
        waiting: this.waiting.get(queue)?.length ?? 0,
        active: this.active.get(queue) ?? 0,
        delayed: this.delayed.get(queue) ?? 0,
        failed: this.failed.get(queue)?.length ?? 0,
      };
    }
    return result;
  }

  async listFailed(queue: QueueName, limit: number): Promise<FailedJob[]> {
    if (limit < 1) return [];
    const kept = this.failed.get(queue) ?? [];
    return kept
      .slice(Math.max(kept.length - limit, 0))
      .reverse()
      .map(({ job, reason, failedAt }) => ({
        id: job.id,
        name: job.definition.name,
        reason,
        attemptsMade: job.attempt,
        failedAt,
      }));
  }

  async retryFailed(queue: QueueName, jobId: string): Promise<boolean> {
    const kept = this.failed.get(queue) ?? [];
    const index = kept.findIndex((failure) => failure.job.id === jobId);
    const failure = kept[index];
    if (!failure || this.closed) return false;
    kept.splice(index, 1);
    this.push({ ...failure.job, attempt: 1 });
    return true;
  }

  /** Resolves when no job is waiting or running (used by graceful shutdown and tests). */
  async drain(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.repeaters.values()) clearInterval(timer);
    this.repeaters.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.drain();
  }

  private push(job: PendingJob): void {
    this.waiting.get(job.definition.queue)?.push(job);
    this.pump(job.definition.queue);
  }

  private pump(queue: QueueName): void {
    const waiting = this.waiting.get(queue) ?? [];
    while ((this.active.get(queue) ?? 0) < this.concurrency && waiting.length > 0) {
      const job = waiting.shift();
      if (!job) break;
      this.active.set(queue, (this.active.get(queue) ?? 0) + 1);
      void this.execute(job).finally(() => {
        this.active.set(queue, (this.active.get(queue) ?? 1) - 1);
        this.pump(queue);
        this.notifyIfIdle();
      });
    }
  }

  private async execute(job: PendingJob): Promise<void> {
    const { definition } = job;
    const started = performance.now();
    try {
      await runEnvelope(
        definition,
        { v: definition.version, payload: job.payload },
        {
          jobId: job.id,
          attempt: job.attempt,
        },
      );
      this.observer.onOutcome(
        definition.queue,
        definition.name,
        'completed',
        performance.now() - started,
      );
    } catch (error) {
      const elapsed = performance.now() - started;
      this.observer.onError(error, { queue: definition.queue, name: definition.name, id: job.id });
      if (error instanceof JobRejectedError) {
        this.keepFailure(job, error);
        this.observer.onOutcome(definition.queue, definition.name, 'rejected', elapsed);
      } else if (job.attempt < definition.attempts && !this.closed) {
        this.observer.onOutcome(definition.queue, definition.name, 'retried', elapsed);
        const retry = { ...job, attempt: job.attempt + 1 };
        this.pushLater(RETRY_BASE_MS * 2 ** (job.attempt - 1), retry);
      } else {
        this.keepFailure(job, error);
        this.observer.onOutcome(definition.queue, definition.name, 'failed', elapsed);
      }
    }
  }

  private keepFailure(job: PendingJob, error: unknown): void {
    const kept = this.failed.get(job.definition.queue) ?? [];
    const message = error instanceof Error ? error.message : String(error);
    kept.push({ job, reason: message.slice(0, FAILED_REASON_MAX), failedAt: new Date() });
    if (kept.length > FAILED_KEPT) kept.shift();
  }

  /** Counts the job as delayed until it joins its queue. */
  private pushLater(delayMs: number, job: PendingJob): void {
    const queue = job.definition.queue;
    this.delayed.set(queue, (this.delayed.get(queue) ?? 0) + 1);
    this.later(delayMs, () => {
      this.delayed.set(queue, (this.delayed.get(queue) ?? 1) - 1);
      this.push(job);
    });
  }

  private later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) action();
    }, delayMs);
    this.timers.add(timer);
  }

  private isIdle(): boolean {
    for (const queue of QUEUE_NAMES) {
      if ((this.waiting.get(queue)?.length ?? 0) > 0 || (this.active.get(queue) ?? 0) > 0)
        return false;
    }
    return this.timers.size === 0 || this.closed;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
