import { randomUUID } from 'node:crypto';
import {
  QUEUE_NAMES,
  assertJobId,
  runEnvelope,
  JobRejectedError,
  type AnyJobDefinition,
  type EnqueueOptions,
  type JobSpec,
  type JobObserver,
  type JobQueue,
  type QueueName,
} from './job';

interface PendingJob {
  id: string;
  definition: AnyJobDefinition;
  payload: unknown;
  attempt: number;
}

const RETRY_BASE_MS = 200;

/**
 * The embedded job runner: same definitions and payload checks as BullMQ, run in this process with
 * a small concurrency per queue. Jobs are lost on a crash; the scheduled jobs re-create their work
 * from the database, which is why handlers are idempotent.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly waiting = new Map<QueueName, PendingJob[]>();
  private readonly active = new Map<QueueName, number>();
  private readonly failed = new Map<QueueName, number>();
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
      this.failed.set(queue, 0);
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
    if (options.delayMs) this.later(options.delayMs, () => this.push(job));
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
    const result = {} as Record<QueueName, { waiting: number; active: number; failed: number }>;
    for (const queue of QUEUE_NAMES) {
      result[queue] = {
        waiting: this.waiting.get(queue)?.length ?? 0,
        active: this.active.get(queue) ?? 0,
        failed: this.failed.get(queue) ?? 0,
      };
    }
    return result;
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
        this.observer.onOutcome(definition.queue, definition.name, 'rejected', elapsed);
      } else if (job.attempt < definition.attempts && !this.closed) {
        this.observer.onOutcome(definition.queue, definition.name, 'retried', elapsed);
        const retry = { ...job, attempt: job.attempt + 1 };
        this.later(RETRY_BASE_MS * 2 ** (job.attempt - 1), () => this.push(retry));
      } else {
        this.failed.set(definition.queue, (this.failed.get(definition.queue) ?? 0) + 1);
        this.observer.onOutcome(definition.queue, definition.name, 'failed', elapsed);
      }
    }
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
