/**
 * Shapes of the rows the PWA mirrors from the server (§5 of the architecture). Money is an integer
 * of minor units beside its ISO 4217 currency; dates are local `YYYY-MM-DD`, months `YYYY-MM`,
 * instants ISO 8601 in UTC.
 */

export type CategoryBehaviour = 'fixed' | 'spread' | 'clustered';
export type CategoryPriority = 'sacred' | 'protected' | 'flexible' | 'discretionary' | 'buffer';
export type TransactionDirection = 'expense' | 'income' | 'transfer';
export type GoalStatus = 'active' | 'paused' | 'completed' | 'cancelled';

/** Fields every mirrored row has: the server version an edit is based on, and its last change. */
export interface SyncedRecord {
  /** Server version this copy was read at; an edit sends it so the server can detect conflicts. */
  version: number;
  updatedAt: string;
}

/** The month plan as the engine produces it, stored as plain JSON keyed by its month. */
export interface PlanRecord extends SyncedRecord {
  month: string;
  currency: string;
  /** The engine's plan object; typed once the web reads it through `@pace/engine`. */
  plan: unknown;
}

export interface CategoryRecord extends SyncedRecord {
  id: string;
  name: string;
  behaviour: CategoryBehaviour;
  priority: CategoryPriority;
}

export interface TransactionRecord extends SyncedRecord {
  /** Client-generated UUID, so replaying the outbox never creates the transaction twice. */
  id: string;
  categoryId: string;
  direction: TransactionDirection;
  amountMinor: number;
  currency: string;
  /** Local date in the user's time zone, fixed when the transaction was written. */
  bookedOn: string;
  occurredAt: string;
  merchant: string | null;
  note: string | null;
}

export interface GoalRecord extends SyncedRecord {
  id: string;
  name: string;
  targetMinor: number;
  savedMinor: number;
  currency: string;
  targetOn: string | null;
  status: GoalStatus;
  priority: number;
}

/** A mutation made on this device and not yet acknowledged by the server, replayed in `seq` order. */
export interface OutboxEntry {
  /** Auto-incremented on insert; the replay order. */
  seq?: number;
  /** Client-generated UUID of this mutation, sent with it so a replay is recognised. */
  mutationId: string;
  /** Name of the GraphQL operation to replay. */
  operationName: string;
  variables: Record<string, unknown>;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

/** Small key/value facts about the local mirror, such as the sync cursor. */
export interface MetaEntry {
  key: string;
  value: unknown;
}
