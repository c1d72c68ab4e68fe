import { formatDecimal, normaliseTag } from '@pace/engine';
import { localOrder } from './mappers';
import {
  saveTransaction,
  type GoalRecord,
  type OutboxEntry,
  type OutboxOperation,
  type PaceDatabase,
  type TransactionRecord,
} from '@/lib/db';
import { convertEditOnDevice, convertOnDevice } from '@/features/currency/offline-conversion';

/**
 * Local writes: each changes the mirror at once (optimistic, marked pending) and queues the
 * mutation in the outbox with the record's client id, in the same IndexedDB transaction, so the
 * screen and the queue never disagree. The replay sends them in order.
 */

const newId = (): string => crypto.randomUUID();
const nowIso = (): string => new Date().toISOString();

/** Listeners told after each local write (the sync engine replays at once when online). */
const listeners = new Set<() => void>();
export function onLocalWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
/** Tells the sync engine that the outbox holds something new (every local write ends with it). */
export function notifyLocalWrite(): void {
  for (const listener of listeners) listener();
}
const notify = notifyLocalWrite;

/** Queues one mutation for a record (callers run it inside their IndexedDB transaction). */
export async function enqueue(
  db: PaceDatabase,
  operationName: OutboxOperation,
  recordId: string,
  variables: Record<string, unknown>,
): Promise<void> {
  await db.outbox.add({
    mutationId: newId(),
    operationName,
    recordId,
    variables,
    createdAt: nowIso(),
    attempts: 0,
    lastError: null,
  });
}

/** The queued mutations of one record, in replay order. */
export async function pendingFor(db: PaceDatabase, recordId: string): Promise<OutboxEntry[]> {
  return db.outbox.where('recordId').equals(recordId).sortBy('seq');
}

export interface NewTransaction {
  amountMinor: number;
  currency: string;
  categoryId: string;
  note?: string | null;
  /** Local date in the budget's time zone. */
  bookedOn: string;
  direction?: 'expense' | 'income';
  /** Who was paid (a receipt's merchant). */
  merchant?: string | null;
  /** Free tags; normalised here as the server will. */
  tags?: readonly string[];
  /** The money account; absent or null: the default account. */
  accountId?: string | null;
  /**
   * Paid in another currency than `currency` (the budget's): the server converts it at the booking
   * date's rate; until then the device counts its own conversion with the rates it synced, or, when
   * it knows none, shows it as waiting for conversion with `amountMinor` 0.
   */
  paid?: { amountMinor: number; currency: string } | null;
}

/** Records an expense (or income) on this device; returns its client id. */
export async function addTransaction(db: PaceDatabase, input: NewTransaction): Promise<string> {
  const id = newId();
  const now = nowIso();
  const direction = input.direction ?? 'expense';
  const note = input.note?.trim() ? input.note.trim() : null;
  const merchant = input.merchant?.trim() ? input.merchant.trim() : null;
  const tags = cleanTags(input.tags ?? []);
  const paid = input.paid && input.paid.currency !== input.currency ? input.paid : null;
  // Counted at once with the rates this device synced; the server's conversion replaces it.
  const estimate = paid
    ? await convertOnDevice(db, {
        paidMinor: paid.amountMinor,
        paidCurrency: paid.currency,
        budgetCurrency: input.currency,
        bookedOn: input.bookedOn,
      })
    : null;
  const record: TransactionRecord = {
    id,
    categoryId: input.categoryId,
    direction,
    amountMinor: paid ? 0 : input.amountMinor,
    ...(paid
      ? {
          originalAmountMinor: paid.amountMinor,
          originalCurrency: paid.currency,
          fxRate: null,
          fxRateOn: null,
          ...estimate,
        }
      : {}),
    currency: input.currency,
    bookedOn: input.bookedOn,
    occurredAt: now,
    merchant,
    note,
    source: 'MANUAL',
    tags,
    accountId: input.accountId ?? null,
    version: 0,
    updatedAt: now,
    deletedAt: null,
    pending: 1,
  };
  await db.transaction('rw', db.transactions, db.outbox, db.ledger, async () => {
    await saveTransaction(db, id, record);
    await enqueue(db, 'createTransaction', id, {
      input: {
        id,
        // The server converts a paid amount and books its own figure; the device's is an estimate.
        ...(paid
          ? {
              paidAmount: formatDecimal(paid.amountMinor, paid.currency),
              paidCurrency: paid.currency,
            }
          : { amount: formatDecimal(input.amountMinor, input.currency), currency: input.currency }),
        categoryId: input.categoryId,
        bookedOn: input.bookedOn,
        occurredAt: now,
        direction: direction.toUpperCase(),
        ...(note ? { description: note } : {}),
        ...(merchant ? { merchant } : {}),
        ...(tags.length ? { tags } : {}),
        ...(input.accountId ? { accountId: input.accountId } : {}),
      },
    });
  });
  notify();
  return id;
}

