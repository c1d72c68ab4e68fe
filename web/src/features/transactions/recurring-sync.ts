import { parseDecimal } from '@pace/engine';
import type { PaceDatabase, RecurringFrequencyName, RecurringRecord } from '@/lib/db';

/** A recurring expense as `changes(since)` sends it. */
export interface WireRecurring {
  id: string;
  amount: { amount: string; currency: string };
  categoryId: string;
  description: string;
  frequency: RecurringFrequencyName;
  interval: number;
  dayNumber: number;
  monthOfYear?: number | null;
  previousId?: string | null;
  startOn: string;
  endOn?: string | null;
  postedThrough?: string | null;
  accountId?: string | null;
  memberId?: string | null;
}

/** The device's copy of a recurring expense; the amount in exact minor units. */
export function recurringRecordOf(recurring: WireRecurring): RecurringRecord {
  const { currency } = recurring.amount;
  return {
    id: recurring.id,
    amountMinor: parseDecimal(recurring.amount.amount, currency),
    currency,
    categoryId: recurring.categoryId,
    description: recurring.description,
    frequency: recurring.frequency,
    interval: recurring.interval,
    dayNumber: recurring.dayNumber,
    monthOfYear: recurring.monthOfYear ?? null,
    previousId: recurring.previousId ?? null,
    startOn: recurring.startOn,
    endOn: recurring.endOn ?? null,
    postedThrough: recurring.postedThrough ?? null,
    accountId: recurring.accountId ?? null,
    memberId: recurring.memberId ?? null,
  };
}

/**
 * Applies a RECURRING change of `changes(since)`: the rule as it is now (created, changed, ended
 * or posted further). Recurring expenses are ended, not deleted; a tombstone still removes one.
 */
export async function applyRecurringChange(
  db: PaceDatabase,
  change: { id: string; deleted: boolean; recurringTransaction: WireRecurring },
): Promise<void> {
  if (change.deleted) {
    await db.recurring.delete(change.id);
    return;
  }
  await db.recurring.put(recurringRecordOf(change.recurringTransaction));
}

/** The budget's recurring expenses on this device, by first day (then id), as the server lists them. */
export async function mirroredRecurring(db: PaceDatabase): Promise<RecurringRecord[]> {
  const rows = await db.recurring.toArray();
  return rows.sort((a, b) =>
    a.startOn === b.startOn ? (a.id < b.id ? -1 : 1) : a.startOn < b.startOn ? -1 : 1,
  );
}
