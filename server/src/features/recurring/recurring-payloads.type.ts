import { Field, ObjectType } from 'type-graphql';
import { RecurringTransaction } from './recurring.type';

@ObjectType({ description: 'The recurring expense `scheduleRecurringTransaction` stored.' })
export class ScheduleRecurringTransactionPayload {
  @Field(() => RecurringTransaction, {
    description: 'The schedule, with the occurrences already due posted.',
  })
  recurringTransaction!: RecurringTransaction;
}

@ObjectType({ description: 'The recurring expense `stopRecurringTransaction` ended.' })
export class StopRecurringTransactionPayload {
  @Field(() => RecurringTransaction, {
    description: 'The schedule with its last day set; what was posted stays in the ledger.',
  })
  recurringTransaction!: RecurringTransaction;
}
