import { Field, ObjectType } from 'type-graphql';
import { SystemCheck } from './system-check.type';

@ObjectType({ description: 'The system check `startSystemCheck` queued.' })
export class StartSystemCheckPayload {
  @Field(() => SystemCheck, {
    description: 'The check as far as it has come; follow it with `systemCheck(id)`.',
  })
  systemCheck!: SystemCheck;
}