export interface TransactionPatch {
  amountMinor?: number;
  /**
   * Paid in another currency: the amount as paid, converted by the server at the booking date's
   * rate ("converted when online"); null makes it a budget-currency transaction of `amountMinor`.
   */
  paid?: { amountMinor: number; currency: string } | null;
  categoryId?: string;
  note?: string | null;
  bookedOn?: string;
  /** The whole new set of tags. */
  tags?: readonly string[];
  /** Moves it to this money account. */
  accountId?: string;
}

/** Tags as the server stores them; ones it would refuse (empty) are left out. */
function cleanTags(raw: readonly string[]): string[] {
  const kept = raw.map(normaliseTag).filter((tag) => tag !== '');
  return [...new Set(kept)];
}

/** The record's paid-currency fields after a patch: a new paid amount or date waits for the server. */
function paidAfter(record: TransactionRecord, patch: TransactionPatch): Partial<TransactionRecord> {
  if (patch.paid === null)
    return { originalAmountMinor: null, originalCurrency: null, fxRate: null, fxRateOn: null };
  if (patch.paid)
    return {
      originalAmountMinor: patch.paid.amountMinor,
      originalCurrency: patch.paid.currency,
      fxRate: null,
      fxRateOn: null,
    };
  if (patch.bookedOn !== undefined && record.originalCurrency)
    return { fxRate: null, fxRateOn: null };
  return {};
}

/** Merges an edit into a queued input: `amount` and a paid amount exclude each other. */
function foldInput(
  queued: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const input = { ...queued, ...fields };
  if ('paidAmount' in fields) delete input.amount;
  if ('amount' in fields && !('paidAmount' in fields)) {
    delete input.paidAmount;
    delete input.paidRate;
    if (!('paidCurrency' in fields)) delete input.paidCurrency;
  }
  return input;
}

/** The API's input fields for a patch (amount as an exact decimal). */
function wirePatch(patch: TransactionPatch, currency: string): Record<string, unknown> {
  return {
    ...(patch.amountMinor !== undefined
      ? { amount: formatDecimal(patch.amountMinor, currency) }
      : {}),
    ...(patch.categoryId !== undefined ? { categoryId: patch.categoryId } : {}),
    ...(patch.note !== undefined ? { description: patch.note ?? '' } : {}),
    ...(patch.bookedOn !== undefined ? { bookedOn: patch.bookedOn } : {}),
    ...(patch.paid
      ? {
          paidAmount: formatDecimal(patch.paid.amountMinor, patch.paid.currency),
          paidCurrency: patch.paid.currency,
        }
      : {}),
    ...(patch.paid === null ? { paidCurrency: currency } : {}),
    ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
    ...(patch.accountId !== undefined ? { accountId: patch.accountId } : {}),
  };
}

/**
 * Edits a transaction. While its create (or an earlier edit) still waits in the outbox, the edit
 * is folded into that mutation, so the server sees one change; otherwise the edit carries the
 * version this device read, for the server to detect a conflicting edit elsewhere.
 */
export async function editTransaction(
  db: PaceDatabase,
  id: string,
  patch: TransactionPatch,
): Promise<void> {
  await db.transaction('rw', db.transactions, db.outbox, db.ledger, db.meta, async () => {
    const record = await db.transactions.get(id);
    if (!record) return;
    const fields = wirePatch(patch, record.currency);
    const estimate = await convertEditOnDevice(db, record, patch);
    await saveTransaction(db, id, {
      ...record,
      ...(patch.amountMinor !== undefined ? { amountMinor: patch.amountMinor } : {}),
      ...(patch.categoryId !== undefined ? { categoryId: patch.categoryId } : {}),
      ...(patch.note !== undefined ? { note: patch.note?.trim() ? patch.note.trim() : null } : {}),
      ...(patch.bookedOn !== undefined ? { bookedOn: patch.bookedOn } : {}),
      ...paidAfter(record, patch),
      ...estimate,
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      ...(patch.accountId !== undefined ? { accountId: patch.accountId } : {}),
      updatedAt: nowIso(),
      pending: 1,
    });
    const queued = (await pendingFor(db, id)).filter(
      (e) => e.operationName === 'createTransaction' || e.operationName === 'updateTransaction',
    );
    const last = queued.at(-1);
    if (last?.seq !== undefined) {
      const input = foldInput(last.variables.input as Record<string, unknown>, fields);
      await db.outbox.update(last.seq, { variables: { ...last.variables, input } });
      return;
    }
    await enqueue(db, 'updateTransaction', id, {
      input: { id, baseVersion: record.version, ...fields },
    });
  });
  notify();
}

/** Deletes a transaction (hidden at once); `restoreTransaction` undoes it. */
export async function deleteTransaction(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.transactions, db.outbox, db.ledger, async () => {
    const record = await db.transactions.get(id);
    if (!record) return;
    await saveTransaction(db, id, { ...record, deletedAt: nowIso(), pending: 1 });
    await enqueue(db, 'deleteTransaction', id, { id });
  });
  notify();
}

