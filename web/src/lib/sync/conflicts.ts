import type { ConflictRecord, PaceDatabase } from '@/lib/db';

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
  await db.transaction('rw', [db.conflicts, db.outbox, db.transactions, db.goals], async () => {
    await db.conflicts.delete(conflict.id);
    const table = conflict.entity === 'goal' ? db.goals : db.transactions;
    if (choice === 'theirs') {
      if (conflict.server) await table.put(conflict.server as never);
      else if (conflict.operationName.startsWith('create')) await table.delete(conflict.id);
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
  });
}
