import {
  saveTransaction,
  saveTransactions,
  type PaceDatabase,
  type SplitRecord,
  type TransactionRecord,
} from '@/lib/db';
import {
  minorOf,
  transactionRecordOf,
  type WireMoney,
  type WireTransaction,
} from '@/lib/sync/mappers';

/** Split records live in `meta` under this prefix and their id. */
const SPLIT_KEY_PREFIX = 'split:';
export const splitKeyOf = (id: string): string => `${SPLIT_KEY_PREFIX}${id}`;

/** A split as the API sends it. */
export interface WireSplit {
  id: string;
  total: WireMoney;
  bookedOn: string;
  occurredAt: string;
  payee?: string | null;
  description: string;
  partIds: readonly string[];
  version: number;
  updatedAt: string;
  deletedAt?: string | null;
}

/** The answer to a split write. */
export interface WireSplitPayload {
  conflict: boolean;
  split: WireSplit;
  parts: readonly WireTransaction[];
}

export function splitRecordOf(s: WireSplit): SplitRecord {
  return {
    id: s.id,
    totalMinor: minorOf(s.total),
    currency: s.total.currency,
    bookedOn: s.bookedOn,
    occurredAt: s.occurredAt,
    payee: s.payee ?? null,
    description: s.description,
    partIds: [...s.partIds],
    version: s.version,
    updatedAt: s.updatedAt,
    pending: 0,
  };
}

export async function readSplit(db: PaceDatabase, id: string): Promise<SplitRecord | undefined> {
  return (await db.meta.get(splitKeyOf(id)))?.value as SplitRecord | undefined;
}

/** Stores a split record (or removes it when `record` is undefined); inside a `meta` transaction. */
export async function saveSplit(
  db: PaceDatabase,
  id: string,
  record: SplitRecord | undefined,
): Promise<void> {
  if (record) await db.meta.put({ key: splitKeyOf(id), value: record });
  else await db.meta.delete(splitKeyOf(id));
}

/**
 * The split's parts become exactly `parts` (the month ledgers follow): parts of this split not
 * listed leave the mirror. Inside a transaction over `transactions` and `ledger`.
 */
export async function replaceParts(
  db: PaceDatabase,
  splitId: string,
  parts: readonly TransactionRecord[],
): Promise<void> {
  const writes = new Map<string, TransactionRecord | undefined>();
  const known = await db.transactions.where('splitId').equals(splitId).primaryKeys();
  for (const id of known) writes.set(id, undefined);
  for (const part of parts) writes.set(part.id, part);
  await saveTransactions(db, writes);
}

/**
 * Applies the server's answer to a split write, inside a transaction over `meta`, `transactions`
 * and `ledger`. While another write of the split waits in the outbox, only the versions move on.
 */
export async function applySplitPayload(
  db: PaceDatabase,
  payload: WireSplitPayload,
  stillQueued: boolean,
): Promise<void> {
  const server = splitRecordOf(payload.split);
  if (stillQueued) {
    const local = await readSplit(db, server.id);
    if (local) await saveSplit(db, server.id, { ...local, version: server.version });
    for (const part of payload.parts)
      await db.transactions.update(part.id, { version: part.version });
    return;
  }
  const deleted = Boolean(payload.split.deletedAt);
  await saveSplit(db, server.id, deleted ? undefined : server);
  await replaceParts(db, server.id, deleted ? [] : payload.parts.map(transactionRecordOf));
}

/**
 * Removes a split the server never took (its create was never sent, or was refused): the split
 * and its parts leave the mirror, and a payment it was to replace shows again. Inside a
 * transaction over `meta`, `transactions` and `ledger`.
 */
export async function discardUnsentSplit(
  db: PaceDatabase,
  splitId: string,
  variables: Record<string, unknown>,
): Promise<void> {
  await saveSplit(db, splitId, undefined);
  await replaceParts(db, splitId, []);
  const input = variables.input as { replacesTransactionId?: string } | undefined;
  const replaced = input?.replacesTransactionId
    ? await db.transactions.get(input.replacesTransactionId)
    : undefined;
  if (replaced) await saveTransaction(db, replaced.id, { ...replaced, deletedAt: null });
}

/** A SPLIT change pulled from the server (its parts come as transaction changes). */
export async function applySplitChange(
  db: PaceDatabase,
  change: { id: string; deleted: boolean; split: WireSplit },
): Promise<void> {
  await saveSplit(db, change.id, change.deleted ? undefined : splitRecordOf(change.split));
}
