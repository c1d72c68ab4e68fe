import { formatDecimal } from '@pace/engine';
import { saveTransaction, type PaceDatabase, type TransactionRecord } from '@/lib/db';
import { enqueue, notifyLocalWrite, pendingFor } from '@/lib/sync';
import { discardUnsentSplit, readSplit, replaceParts, saveSplit } from './split-sync';

/**
 * Split payments written on this device: the split and its parts change the mirror at once
 * (pending, so the month figures move like a plain transaction's) and the mutation waits in the
 * outbox with client ids for the split and each part, so a replay creates nothing twice.
 */

const newId = (): string => crypto.randomUUID();
const nowIso = (): string => new Date().toISOString();

export interface SplitPartDraft {
  /** An existing part's transaction id (kept by an edit); a new part gets one. */
  id?: string;
  categoryId: string;
  amountMinor: number;
  note?: string | null;
}

export interface NewSplit {
  totalMinor: number;
  currency: string;
  /** Local date in the budget's time zone. */
  bookedOn: string;
  payee?: string | null;
  parts: readonly SplitPartDraft[];
  /** A plain transaction of this device's mirror that the split takes the place of. */
  replaces?: TransactionRecord | null;
}

interface PartShape {
  splitId: string;
  currency: string;
  bookedOn: string;
  occurredAt: string;
  payee: string | null;
}

function partRecords(
  parts: readonly (SplitPartDraft & { id: string })[],
  shape: PartShape,
  known: ReadonlyMap<string, TransactionRecord>,
): TransactionRecord[] {
  const now = nowIso();
  return parts.map((part) => ({
    ...known.get(part.id),
    id: part.id,
    categoryId: part.categoryId,
    direction: 'expense',
    amountMinor: part.amountMinor,
    currency: shape.currency,
    bookedOn: shape.bookedOn,
    occurredAt: shape.occurredAt,
    merchant: shape.payee,
    note: part.note?.trim() ? part.note.trim() : null,
    source: known.get(part.id)?.source ?? 'MANUAL',
    splitId: shape.splitId,
    version: known.get(part.id)?.version ?? 0,
    updatedAt: now,
    deletedAt: null,
    pending: 1,
  }));
}

const wireParts = (parts: readonly (SplitPartDraft & { id: string })[], currency: string) =>
  parts.map((part) => ({
    id: part.id,
    categoryId: part.categoryId,
    amount: formatDecimal(part.amountMinor, currency),
    ...(part.note?.trim() ? { note: part.note.trim() } : {}),
  }));

const withIds = (parts: readonly SplitPartDraft[]) =>
  parts.map((part) => ({ ...part, id: part.id ?? newId() }));

/** Records a split payment on this device; returns its client id. */
export async function addSplit(db: PaceDatabase, input: NewSplit): Promise<string> {
  const id = newId();
  const now = nowIso();
  const payee = input.payee?.trim() ? input.payee.trim() : null;
  const parts = withIds(input.parts);
  const shape = {
    splitId: id,
    currency: input.currency,
    bookedOn: input.bookedOn,
    occurredAt: now,
    payee,
  };
  await db.transaction('rw', [db.meta, db.transactions, db.outbox, db.ledger], async () => {
    if (input.replaces)
      await saveTransaction(db, input.replaces.id, {
        ...input.replaces,
        deletedAt: now,
        pending: 1,
      });
    for (const part of partRecords(parts, shape, new Map()))
      await saveTransaction(db, part.id, part);
    await saveSplit(db, id, {
      id,
      totalMinor: input.totalMinor,
      currency: input.currency,
      bookedOn: input.bookedOn,
      occurredAt: now,
      payee,
      description: '',
      partIds: parts.map((part) => part.id),
      version: 0,
      updatedAt: now,
      pending: 1,
    });
    await enqueue(db, 'createSplitTransaction', id, {
      input: {
        id,
        total: formatDecimal(input.totalMinor, input.currency),
        currency: input.currency,
        bookedOn: input.bookedOn,
        occurredAt: now,
        ...(payee ? { payee } : {}),
        parts: wireParts(parts, input.currency),
        ...(input.replaces ? { replacesTransactionId: input.replaces.id } : {}),
      },
    });
  });
  notifyLocalWrite();
  return id;
}

/**
 * Replaces a split's parts (and total). While its create or an earlier edit still waits in the
 * outbox, the change is folded into it; otherwise the edit carries the version this device read.
 */
export async function editSplit(
  db: PaceDatabase,
  id: string,
  change: { totalMinor: number; parts: readonly SplitPartDraft[] },
): Promise<void> {
  await db.transaction('rw', [db.meta, db.transactions, db.outbox, db.ledger], async () => {
    const record = await readSplit(db, id);
    if (!record) return;
    const parts = withIds(change.parts);
    const known = new Map(
      (await db.transactions.where('splitId').equals(id).toArray()).map((t) => [t.id, t]),
    );
    const shape = { ...record, splitId: id };
    await replaceParts(db, id, partRecords(parts, shape, known));
    await saveSplit(db, id, {
      ...record,
      totalMinor: change.totalMinor,
      partIds: parts.map((part) => part.id),
      updatedAt: nowIso(),
      pending: 1,
    });
    const fields = {
      total: formatDecimal(change.totalMinor, record.currency),
      parts: wireParts(parts, record.currency),
    };
    const last = (await pendingFor(db, id))
      .filter(
        (e) => e.operationName === 'createSplitTransaction' || e.operationName === 'updateSplit',
      )
      .at(-1);
    if (last?.seq !== undefined) {
      const input = { ...(last.variables.input as Record<string, unknown>), ...fields };
      await db.outbox.update(last.seq, { variables: { ...last.variables, input } });
      return;
    }
    await enqueue(db, 'updateSplit', id, {
      input: { id, baseVersion: record.version, ...fields },
    });
  });
  notifyLocalWrite();
}

/** Deletes a split and its parts; one never sent simply leaves the outbox. */
export async function removeSplit(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.meta, db.transactions, db.outbox, db.ledger], async () => {
    const queued = await pendingFor(db, id);
    const neverSent = queued.some((e) => e.operationName === 'createSplitTransaction');
    await saveSplit(db, id, undefined);
    if (neverSent) {
      for (const entry of queued) await discardUnsentSplit(db, id, entry.variables);
      await db.outbox.bulkDelete(queued.flatMap((e) => (e.seq === undefined ? [] : [e.seq])));
      return;
    }
    const now = nowIso();
    for (const part of await db.transactions.where('splitId').equals(id).toArray())
      await saveTransaction(db, part.id, { ...part, deletedAt: now, pending: 1 });
    await enqueue(db, 'deleteSplit', id, { id });
  });
  notifyLocalWrite();
}
