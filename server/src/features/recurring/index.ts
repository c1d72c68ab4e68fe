export { recurringTransactions } from './recurring.table';
export { RecurringRepository } from './recurring.repository';
export { RecurringService } from './recurring.service';
export { RecurringResolver } from './recurring.resolver';
export { postRecurringJob } from './recurring.jobs';
export { RecurringError } from './recurring.errors';
export { recurringTransactionNode } from './recurring.node-source';
export { schedulesDueOn } from './recurring.rules';
