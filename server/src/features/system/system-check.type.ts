import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SystemCheckCompletedEvent } from './system-check.events';
import type { SystemCheckRow } from './system-check.table';

export enum SystemCheckStatus {
  PENDING = 'pending',
  COMPLETED = 'completed',
}
registerEnumType(SystemCheckStatus, { name: 'SystemCheckStatus' });

@ObjectType({
  description: 'A synthetic end-to-end check of the API, the job queue and live events.',
})
export class SystemCheck {
  @Field(() => ID)
  id!: string;

  @Field(() => SystemCheckStatus)
  status!: SystemCheckStatus;

  @Field(() => String, { description: 'The API node that recorded the check.' })
  requestedByNode!: string;

  @Field(() => String, { nullable: true, description: 'The node whose job worker completed it.' })
  processedByNode!: string | null;

  @Field(() => Int, {
    description: 'Times a job handler picked the check up (1 when delivered once).',
  })
  deliveries!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
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
