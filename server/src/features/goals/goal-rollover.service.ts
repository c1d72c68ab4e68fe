import { createHash } from 'node:crypto';
import { localDayBounds, splitSurplusToGoals, type LocalMonth } from '@pace/engine';
import type { Db } from '../../infra/db/database';
import type { MonthCloseHandler } from '../budget';
import type { TransactionRepository } from '../transactions';
import type { GoalRepository } from './goal.repository';
import { goalCategoryOf, type GoalContributionReader } from './goal.service';

/**
 * The id of the transfer a month's close books for a goal: a name-based (version 5) UUID of the
 * person, the closed month and the goal, so a close made again finds what it booked.
 */
export function rolloverTransactionId(userId: string, month: LocalMonth, goalId: string): string {
  const namespace = Buffer.from(userId.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1')
    .update(namespace)
    .update(`goal-rollover:${month}:${goalId}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Surplus rollover into goals (docs/goals.md): at a month's close, the surplus goes to the active
 * goals by priority, each up to what it still needs, as one transfer per goal booked on
 * `goal:<id>` on the new month's first day (source `goal_rollover`). Transfers are not spending,
 * so neither month's computation sees them; they count in what the goal has saved, and editing or
 * deleting one undoes it. A close that finds any of its transfers (live or deleted) moves nothing.
 */
export function goalSurplusRollover(deps: {
  repository: GoalRepository;
  contributions: GoalContributionReader;
  transactions: TransactionRepository;
}): MonthCloseHandler {
  return async (tx: Db, close) => {
    if (close.surplusMinor <= 0) return;
    const rows = await deps.repository.with(tx).list(close.userId);
    if (rows.length === 0) return;
    const ledger = deps.transactions.with(tx);
    const idOf = (goalId: string) => rolloverTransactionId(close.userId, close.closedMonth, goalId);
    const booked = await Promise.all(rows.map((row) => ledger.find(idOf(row.id))));
    if (booked.some((row) => row !== null)) return;
    const saved = await deps.contributions(tx, close.userId);
    const split = splitSurplusToGoals(
      close.surplusMinor,
      rows.map((row) => ({
        id: row.id,
        targetMinor: row.targetMinor,
        savedMinor: saved.get(goalCategoryOf(row.id)) ?? 0,
        status: row.status,
        priority: row.priority,
      })),
    );
    const names = new Map(rows.map((row) => [row.id, row.name]));
    const occurredAt = new Date(localDayBounds(close.opensOn, close.timeZone).startsAt);
    for (const share of split.shares) {
      await ledger.insertUnlessExists({
        id: idOf(share.goalId),
        userId: close.userId,
        amountMinor: share.amountMinor,
        currency: close.currency,
        direction: 'transfer',
        categoryId: goalCategoryOf(share.goalId),
        description: `Left over from ${close.closedMonth}, put aside for ${names.get(share.goalId) ?? 'a goal'}`,
        merchant: null,
        occurredAt,
        bookedOn: close.opensOn,
        source: 'goal_rollover',
        createdAt: close.now,
        updatedAt: close.now,
      });
    }
  };
}
