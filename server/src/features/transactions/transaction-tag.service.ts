import { describeTagProblem, normaliseTag, normaliseTags } from '@pace/engine';
import type { BudgetMonthService } from '../budget';
import { TransactionError } from './transaction.errors';
import type { TagCount, TransactionTagRepository } from './transaction-tag.repository';
import type { TransactionWritten } from './transaction.service';
import type { TransactionRow } from './transaction.table';

export interface TagChange {
  from: string;
  tag: string;
  /** Live transactions changed. */
  transactionCount: number;
  /** Every transaction written (deleted ones too), with its new version. */
  changed: Array<{ id: string; version: number }>;
}

const versionsOf = (rows: readonly TransactionRow[]) =>
  rows.map((row) => ({ id: row.id, version: row.version }));

/**
 * The person's tags as a whole: counts for autocomplete, and renaming or removing a tag on every
 * transaction at once. Writes take the budget's lock (like every ledger write) so their change
 * numbers commit in order; tags never change a month's numbers, so nothing is recomputed.
 */
export class TransactionTagService {
  constructor(
    private readonly deps: {
      repository: TransactionTagRepository;
      months: BudgetMonthService;
      /** Told after commit about each live transaction changed (webhooks); never fails the write. */
      onWritten?: (change: TransactionWritten) => Promise<void>;
    },
  ) {}

  /** The tags on live transactions, most used first, then alphabetically; `prefix` narrows them. */
  async list(userId: string, prefix?: string | null): Promise<TagCount[]> {
    const start = prefix ? normaliseTag(prefix) : '';
    const counts = await this.deps.repository.countTags(userId);
    return counts
      .filter((count) => count.tag.startsWith(start))
      .sort((a, b) =>
        a.transactionCount !== b.transactionCount
          ? b.transactionCount - a.transactionCount
          : a.tag < b.tag
            ? -1
            : a.tag > b.tag
              ? 1
              : 0,
      );
  }

  /** Renames a tag everywhere (merging with `to` where both were present); idempotent. */
  async rename(userId: string, from: string, to: string): Promise<TagChange> {
    const [old, renamed] = [tagOf(from, 'from'), tagOf(to, 'to')];
    if (old === renamed) return { from: old, tag: renamed, transactionCount: 0, changed: [] };
    const rows = await this.deps.months.write(userId, async (tx, context) => ({
      value: await this.deps.repository.with(tx).renameTag(userId, old, renamed, context.now),
      months: [],
      cause: 'transaction',
    }));
    return {
      from: old,
      tag: renamed,
      transactionCount: await this.announce(rows),
      changed: versionsOf(rows),
    };
  }

  /** Removes a tag from every transaction; idempotent. */
  async remove(userId: string, tag: string): Promise<TagChange> {
    const removed = tagOf(tag, 'tag');
    const rows = await this.deps.months.write(userId, async (tx, context) => ({
      value: await this.deps.repository.with(tx).removeTag(userId, removed, context.now),
      months: [],
      cause: 'transaction',
    }));
    return {
      from: removed,
      tag: removed,
      transactionCount: await this.announce(rows),
      changed: versionsOf(rows),
    };
  }

  /** After commit, each live row changed is an update for listeners; returns how many. */
  private async announce(rows: readonly TransactionRow[]): Promise<number> {
    const live = rows.filter((row) => row.deletedAt === null);
    for (const transaction of live) {
      try {
        await this.deps.onWritten?.({ kind: 'updated', transaction });
      } catch {
        // The listener reports its own failures; a committed write is never turned into an error.
      }
    }
    return live.length;
  }
}

function tagOf(raw: string, field: string): string {
  const result = normaliseTags([raw]);
  if (!result.ok)
    throw new TransactionError('TRANSACTION_INPUT_INVALID', {
      message: describeTagProblem(result.problem, field).replace(`${field}[0]`, field),
    });
  return result.tags[0] ?? '';
}