/** Undoes a delete: drops it from the outbox when it was not sent yet, else restores it. */
export async function restoreTransaction(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.transactions, db.outbox, db.ledger, async () => {
    const record = await db.transactions.get(id);
    if (!record) return;
    const queued = (await pendingFor(db, id)).at(-1);
    await saveTransaction(db, id, { ...record, deletedAt: null, pending: 1 });
    if (queued?.operationName === 'deleteTransaction' && queued.seq !== undefined) {
      await db.outbox.delete(queued.seq);
      if ((await pendingFor(db, id)).length === 0) await db.transactions.update(id, { pending: 0 });
      return;
    }
    await enqueue(db, 'restoreTransaction', id, { id });
  });
  notify();
}

export interface NewAdjustment {
  amountMinor: number;
  currency: string;
  month: string;
  fromCategoryId: string;
  fromOn: string;
  toCategoryId: string;
  toOn: string;
}

/** A manual move of budget; returns its id (undo with `undoAdjustment`). */
export async function adjustBudget(db: PaceDatabase, input: NewAdjustment): Promise<string> {
  const id = newId();
  await db.transaction('rw', db.adjustments, db.outbox, async () => {
    await db.adjustments.add({
      id,
      month: input.month,
      fromCategoryId: input.fromCategoryId,
      fromOn: input.fromOn,
      toCategoryId: input.toCategoryId,
      toOn: input.toOn,
      amountMinor: input.amountMinor,
      order: localOrder(),
      pending: 1,
    });
    await enqueue(db, 'adjustBudget', id, {
      input: {
        id,
        amount: formatDecimal(input.amountMinor, input.currency),
        fromCategoryId: input.fromCategoryId,
        fromOn: input.fromOn,
        toCategoryId: input.toCategoryId,
        toOn: input.toOn,
      },
    });
  });
  notify();
  return id;
}

/** Undoes a manual move: unsent, it leaves the outbox; sent, the server deletes it. */
export async function undoAdjustment(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.adjustments, db.outbox, async () => {
    const queued = await pendingFor(db, id);
    await db.adjustments.delete(id);
    if (queued.length > 0 && queued.every((e) => e.operationName === 'adjustBudget')) {
      await db.outbox.bulkDelete(queued.flatMap((e) => (e.seq === undefined ? [] : [e.seq])));
      return;
    }
    await enqueue(db, 'deleteBudgetAdjustment', id, { id });
  });
  notify();
}

export interface NewGoal {
  name: string;
  targetMinor: number;
  currency: string;
  targetOn: string | null;
}

export async function createGoal(db: PaceDatabase, input: NewGoal): Promise<string> {
  const id = newId();
  const now = nowIso();
  const record: GoalRecord = {
    id,
    name: input.name,
    targetMinor: input.targetMinor,
    savedMinor: 0,
    currency: input.currency,
    targetOn: input.targetOn,
    status: 'active',
    priority: 1,
    categoryId: `goal:${id}`,
    createdAt: now,
    version: 0,
    updatedAt: now,
    pending: 1,
  };
  await db.transaction('rw', db.goals, db.outbox, async () => {
    await db.goals.add(record);
    await enqueue(db, 'createGoal', id, {
      input: {
        id,
        name: input.name,
        target: formatDecimal(input.targetMinor, input.currency),
        ...(input.targetOn ? { targetOn: input.targetOn } : {}),
      },
    });
  });
  notify();
  return id;
}

export interface GoalPatch {
  name?: string;
  targetMinor?: number;
  targetOn?: string | null;
}

export async function editGoal(db: PaceDatabase, id: string, patch: GoalPatch): Promise<void> {
  await db.transaction('rw', db.goals, db.outbox, async () => {
    const record = await db.goals.get(id);
    if (!record) return;
    const fields = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.targetMinor !== undefined
        ? { target: formatDecimal(patch.targetMinor, record.currency) }
        : {}),
      ...(patch.targetOn !== undefined ? { targetOn: patch.targetOn } : {}),
    };
    await db.goals.update(id, { ...patch, pending: 1, updatedAt: nowIso() });
    const last = (await pendingFor(db, id))
      .filter((e) => e.operationName === 'createGoal' || e.operationName === 'updateGoal')
      .at(-1);
    if (last?.seq !== undefined) {
      const input = { ...(last.variables.input as Record<string, unknown>), ...fields };
      await db.outbox.update(last.seq, { variables: { ...last.variables, input } });
      return;
    }
    await enqueue(db, 'updateGoal', id, { input: { id, baseVersion: record.version, ...fields } });
  });
  notify();
}

export async function deleteGoal(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.goals, db.outbox, async () => {
    await db.goals.delete(id);
    await enqueue(db, 'deleteGoal', id, { id });
  });
  notify();
}
