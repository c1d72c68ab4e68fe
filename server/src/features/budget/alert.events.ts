import type { LocalMonth } from '@pace/engine';
import type { AlertCandidate } from './alert.rules';

/** An alert caused by a transaction write, sent once to the user's devices. */
export interface TransactionAlertEvent extends Omit<AlertCandidate, 'cooldownMs'> {
  userId: string;
  month: LocalMonth;
  currency: string;
  transactionId: string | null;
  categoryName: string | null;
}

declare module '../../infra/pubsub/pubsub' {
  interface TopicMap {
    'budget.alert': TransactionAlertEvent;
  }
}
