import { normaliseTags, type TagProblem } from '@pace/engine';
import type { PaceDatabase } from '@/lib/db';
import { enqueue, notifyLocalWrite } from '@/lib/sync';
import { retagDevice, tagUndoKeyOf, type TagChange } from './tag-sync';

/** A tag change the device did or refused (a new name the tag rules refuse: nothing is written). */
export type TagWriteResult =
  { ok: true; change: TagChange; transactionCount: number } | { ok: false; problem: TagProblem };

/**
 * Applies a change to this device's transactions at once and queues it in the outbox, in one
 * IndexedDB transaction; the replay sends it when the server can be reached. Returns how many
 * live transactions on the device changed.
 */
async function writeTagChange(db: PaceDatabase, change: TagChange): Promise<number> {
  const recordId = `tag-change:${crypto.randomUUID()}`;
  const changed = await db.transaction('rw', db.transactions, db.outbox, db.meta, async () => {
    const undo = await retagDevice(db, change, { pending: true });
    await db.meta.put({ key: tagUndoKeyOf(recordId), value: undo });
    const variables =
      change.kind === 'rename' ? { from: change.from, to: change.to } : { tag: change.tag };
    await enqueue(db, change.kind === 'rename' ? 'renameTag' : 'deleteTag', recordId, variables);
    const live = await db.transactions.bulkGet(Object.keys(undo));
    return live.filter((record) => record && !record.deletedAt).length;
  });
  notifyLocalWrite();
  return changed;
}

/**
 * Renames `from` to `to` on every transaction (merging where both are present), both spelt as the
 * server will store them. A name that is already `from` changes nothing and queues nothing.
 */
export async function renameTag(
  db: PaceDatabase,
  from: string,
  to: string,
): Promise<TagWriteResult> {
  const result = normaliseTags([from, to]);
  if (!result.ok) return { ok: false, problem: result.problem };
  const [old = '', renamed = old] = result.tags;
  const change: TagChange = { kind: 'rename', from: old, to: renamed };
  if (old === renamed) return { ok: true, change, transactionCount: 0 };
  return { ok: true, change, transactionCount: await writeTagChange(db, change) };
}

/** Removes a tag from every transaction; the transactions stay. */
export async function deleteTag(db: PaceDatabase, tag: string): Promise<TagWriteResult> {
  const result = normaliseTags([tag]);
  if (!result.ok) return { ok: false, problem: result.problem };
  const change: TagChange = { kind: 'delete', tag: result.tags[0] ?? '' };
  return { ok: true, change, transactionCount: await writeTagChange(db, change) };
}
