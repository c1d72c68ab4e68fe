import type { Clock } from '../infra/clock';
import type { Database } from '../infra/db/database';
import type { PubSub } from '../infra/pubsub/pubsub';
import type { AnyJobDefinition, JobQueue } from '../infra/queue/job';
import { bindJob } from '../infra/queue/job';
import {
  SystemCheckRepository,
  SystemCheckResolver,
  SystemCheckService,
  processSystemCheckJob,
} from '../features/system';

export interface ServiceDeps {
  database: Database;
  pubsub: PubSub;
  queue: JobQueue;
  clock: Clock;
  nodeId: string;
}

/** The use cases of every feature, wired once per process. */
export interface Services {
  systemChecks: SystemCheckService;
}

export function createServices(deps: ServiceDeps): Services {
  const { database, ...rest } = deps;
  return {
    systemChecks: new SystemCheckService({ ...rest, repository: new SystemCheckRepository(database.db) }),
  };
}

/** Resolver classes in schema order; `resolverInstances` builds them from the services. */
export const RESOLVER_CLASSES = [SystemCheckResolver] as const;

export function resolverInstances(services: Services): Map<unknown, unknown> {
  return new Map<unknown, unknown>([[SystemCheckResolver, new SystemCheckResolver(services.systemChecks)]]);
}

/** Every job this build can run, bound to its service. */
export function jobDefinitions(services: Services): AnyJobDefinition[] {
  return [bindJob(processSystemCheckJob, ({ checkId }) => services.systemChecks.process(checkId))];
}
