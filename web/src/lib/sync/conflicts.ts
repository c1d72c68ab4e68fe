import { parseDecimal } from '@pace/engine';
import { notifyLocalWrite } from './outbox';
import {
  saveTransaction,
  type ConflictRecord,
  type GoalRecord,
  type PaceDatabase,
  type TransactionRecord,
} from '@/lib/db';
import { discardUnsentSplit } from '@/features/splits/split-sync';
import { isTagOperation, undoTagChange } from '@/features/tags/tag-sync';
import { settleRuleConflict } from '@/features/rules/rule-sync';

/**
 * Settles a conflict or a rejection the way the person chose. `mine` sends this device's edit
 * again, based on the server's current version; `theirs` keeps the server's copy (for a rejected
 * create: discards the local record). Keeping mine shows it on the device at once (pending) and
 * wakes the sync engine, so the edit reaches the server without waiting for another write.
 */
export async function resolveConflict(
  db: PaceDatabase,
  conflict: ConflictRecord,
  choice: 'mine' | 'theirs',
): Promise<void> {
  await db.transaction(
    'rw',
    [db.conflicts, db.outbox, db.transactions, db.ledger, db.goals, db.habits, db.meta, db.rules],
    async () => {
      await db.conflicts.delete(conflict.id);
      if (choice === 'theirs') {
        const discard = !conflict.server && conflict.operationName.startsWith('create');
        // A refused habit or mood change: the next read of the habits screen restores the
        // server's copy; a refused new habit leaves this device at once.
        if (conflict.entity === 'habit' || conflict.entity === 'mood') {
          if (discard) await db.habits.delete(conflict.id);
        } else if (conflict.entity === 'rule') {
          await settleRuleConflict(db, conflict, choice);
        } else if (isTagOperation(conflict.operationName)) {
          // A refused tag rename or removal: the transactions it changed get their tags back.
          await undoTagChange(db, conflict.id);
        } else if (conflict.operationName === 'createSplitTransaction') {
          // A refused split leaves the device with its parts (its payment shows again).
          await discardUnsentSplit(db, conflict.id, conflict.variables);
        } else if (conflict.entity === 'goal') {
          if (conflict.server) await db.goals.put(conflict.server as GoalRecord);
          else if (discard) await db.goals.delete(conflict.id);
        } else if (conflict.server || discard) {
          await saveTransaction(
            db,
            conflict.id,
            (conflict.server as TransactionRecord | null) ?? undefined,
          );
        }
        return;
      }
      const variables = structuredClone(conflict.variables);
      const input = variables.input as Record<string, unknown> | undefined;
      if (input && conflict.server) input.baseVersion = conflict.server.version;
      if (conflict.entity === 'rule') await settleRuleConflict(db, conflict, choice);
      if (conflict.entity === 'transaction' && conflict.server && input) {
        const server = conflict.server as TransactionRecord;
        await saveTransaction(db, conflict.id, { ...withEdit(server, input), pending: 1 });
      }
      await db.outbox.add({
        mutationId: crypto.randomUUID(),
        operationName: conflict.operationName,
        recordId: conflict.id,
        variables,
        createdAt: new Date().toISOString(),
        attempts: 0,
        lastError: null,
      });
    },
  );
  if (choice === 'mine') notifyLocalWrite();
}

/** The server's copy with this device's edit (the API input of an update) laid over it. */
function withEdit(server: TransactionRecord, input: Record<string, unknown>): TransactionRecord {
  const record = { ...server };
  if (typeof input.amount === 'string') {
    record.amountMinor = parseDecimal(input.amount, server.currency);
  }
  if (typeof input.categoryId === 'string') record.categoryId = input.categoryId;
  if (typeof input.bookedOn === 'string') record.bookedOn = input.bookedOn;
  if (typeof input.description === 'string') {
    record.note = input.description.trim() ? input.description.trim() : null;
  }
  if (Array.isArray(input.tags))
    record.tags = input.tags.filter((tag): tag is string => typeof tag === 'string');
  return record;
}
