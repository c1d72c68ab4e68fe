import { randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { JobQueue } from '../../infra/queue/job';
import { SystemCheckError } from './system-check.errors';
import {
  SYSTEM_SCOPE,
  toSystemCheckEvent,
  type SystemCheckCompletedEvent,
} from './system-check.events';
import { processSystemCheckJob } from './system-check.jobs';
import type { SystemCheckRepository } from './system-check.repository';
import type { SystemCheckRow } from './system-check.table';
import { isUuid } from '../../graphql/ids';

export class SystemCheckService {
  constructor(
    private readonly deps: {
      repository: SystemCheckRepository;
      queue: JobQueue;
      pubsub: PubSub;
      clock: Clock;
      nodeId: string;
    },
  ) {}

  /** Records a check and hands it to the job queue. */
  async request(): Promise<SystemCheckRow> {
    const { repository, queue, clock, nodeId } = this.deps;
    const row = await repository.insert({
      id: randomUUID(),
      requestedByNode: nodeId,
      createdAt: clock.now(),
    });
    await queue.enqueue(
      processSystemCheckJob,
      { checkId: row.id },
      { jobId: `system-check-${row.id}` },
    );
    return row;
  }

  async get(id: string): Promise<SystemCheckRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row) throw new SystemCheckError('SYSTEM_CHECK_NOT_FOUND', { id });
    return row;
  }

  /** The job handler: counts the delivery, completes the check once, then announces it. */
  async process(checkId: string): Promise<void> {
    const { repository, pubsub, clock, nodeId } = this.deps;
    await repository.recordDelivery(checkId);
    const completed = await repository.complete(checkId, nodeId, clock.now());
    if (!completed) return;
    await pubsub.publish('system.checkCompleted', SYSTEM_SCOPE, toSystemCheckEvent(completed));
  }

  subscribeCompleted(): AsyncIterableIterator<SystemCheckCompletedEvent> {
    return this.deps.pubsub.subscribe('system.checkCompleted', SYSTEM_SCOPE);
  }
}
