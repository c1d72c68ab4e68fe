import { formatDecimal } from '@pace/engine';
import type { WebhookEventType } from './webhook.table';

/** A JSON value of a webhook's `data`. */
export type WebhookData = Record<string, unknown>;

/** One event as producers hand it in: who it belongs to, what it is, its data. */
export interface WebhookEvent {
  userId: string;
  type: WebhookEventType;
  data: WebhookData;
}

const money = (amountMinor: number, currency: string) => ({
  amount: formatDecimal(amountMinor, currency),
  currency,
});

/** The fields of a ledger row a transaction event carries (as the transactions feature has them). */
export interface TransactionFacts {
  id: string;
  userId: string;
  amountMinor: number;
  currency: string;
  direction: string;
  categoryId: string;
  description: string;
  merchant: string | null;
  occurredAt: Date;
  bookedOn: string;
  source: string;
  version: number;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type TransactionChangeKind = 'created' | 'updated' | 'deleted' | 'restored';

/** A written transaction as its webhook event; a restore is an update that clears `deletedAt`. */
export function transactionEvent(kind: TransactionChangeKind, row: TransactionFacts): WebhookEvent {
  const type: WebhookEventType =
    kind === 'created'
      ? 'transaction.created'
      : kind === 'deleted'
        ? 'transaction.deleted'
        : 'transaction.updated';
  return {
    userId: row.userId,
    type,
    data: {
      transaction: {
        id: row.id,
        amount: money(row.amountMinor, row.currency),
        direction: row.direction.toUpperCase(),
        categoryId: row.categoryId,
        description: row.description,
        merchant: row.merchant,
        occurredAt: row.occurredAt.toISOString(),
        bookedOn: row.bookedOn,
        source: row.source.toUpperCase(),
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        deletedAt: row.deletedAt?.toISOString() ?? null,
      },
    },
  };
}

/** The fields of the budget's `budget.updated` event a webhook carries (the month's totals). */
export interface BudgetUpdatedFacts {
  userId: string;
  month: string;
  currency: string;
  cause: string;
  transactionId: string | null;
  totals: {
    plannedMinor: number;
    allocatedMinor: number;
    spentMinor: number;
    deficitMinor: number;
  };
}

export function budgetUpdatedEvent(event: BudgetUpdatedFacts): WebhookEvent {
  const { totals, currency } = event;
  return {
    userId: event.userId,
    type: 'budget.updated',
    data: {
      month: event.month,
      cause: event.cause.toUpperCase(),
      transactionId: event.transactionId,
      totals: {
        planned: money(totals.plannedMinor, currency),
        allocated: money(totals.allocatedMinor, currency),
        spent: money(totals.spentMinor, currency),
        deficit: money(totals.deficitMinor, currency),
      },
    },
  };
}

/** The fields of the budget's `budget.alert` event a webhook carries. */
export interface BudgetAlertFacts {
  userId: string;
  key: string;
  kind: string;
  month: string;
  currency: string;
  transactionId: string | null;
  categoryId: string | null;
  categoryName: string | null;
  date: string | null;
  level: number | null;
  runOutOn: string | null;
  amountMinor: number;
  allocationMinor: number | null;
  milestone: number | null;
}

/** A goal milestone is its own event type; every other alert is `budget.alert`. */
export function budgetAlertEvent(alert: BudgetAlertFacts): WebhookEvent {
  const isMilestone = alert.kind === 'goal_milestone';
  return {
    userId: alert.userId,
    type: isMilestone ? 'goal.milestone' : 'budget.alert',
    data: isMilestone
      ? {
          goalCategoryId: alert.categoryId,
          name: alert.categoryName,
          percent: alert.milestone,
          saved: money(alert.amountMinor, alert.currency),
          target:
            alert.allocationMinor === null ? null : money(alert.allocationMinor, alert.currency),
        }
      : {
          kind: alert.kind.toUpperCase(),
          key: alert.key,
          month: alert.month,
          transactionId: alert.transactionId,
          categoryId: alert.categoryId,
          categoryName: alert.categoryName,
          date: alert.date,
          level: alert.level,
          runOutOn: alert.runOutOn,
          amount: money(alert.amountMinor, alert.currency),
          allocation:
            alert.allocationMinor === null ? null : money(alert.allocationMinor, alert.currency),
        },
  };
}

/** A stored in-app notification (`notification.added`). */
export function notificationEvent(row: {
  id: string;
  userId: string;
  type: string;
  params: Record<string, unknown>;
  createdAt: Date | string;
}): WebhookEvent {
  return {
    userId: row.userId,
    type: 'notification.created',
    data: {
      notification: {
        id: row.id,
        type: row.type.toUpperCase(),
        params: row.params,
        createdAt: new Date(row.createdAt).toISOString(),
      },
    },
  };
}

const MINUTE_MS = 60_000;
const RETRY_CAP_MS = 12 * 60 * MINUTE_MS;

/** The wait before retry `n` (1-based) of a round: base × 4^(n-1), at most 12 hours. */
export function retryDelayMs(retry: number, baseMs: number): number {
  return Math.min(baseMs * 4 ** Math.max(retry - 1, 0), RETRY_CAP_MS);
}

/** An endpoint whose every attempt failed for this long is switched off. */
export const DISABLE_AFTER_MS = 3 * 24 * 60 * MINUTE_MS;

export function isFailingTooLong(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}
