import {
  CHANGES_CURSOR_KEY,
  saveTransactions,
  type PaceDatabase,
  type TransactionRecord,
} from '@/lib/db';
import { SYNC_CHANGES } from '@/features/sync/sync.operations';
import type { SyncChangesQuery } from '@/lib/graphql/generated';
import {
  adjustmentRecordOf,
  cursorSeqOf,
  categoryRecordOf,
  goalRecordOf,
  planRecordOf,
  settingsRecordOf,
  transactionRecordOf,
} from './mappers';
import type { GraphqlTransport } from './transport';
import { applySplitChange } from '@/features/splits/split-sync';
import { applyRuleChange } from '@/features/rules/rule-sync';
import { applyRecurringChange } from '@/features/transactions/recurring-sync';
import { applyCsvMappingChange } from '@/features/transactions/csv-mapping-sync';
import {
  applyExchangeRateChange,
  type WireExchangeRate,
} from '@/features/currency/exchange-rate-sync';
import { applyMoneyChange } from '@/features/money-accounts/money-account-sync';
import { applyHouseholdChange, forgetMirroredBudget } from '@/features/households/household-sync';

export const CURSOR_KEY = CHANGES_CURSOR_KEY;
const PAGE = 500;

type Change = SyncChangesQuery['changes']['changes'][number];

/**
 * Pulls `changes(since)` until the server has no more and applies them in server order. A record
 * with a mutation still queued keeps this device's copy (the replay will answer for it).
 */
export async function pullChanges(db: PaceDatabase, transport: GraphqlTransport): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = ((await db.meta.get(CURSOR_KEY))?.value as string | undefined) ?? null;
    const { changes } = await transport<SyncChangesQuery>(SYNC_CHANGES, { since, first: PAGE });
    let moved = false;
    await db.transaction(
      'rw',
      [
        db.meta,
        db.outbox,
        db.plan,
        db.settings,
        db.categories,
        db.transactions,
        db.ledger,
        db.adjustments,
        db.goals,
        db.receiptUploads,
        db.rules,
        db.recurring,
        db.csvMappings,
        db.moneyAccounts,
        db.transfers,
        db.households,
      ],
      async () => {
        // Records with a mutation still queued keep this device's copy.
        const queued = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
        const transactions = new Map<string, TransactionRecord | undefined>();
        for (const change of changes.changes) {
          if (change.kind === 'HOUSEHOLD') {
            // Joining or leaving a household changes whose budget this device mirrors.
            moved = (await applyHouseholdChange(db, change)) || moved;
            continue;
          }
          if (queued.has(change.id)) continue;
          // A split's parts keep this device's copy while a write of the split waits.
          if (change.transaction?.splitId && queued.has(change.transaction.splitId)) continue;
          if (change.transaction) {
            transactions.set(
              change.id,
              change.deleted ? undefined : transactionRecordOf(change.transaction),
            );
          } else {
            await applyChange(db, change);
          }
        }
        await saveTransactions(db, transactions);
        if (moved) await forgetMirroredBudget(db);
        // After a move the next page starts over, from the budget now acted on.
        await db.meta.put({ key: CURSOR_KEY, value: moved ? null : changes.cursor });
      },
    );
    applied += changes.changes.length;
    if (!changes.hasMore && !moved) return applied;
  }
}

/** Applies one change other than a transaction's (those are written in bulk). */
async function applyChange(db: PaceDatabase, change: Change): Promise<void> {
  if (change.settings) {
    await db.settings.put(settingsRecordOf(change.settings));
  } else if (change.plan) {
    await db.plan.put(planRecordOf(change.plan));
  } else if (change.category) {
    await db.categories.put(categoryRecordOf(change.category));
  } else if (change.adjustment) {
    if (change.deleted) await db.adjustments.delete(change.id);
    else {
      const known = await db.adjustments.get(change.id);
      const order = known?.order ?? cursorSeqOf(change.cursor);
      await db.adjustments.put(adjustmentRecordOf(change.adjustment, order));
    }
  } else if (change.goal) {
    if (change.deleted) await db.goals.delete(change.id);
    else await db.goals.put(goalRecordOf(change.goal));
  } else if (change.split) {
    await applySplitChange(db, { ...change, split: change.split });
  } else if (change.moneyAccount || change.transfer) {
    await applyMoneyChange(db, change);
  } else if (change.rule) {
    await applyRuleChange(db, { ...change, rule: change.rule });
  } else if (change.recurringTransaction) {
    await applyRecurringChange(db, {
      ...change,
      recurringTransaction: change.recurringTransaction,
    });
  } else if (change.csvMapping) {
    await applyCsvMappingChange(db, { ...change, csvMapping: change.csvMapping });
  } else if ((change as { exchangeRate?: WireExchangeRate | null }).exchangeRate) {
    // Typed locally until the generated types carry `exchangeRate` (an EXCHANGE_RATE change).
    const { exchangeRate } = change as { exchangeRate: WireExchangeRate };
    await applyExchangeRateChange(db, { ...change, exchangeRate });
  } else {
    // Typed locally until the generated types carry `receipt` (a RECEIPT change).
    const { receipt } = change as { receipt?: ReceiptChange | null };
    if (receipt) await applyReceipt(db, receipt);
  }
}

/**
 * Receipts are not mirrored (the receipts screen reads them from the server). A receipt linked to
 * a transaction booked here, whose photo still waits in this device's queue, was uploaded already
 * (its answer was lost, or another tab sent it): the photo need not be sent again.
 */
interface ReceiptChange {
  id: string;
  transactionId: string | null;
}

async function applyReceipt(db: PaceDatabase, receipt: ReceiptChange): Promise<void> {
  const { transactionId } = receipt;
  if (!transactionId) return;
  const waiting = (await db.receiptUploads.toArray()).filter(
    (upload) => upload.transactionId === transactionId && upload.receiptId === null,
  );
  for (const upload of waiting)
    await db.receiptUploads.update(upload.id, { receiptId: receipt.id, image: new Blob() });
}
