import type { OutboxEntry, OutboxOperation, PaceDatabase, TransactionRecord } from '@/lib/db';

/**
 * A tag renamed or removed across the whole ledger, on this device: the same rule as the server's
 * one `UPDATE` (docs/search.md). Renaming puts the new name in the old one's place, or, where the
 * transaction already has the new name, drops the old one (the two merge).
 */
export type TagChange =
  { kind: 'rename'; from: string; to: string } | { kind: 'delete'; tag: string };

/** The API's answer to a rename or a removal: the rows themselves reach devices through changes. */
export interface WireTagPayload {
  tag: string;
  transactionCount: number;
  /** Each transaction the change wrote, with its version now. */
  changed: Array<{ id: string; version: number }>;
}

/** The outbox operations of tag changes. */
export const TAG_OPERATIONS: readonly OutboxOperation[] = ['renameTag', 'deleteTag'];

export const isTagOperation = (operation: OutboxOperation): boolean =>
  TAG_OPERATIONS.includes(operation);

/** Where the device keeps the tags a queued change replaced, to give them back if it is refused. */
export const tagUndoKeyOf = (recordId: string): string => `tag-undo:${recordId}`;

/** Per transaction id: its tags before and after the change on this device. */
export type TagUndo = Record<string, { before: string[]; after: string[] }>;

/** The tag a change removes from the transactions that carry it. */
export const tagOf = (change: TagChange): string =>
  change.kind === 'rename' ? change.from : change.tag;

/** A transaction's tags after the change (the same array when it does not carry the tag). */
export function retag(tags: readonly string[], change: TagChange): readonly string[] {
  const old = tagOf(change);
  if (!tags.includes(old)) return tags;
  if (change.kind === 'delete' || tags.includes(change.to)) return tags.filter((t) => t !== old);
  return tags.map((t) => (t === old ? change.to : t));
}

/** The change an outbox entry (or a refused one kept as a conflict) carries. */
export function tagChangeOf(
  operation: OutboxOperation,
  variables: Record<string, unknown>,
): TagChange | null {
  if (
    operation === 'renameTag' &&
    typeof variables.from === 'string' &&
    typeof variables.to === 'string'
  )
    return { kind: 'rename', from: variables.from, to: variables.to };
  if (operation === 'deleteTag' && typeof variables.tag === 'string')
    return { kind: 'delete', tag: variables.tag };
  return null;
}

/**
 * Applies a change to every transaction on the device that carries the tag (deleted ones too, as
 * the server does); `skip` leaves some out. Returns what changed, per transaction id. Run inside a
 * transaction over `transactions` (tags never move the ledger's sums, so the ledger is untouched).
 */
export async function retagDevice(
  db: PaceDatabase,
  change: TagChange,
  options: { pending: boolean; skip?: (record: TransactionRecord) => boolean },
): Promise<TagUndo> {
  const carrying = await db.transactions.where('tags').equals(tagOf(change)).toArray();
  const changed: TagUndo = {};
  const updates: TransactionRecord[] = [];
  for (const record of carrying) {
    if (options.skip?.(record)) continue;
    const before = record.tags ?? [];
    const after = [...retag(before, change)];
    changed[record.id] = { before: [...before], after };
    updates.push({ ...record, tags: after, ...(options.pending ? { pending: 1 as const } : {}) });
  }
  await db.transactions.bulkPut(updates);
  return changed;
}

const sameTags = (a: readonly string[] | undefined, b: readonly string[]) =>
  (a ?? []).length === b.length && b.every((tag, index) => a?.[index] === tag);

/**
 * The server took a queued tag change. Transactions whose own write was answered meanwhile hold
 * the server's copy from before the change: the change is laid over them again. Those with nothing
 * left in the outbox are no longer pending; `changes` brings their new versions on the next pull.
 *
 * A transaction the server moved exactly one version past this device's copy changed by this
 * change alone, which the device already shows: the copy takes that version, and edits queued
 * after the change are sent against it, so they are not taken for an edit made elsewhere. One the
 * server had changed elsewhere too stays behind, and its queued edit is a conflict as it should be.
 */
export async function acknowledgeTagChange(
  db: PaceDatabase,
  entry: OutboxEntry,
  payload: Pick<WireTagPayload, 'changed'>,
): Promise<void> {
  const change = tagChangeOf(entry.operationName, entry.variables);
  const key = tagUndoKeyOf(entry.recordId);
  const undo = ((await db.meta.get(key))?.value ?? {}) as TagUndo;
  await db.meta.delete(key);
  if (!change) return;
  await rebaseQueuedEdits(db, payload.changed);
  const queued = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
  await retagDevice(db, change, { pending: false, skip: (record) => queued.has(record.id) });
  const settled = Object.keys(undo).filter((id) => !queued.has(id));
  const records = await db.transactions.bulkGet(settled);
  await db.transactions.bulkPut(
    records.flatMap((record) => (record?.pending ? [{ ...record, pending: 0 as const }] : [])),
  );
}

/**
 * A refused tag change the person chose not to send again: each transaction it changed on this
 * device gets its tags back, unless it was edited since (then its tags are what the person wrote).
 */
export async function undoTagChange(db: PaceDatabase, recordId: string): Promise<void> {
  const key = tagUndoKeyOf(recordId);
  const undo = ((await db.meta.get(key))?.value ?? {}) as TagUndo;
  await db.meta.delete(key);
  const ids = Object.keys(undo);
  const records = await db.transactions.bulkGet(ids);
  const queued = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
  const restored = records.flatMap((record) => {
    const was = record ? undo[record.id] : undefined;
    if (!record || !was || !sameTags(record.tags, was.after)) return [];
    return [{ ...record, tags: was.before, pending: queued.has(record.id) ? record.pending : 0 }];
  });
  await db.transactions.bulkPut(restored);
}

/** See `acknowledgeTagChange`: copies one version behind the server's take it, with their queued edits. */
async function rebaseQueuedEdits(
  db: PaceDatabase,
  changed: ReadonlyArray<{ id: string; version: number }>,
): Promise<void> {
  const records = await db.transactions.bulkGet(changed.map((row) => row.id));
  for (const [index, record] of records.entries()) {
    const server = changed[index];
    if (!record || !server || server.version !== record.version + 1) continue;
    await db.transactions.update(record.id, { version: server.version });
    const queued = await db.outbox.where('recordId').equals(record.id).toArray();
    for (const queuedEntry of queued) {
      const input = queuedEntry.variables.input as Record<string, unknown> | undefined;
      if (queuedEntry.operationName !== 'updateTransaction' || !input) continue;
      if (input.baseVersion !== record.version || queuedEntry.seq === undefined) continue;
      await db.outbox.update(queuedEntry.seq, {
        variables: { ...queuedEntry.variables, input: { ...input, baseVersion: server.version } },
      });
    }
  }
}
