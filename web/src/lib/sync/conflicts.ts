import {
  saveTransaction,
  type ConflictRecord,
  type GoalRecord,
  type PaceDatabase,
  type TransactionRecord,
} from '@/lib/db';

/**
 * Settles a conflict or a rejection the way the person chose. `mine` sends this device's edit
 * again, based on the server's current version; `theirs` keeps the server's copy (for a rejected
 * create: discards the local record).
 */
export async function resolveConflict(
  db: PaceDatabase,
  conflict: ConflictRecord,
  choice: 'mine' | 'theirs',
): Promise<void> {
  await db.transaction(
    'rw',
    [db.conflicts, db.outbox, db.transactions, db.ledger, db.goals],
    async () => {
      await db.conflicts.delete(conflict.id);
      if (choice === 'theirs') {
        const discard = !conflict.server && conflict.operationName.startsWith('create');
        if (conflict.entity === 'goal') {
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
}
