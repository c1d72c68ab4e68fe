import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobOutcome, JobQueue, QueueName } from './queue/job';

/** Prometheus metrics of one process; `/metrics` serialises `registry`. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'pace_http_requests_total',
    help: 'HTTP requests by method, route and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'pace_http_request_duration_seconds',
    help: 'HTTP request duration.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'pace_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'pace_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'pace_graphql_errors_total',
    help: 'GraphQL errors by operation and extensions.code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  readonly subscriptionsOpen = new Gauge({
    name: 'pace_subscriptions_open',
    help: 'Open GraphQL subscriptions on this node.',
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'pace_jobs_total',
    help: 'Jobs run by queue, name and outcome.',
    labelNames: ['queue', 'name', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobRowsSkipped = new Counter({
    name: 'pace_job_rows_skipped_total',
    help: 'Rows a scheduled job could not process and skipped, by job and error code.',
    labelNames: ['name', 'code'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'pace_job_duration_seconds',
    help: 'Job run time by queue and name.',
    labelNames: ['queue', 'name'] as const,
    buckets: [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 15, 60],
    registers: [this.registry],
  });

  constructor(options: { defaults?: boolean } = {}) {
    if (options.defaults !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'pace_' });
  }

  recordJob(queue: QueueName, name: string, outcome: JobOutcome, durationMs: number): void {
    this.jobs.inc({ queue, name, outcome });
    this.jobDuration.observe({ queue, name }, durationMs / 1000);
  }

  /** Queue depth is read from the queue when Prometheus scrapes, so it is never stale. */
  watchQueue(queue: JobQueue): void {
    const registry = this.registry;
    new Gauge({
      name: 'pace_queue_jobs',
      help: 'Jobs in each queue by state.',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        const counts = await queue.counts().catch(() => undefined);
        if (!counts) return;
        for (const [name, c] of Object.entries(counts)) {
          this.set({ queue: name, state: 'waiting' }, c.waiting);
          this.set({ queue: name, state: 'active' }, c.active);
          this.set({ queue: name, state: 'delayed' }, c.delayed);
          this.set({ queue: name, state: 'failed' }, c.failed);
        }
      },
    });
  }
}
