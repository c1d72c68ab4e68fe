import type { CategoryMonthView, LocalMonth, MonthTotals } from '@pace/engine';
import type { SnapshotDay, SnapshotMove } from './month-snapshot.rules';

export type BudgetUpdateCause = 'transaction' | 'plan' | 'settings';

/** A month recomputed after a write: the changed days and categories and the moves explaining them. */
export interface BudgetUpdatedEvent {
  userId: string;
  month: LocalMonth;
  currency: string;
  cause: BudgetUpdateCause;
  transactionId: string | null;
  totals: MonthTotals;
  /** Names of every category of the month, for the changed days' cells. */
  categoryNames: Record<string, string>;
  days: SnapshotDay[];
  categories: CategoryMonthView[];
  movesAdded: SnapshotMove[];
  movesUndone: SnapshotMove[];
}

declare module '../../infra/pubsub/pubsub' {
  interface TopicMap {
    'budget.updated': BudgetUpdatedEvent;
  }
}
