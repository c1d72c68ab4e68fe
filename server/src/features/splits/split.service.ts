import { monthOf, type LedgerTransaction, type LocalMonth } from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import type { Db } from '../../infra/db/database';
import type { BudgetMonthService, WriteContext, WriteOutcome } from '../budget';
import type { TransactionRepository, TransactionRow, TransactionWritten } from '../transactions';
import { SplitError } from './split.errors';
import type { SplitRepository } from './split.repository';
import type { SplitRow } from './split.table';
import {
  resolveSplit,
  type CreateSplitRequest,
  type ResolvedPart,
  type ResolvedSplit,
  type UpdateSplitRequest,
} from './split-request.rules';

export interface SplitResult {
  split: SplitRow;
  /** The live parts in the order entered (none once the split is deleted). */
  parts: TransactionRow[];
  /** The edit was based on a stale version: nothing changed, the current record is returned. */
  conflict: boolean;
}

/**
 * Split payments: one payment whose parts are ledger rows in their own categories. Every write
 * takes the budget's one write path, so all parts land in one transaction and each month they
 * touch is recomputed once.
 */
export class SplitService {
  constructor(
    private readonly deps: {
      splits: SplitRepository;
      ledger: TransactionRepository;
      months: BudgetMonthService;
      newId: () => string;
      /** Told after commit about every part a write changed (webhooks); never fails the write. */
      onWritten?: (change: TransactionWritten) => Promise<void>;
    },
  ) {}

  /** Creates once: replaying the same client id returns the stored split and changes nothing. */
  async create(userId: string, input: CreateSplitRequest): Promise<SplitResult> {
    if (input.id != null && !isUuid(input.id)) throw invalid('id must be a UUID.');
    const id = input.id ?? this.deps.newId();
    return this.write(userId, async (tx, context, told) => {
      const { splits, ledger } = this.reposOf(tx);
      const existing = await splits.find(id);
      if (existing) {
        if (existing.userId !== userId) throw new SplitError('SPLIT_ID_TAKEN');
        return unchanged(await this.resultOf(ledger, existing, false));
      }
      const fields = resolveSplit(input, context, null, this.deps.newId);
      const replaced = await this.replaced(ledger, userId, input.replacesTransactionId);
      if (replaced) {
        // Marked with the split, so it is never restored on its own and counted twice.
        const deleted = { deletedAt: context.now, updatedAt: context.now, splitId: id };
        told.push({ kind: 'deleted', transaction: await ledger.update(replaced.id, deleted) });
      }
      const split = await splits.insertUnlessExists({
        id,
        userId,
        totalMinor: fields.totalMinor,
        currency: fields.currency,
        occurredAt: fields.occurredAt,
        bookedOn: fields.bookedOn,
        payee: fields.payee,
        description: fields.description,
        partIds: fields.parts.map((part) => part.id),
        createdAt: context.now,
        updatedAt: context.now,
      });
      if (!split) throw new SplitError('SPLIT_ID_TAKEN');
      const parts: TransactionRow[] = [];
      for (const part of fields.parts) {
        const row = await insertPart(ledger, {
          userId,
          split,
          part,
          now: context.now,
          memberId: input.memberId ?? null,
        });
        told.push({ kind: 'created', transaction: row });
        parts.push(row);
      }
      const before = replaced ? ledgerEntriesOf([replaced]) : [];
      return written({ split, parts, conflict: false }, before, ledgerEntriesOf(parts), [
        ...(replaced ? [monthOf(replaced.bookedOn)] : []),
        monthOf(split.bookedOn),
      ]);
    });
  }

  /** Replaces the parts (and shared fields) when `baseVersion` is current; else `conflict`. */
  async update(userId: string, input: UpdateSplitRequest): Promise<SplitResult> {
    await this.get(userId, input.id);
    return this.write(userId, async (tx, context, told) => {
      const { splits, ledger } = this.reposOf(tx);
      const current = await this.owned(splits, userId, input.id);
      if (current.deletedAt) throw invalid('The split is deleted.');
      if (current.version !== input.baseVersion)
        return unchanged(await this.resultOf(ledger, current, true));
      const livePrevious = (await ledger.listSplitParts(current.id)).filter((p) => !p.deletedAt);
      const fields = resolveSplit(input, context, current, this.deps.newId);
      const previousById = new Map(livePrevious.map((part) => [part.id, part]));
      const parts: TransactionRow[] = [];
      for (const part of fields.parts) {
        const kept = previousById.get(part.id);
        previousById.delete(part.id);
        const row = kept
          ? await ledger.update(kept.id, {
              amountMinor: part.amountMinor,
              categoryId: part.categoryId,
              description: part.description,
              merchant: fields.payee,
              occurredAt: fields.occurredAt,
              bookedOn: fields.bookedOn,
              updatedAt: context.now,
            })
          : await insertPart(ledger, {
              userId,
              split: current,
              part,
              shared: fields,
              now: context.now,
              // A part added later belongs to whoever booked the payment.
              memberId: livePrevious[0]?.memberId ?? null,
            });
        told.push({ kind: kept ? 'updated' : 'created', transaction: row });
        parts.push(row);
      }
      const deleted = { deletedAt: context.now, updatedAt: context.now };
      for (const dropped of previousById.values())
        told.push({ kind: 'deleted', transaction: await ledger.update(dropped.id, deleted) });
      const split = await splits.update(current.id, {
        totalMinor: fields.totalMinor,
        occurredAt: fields.occurredAt,
        bookedOn: fields.bookedOn,
        payee: fields.payee,
        description: fields.description,
        partIds: parts.map((part) => part.id),
        updatedAt: context.now,
      });
      return written(
        { split, parts, conflict: false },
        ledgerEntriesOf(livePrevious),
        ledgerEntriesOf(parts),
        [monthOf(current.bookedOn), monthOf(split.bookedOn)],
      );
    });
  }

