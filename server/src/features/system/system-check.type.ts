import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SystemCheckCompletedEvent } from './system-check.events';
import type { SystemCheckRow } from './system-check.table';

export enum SystemCheckStatus {
  PENDING = 'pending',
  COMPLETED = 'completed',
}
registerEnumType(SystemCheckStatus, {
  name: 'SystemCheckStatus',
  description: 'Where a system check is on its way through the job queue.',
  valuesConfig: {
    PENDING: { description: 'Recorded and queued; no job worker has completed it yet.' },
    COMPLETED: { description: 'A job worker completed it and announced it as a live event.' },
  },
});

@ObjectType({
  description: 'A synthetic end-to-end check of the API, the job queue and live events.',
})
export class SystemCheck {
  @Field(() => ID, { description: 'The check’s id, to read it again with `systemCheck(id)`.' })
  id!: string;

  @Field(() => SystemCheckStatus, { description: 'Whether a job worker has completed it yet.' })
  status!: SystemCheckStatus;

  @Field(() => String, { description: 'The API node that recorded the check.' })
  requestedByNode!: string;

  @Field(() => String, { nullable: true, description: 'The node whose job worker completed it.' })
  processedByNode!: string | null;

  @Field(() => Int, {
    description: 'Times a job handler picked the check up (1 when delivered once).',
  })
  deliveries!: number;

  @Field(() => Date, { description: 'When the check was requested.' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When a job worker completed it; null while it is PENDING.',
  })
  completedAt!: Date | null;
}

export function toSystemCheck(source: SystemCheckRow | SystemCheckCompletedEvent): SystemCheck {
  return Object.assign(new SystemCheck(), {
    ...source,
    status: source.status as SystemCheckStatus,
    createdAt: new Date(source.createdAt),
    completedAt: source.completedAt === null ? null : new Date(source.completedAt),
  });
}
