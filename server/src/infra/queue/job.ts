import type { z } from 'zod';

/** Queues are few and named: each one can get its own workers and concurrency when scaled out. */
export const QUEUE_NAMES = [
  'system',
  'notifications',
  'email',
  'ocr',
  'insights',
  'scheduler',
  'imports',
  'webhooks',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The queue's store (Redis) did not take a job in time: nothing was queued; try again. */
export class QueueUnavailableError extends Error {
  constructor(jobName: string) {
    super(`the queue did not take ${jobName} in time`);
    this.name = 'QueueUnavailableError';
  }
}

export interface JobContext {
  /** Id given by the queue; stable across retries of the same job. */
  jobId: string;
  attempt: number;
}

/** What a producer needs to enqueue a job: a versioned name, its queue and a zod payload. */
export interface JobSpec<TPayload> {
  name: string;
  version: number;
  queue: QueueName;
  payload: z.ZodType<TPayload>;
  attempts: number;
}

/**
 * A job spec bound to its handler (in the composition root, where services exist). Handlers load
 * current state and exit when the work is already done, so a job that runs twice does no harm.
 */
export interface JobDefinition<TPayload> extends JobSpec<TPayload> {
  handle(payload: TPayload, context: JobContext): Promise<void>;
}

/** Binds a spec to the handler that runs it. */
export function bindJob<T>(
  spec: JobSpec<T>,
  handle: (payload: T, context: JobContext) => Promise<void>,
): JobDefinition<T> {
  return { ...spec, handle };
}

// The registry holds definitions of many payload types; each validates its own payload.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** The wire format of a job, identical in BullMQ and in the in-process runner. */
export interface JobEnvelope {
  v: number;
  payload: unknown;
}

/** BullMQ rejects custom ids containing `:`; both runners apply the same rule. */
export function assertJobId(jobId: string): void {
  if (!/^[\w.-]{1,200}$/.test(jobId)) {
    throw new Error(
      `Job id ${JSON.stringify(jobId)} must be 1-200 letters, digits, '_', '.' or '-'.`,
    );
  }
}

export interface EnqueueOptions {
  /** Derive from the work (e.g. `receipt-<id>-v<attempt>`); a reused id is ignored by both runners. */
  jobId?: string;
  delayMs?: number;
}

/** Jobs of one queue by state; `waiting` excludes `delayed` (retries in back-off, delayed enqueues). */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** A job that used up its attempts (or was rejected) and stays until retried or expired. */
export interface FailedJob {
  id: string;
  name: string;
  /** The last error's message, at most 500 characters. */
  reason: string;
  attemptsMade: number;
  failedAt: Date | null;
}

/** Job error messages kept with failed jobs are cut to this length. */
export const FAILED_REASON_MAX = 500;

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  enqueue<T>(spec: JobSpec<T>, payload: T, options?: EnqueueOptions): Promise<string>;
  /**
   * Runs a job every `everyMs`: one schedule per job name, however many nodes declare it (BullMQ
   * job scheduler), or a timer of this process in the embedded mode.
   */
  repeat<T>(spec: JobSpec<T>, payload: T, everyMs: number): Promise<void>;
  /** Whether the job's schedule is registered (a Redis that restarted empty has none). */
  hasSchedule(spec: JobSpec<unknown>): Promise<boolean>;
  /** Jobs per queue and state, for metrics, health and the admin queue status. */
  counts(): Promise<Record<QueueName, QueueCounts>>;
  /** The queue's failed jobs the runner still keeps, newest first. */
  listFailed(queue: QueueName, limit: number): Promise<FailedJob[]>;
  /**
   * Puts a failed job back into its queue with its attempts renewed; false when the queue keeps no
   * failed job with this id (never failed, already retried, or removed after 7 days).
   */
  retryFailed(queue: QueueName, jobId: string): Promise<boolean>;
  close(): Promise<void>;
}

export type JobOutcome = 'completed' | 'failed' | 'retried' | 'rejected';

export interface JobObserver {
  onOutcome(queue: QueueName, name: string, outcome: JobOutcome, durationMs: number): void;
  onError(error: unknown, job: { queue: QueueName; name: string; id: string }): void;
}

/** Validates an envelope against its definition and runs the handler. */
export async function runEnvelope(
  definition: AnyJobDefinition,
  envelope: JobEnvelope,
  context: JobContext,
): Promise<void> {
  if (envelope.v !== definition.version) {
    throw new JobRejectedError(
      `job ${definition.name} has version ${envelope.v}, this build handles ${definition.version}`,
    );
  }
  const parsed = definition.payload.safeParse(envelope.payload);
  if (!parsed.success) {
    throw new JobRejectedError(
      `job ${definition.name} has an invalid payload: ${parsed.error.message}`,
    );
  }
  await definition.handle(parsed.data, context);
}

/** A job that can never succeed (wrong version or payload); it is not retried. */
export class JobRejectedError extends Error {
  override name = 'JobRejectedError';
}