  /** Deletes the payment and all its parts (tombstones); deleting a deleted split changes nothing. */
  async delete(userId: string, id: string): Promise<SplitResult> {
    await this.get(userId, id);
    return this.write(userId, async (tx, context, told) => {
      const { splits, ledger } = this.reposOf(tx);
      const current = await this.owned(splits, userId, id);
      if (current.deletedAt) return unchanged(await this.resultOf(ledger, current, false));
      const live = (await ledger.listSplitParts(id)).filter((part) => !part.deletedAt);
      const deleted = { deletedAt: context.now, updatedAt: context.now };
      for (const part of live)
        told.push({ kind: 'deleted', transaction: await ledger.update(part.id, deleted) });
      const split = await splits.update(id, { deletedAt: context.now, updatedAt: context.now });
      return written(
        { split, parts: [], conflict: false },
        ledgerEntriesOf(live),
        [],
        [monthOf(current.bookedOn)],
      );
    });
  }

  async get(userId: string, id: string): Promise<SplitRow> {
    const row = isUuid(id) ? await this.deps.splits.find(id) : null;
    if (!row || row.userId !== userId) throw new SplitError('SPLIT_NOT_FOUND');
    return row;
  }

  /** The live parts of a split in the order entered. */
  async partsOf(split: SplitRow): Promise<TransactionRow[]> {
    return orderedLiveParts(split, await this.deps.ledger.listSplitParts(split.id));
  }

  private reposOf(tx: Db) {
    return { splits: this.deps.splits.with(tx), ledger: this.deps.ledger.with(tx) };
  }

  private async owned(splits: SplitRepository, userId: string, id: string): Promise<SplitRow> {
    const row = await splits.find(id);
    if (!row || row.userId !== userId) throw new SplitError('SPLIT_NOT_FOUND');
    return row;
  }

  private async resultOf(
    ledger: TransactionRepository,
    split: SplitRow,
    conflict: boolean,
  ): Promise<SplitResult> {
    return {
      split,
      parts: orderedLiveParts(split, await ledger.listSplitParts(split.id)),
      conflict,
    };
  }

  /** The plain, live transaction of the person that the new split takes the place of. */
  private async replaced(
    ledger: TransactionRepository,
    userId: string,
    id: string | null | undefined,
  ): Promise<TransactionRow | null> {
    if (id == null) return null;
    const row = isUuid(id) ? await ledger.find(id) : null;
    if (!row || row.userId !== userId || row.deletedAt)
      throw invalid('replacesTransactionId names no live transaction of yours.');
    if (row.splitId) throw invalid('The transaction to replace is already a part of a split.');
    return row;
  }

  /** The budget's write path; after commit, each part the write changed is announced. */
  private async write(
    userId: string,
    work: (
      tx: Db,
      context: WriteContext,
      told: TransactionWritten[],
    ) => Promise<WriteOutcome<SplitResult>>,
  ): Promise<SplitResult> {
    let told: TransactionWritten[] = [];
    const result = await this.deps.months.write(userId, (tx, context) => {
      told = [];
      return work(tx, context, told);
    });
    for (const change of told) {
      try {
        await this.deps.onWritten?.(change);
      } catch {
        // The listener reports its own failures; a committed write is never turned into an error.
      }
    }
    return result;
  }
}

/** A new part: an expense in its category, sharing the split's day, payee and currency. */
async function insertPart(
  ledger: TransactionRepository,
  input: {
    userId: string;
    split: SplitRow;
    part: ResolvedPart;
    now: Date;
    shared?: Pick<ResolvedSplit, 'payee' | 'occurredAt' | 'bookedOn'>;
    memberId?: string | null;
  },
): Promise<TransactionRow> {
  const { split, part, now } = input;
  const shared = input.shared ?? split;
  const row = await ledger.insertUnlessExists({
    id: part.id,
    userId: input.userId,
    amountMinor: part.amountMinor,
    currency: split.currency,
    direction: 'expense',
    categoryId: part.categoryId,
    description: part.description,
    merchant: shared.payee,
    occurredAt: shared.occurredAt,
    bookedOn: shared.bookedOn,
    source: 'manual',
    splitId: split.id,
    memberId: input.memberId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) throw new SplitError('SPLIT_ID_TAKEN');
  return row;
}

function orderedLiveParts(split: SplitRow, rows: readonly TransactionRow[]): TransactionRow[] {
  if (split.deletedAt) return [];
  const byId = new Map(rows.filter((row) => !row.deletedAt).map((row) => [row.id, row]));
  return split.partIds.flatMap((id) => byId.get(id) ?? []);
}

function ledgerEntriesOf(rows: readonly TransactionRow[]): LedgerTransaction[] {
  return rows
    .filter((row) => !row.deletedAt)
    .map(({ id, categoryId, amountMinor, direction, bookedOn, currency }) => ({
      id,
      categoryId,
      amountMinor,
      direction,
      bookedOn,
      currency,
    }));
}

function unchanged(value: SplitResult): WriteOutcome<SplitResult> {
  return { value, months: [], cause: 'transaction' };
}

function written(
  value: SplitResult,
  before: LedgerTransaction[],
  after: LedgerTransaction[],
  months: LocalMonth[],
): WriteOutcome<SplitResult> {
  return { value, months, cause: 'transaction', ledgerChange: { before, after } };
}

function invalid(message: string): Error {
  return new SplitError('SPLIT_INPUT_INVALID', { message });
}
