import {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  findCategory,
  localDateOf,
  localDayBounds,
  monthOf,
  resolveCategoryId,
  type LedgerTransaction,
  type LocalDate,
  type TransactionDirection,
} from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, WriteContext, WriteOutcome } from '../budget';
import { TransactionError } from './transaction.errors';
import type { TransactionRepository, TransactionChanges } from './transaction.repository';
import type { TransactionRow, TransactionSource } from './transaction.table';
import { isUuid } from '../../graphql/ids';

const MAX_TEXT = 500;

export interface TransactionFields {
  amount?: string | null;
  currency?: string | null;
  direction?: TransactionDirection | null;
  categoryId?: string | null;
  description?: string | null;
  merchant?: string | null;
  occurredAt?: Date | null;
  bookedOn?: LocalDate | null;
}

export interface CreateRequest extends TransactionFields {
  id?: string | null;
  amount: string;
  categoryId: string;
  source?: TransactionSource;
}

export interface UpdateRequest extends TransactionFields {
  id: string;
  baseVersion: number;
}

/** A committed change of one transaction, for listeners outside the ledger (webhooks). */
export interface TransactionWritten {
  kind: 'created' | 'updated' | 'deleted' | 'restored';
  transaction: TransactionRow;
}

export interface TransactionResult {
  transaction: TransactionRow;
  /** The edit was based on a stale version: nothing changed, the current record is returned. */
  conflict: boolean;
}

/** Ledger writes: each one locks the user's budget, writes, and recomputes the affected months. */
export class TransactionService {
  constructor(
    private readonly deps: {
      repository: TransactionRepository;
      months: BudgetMonthService;
      newId: () => string;
      /** Told after commit about every row a write changed (webhooks); never fails the write. */
      onWritten?: (change: TransactionWritten) => Promise<void>;
    },
  ) {}

  /** Creates once: replaying the same client id returns the stored record and changes nothing. */
  async create(userId: string, input: CreateRequest): Promise<TransactionResult> {
    if (input.id != null && !isUuid(input.id))
      throw new TransactionError('TRANSACTION_INPUT_INVALID', { message: 'id must be a UUID.' });
    const id = input.id ?? this.deps.newId();
    let inserted = false;
    const result = await this.deps.months.write(userId, async (tx, context) => {
      inserted = false;
      const repository = this.deps.repository.with(tx);
      const replayed = async (): Promise<WriteOutcome<TransactionResult> | null> => {
        const existing = await repository.find(id);
        if (!existing) return null;
        if (existing.userId !== userId) throw new TransactionError('TRANSACTION_ID_TAKEN');
        return {
          value: { transaction: existing, conflict: false },
          months: [],
          cause: 'transaction',
        };
      };
      let fields: ResolvedFields;
      try {
        fields = resolveFields(input, context, null);
      } catch (error) {
        // A replay returns what was stored, even if its input would no longer be accepted.
        const replay = await replayed();
        if (replay) return replay;
        throw error;
      }
      // Computed before the insert starts: nothing may throw between starting a query and
      // awaiting it, or its failure would be an unhandled rejection.
      const month = monthOf(fields.bookedOn);
      const inserting = repository.insertUnlessExists({
        id,
        userId,
        ...fields,
        source: input.source ?? 'manual',
        createdAt: context.now,
        updatedAt: context.now,
      });
      // The month's reads go out with the insert; a replay never uses them.
      context.prefetch?.(month, id);
      const row = await inserting;
      if (!row) {
        const replay = await replayed();
        if (replay) return replay;
        throw new Error('insert skipped but no row has the id');
      }
      inserted = true;
      return {
        value: { transaction: row, conflict: false },
        months: [monthOf(row.bookedOn)],
        cause: 'transaction',
        transactionId: id,
        ledgerChange: { before: [], after: ledgerEntriesOf(row) },
      };
    });
    if (inserted) await this.announce({ kind: 'created', transaction: result.transaction });
    return result;
  }

  /** An expense now; the category comes from the note when not given, else Flex. */
  async quickExpense(
    userId: string,
    input: { id?: string | null; amount: string; categoryId?: string | null; note?: string | null },
  ): Promise<TransactionResult> {
    const fromNote = input.note ? resolveCategoryId(input.note) : undefined;
    return this.create(userId, {
      id: input.id ?? null,
      amount: input.amount,
      categoryId: input.categoryId ?? fromNote ?? 'flex',
      description: input.note ?? '',
      source: 'quick',
    });
  }

  /** Edits when `baseVersion` is current; otherwise returns the current record with `conflict`. */
  async update(userId: string, input: UpdateRequest): Promise<TransactionResult> {
    return this.change(userId, input.id, 'updated', (current, context) => {
      if (current.version !== input.baseVersion) return null;
      return { ...resolveFields(input, context, current), updatedAt: context.now };
    });
  }

  async delete(userId: string, id: string): Promise<TransactionResult> {
    return this.change(userId, id, 'deleted', (current, context) =>
      current.deletedAt ? 'unchanged' : { deletedAt: context.now, updatedAt: context.now },
    );
  }

  async restore(userId: string, id: string): Promise<TransactionResult> {
    return this.change(userId, id, 'restored', (current, context) =>
      current.deletedAt ? { deletedAt: null, updatedAt: context.now } : 'unchanged',
    );
  }

  async get(userId: string, id: string): Promise<TransactionRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId) throw new TransactionError('TRANSACTION_NOT_FOUND');
    return row;
  }

  /**
   * Shared path of update, delete and restore. `decide` returns the changes, `'unchanged'` (an
   * idempotent repeat) or null (a version conflict).
   */
  private async change(
    userId: string,
    id: string,
    kind: TransactionWritten['kind'],
    decide: (
      current: TransactionRow,
      context: WriteContext,
    ) => TransactionChanges | 'unchanged' | null,
  ): Promise<TransactionResult> {
    // Ownership first, so another person's id is NOT_FOUND whatever the caller's own budget state.
    await this.get(userId, id);
    let changed = false;
    const result = await this.deps.months.write(userId, async (tx, context) => {
      changed = false;
      const repository = this.deps.repository.with(tx);
      const current = await repository.find(id);
      if (!current || current.userId !== userId)
        throw new TransactionError('TRANSACTION_NOT_FOUND');
      const changes = decide(current, context);
      if (changes === null || changes === 'unchanged') {
        return {
          value: { transaction: current, conflict: changes === null },
          months: [],
          cause: 'transaction',
        };
      }
      // Computed before the update starts (see create).
      const months = new Set([current.bookedOn, changes.bookedOn ?? current.bookedOn].map(monthOf));
      const updating = repository.update(id, changes);
      for (const month of months) context.prefetch?.(month, id);
      const row = await updating;
      changed = true;
      return {
        value: { transaction: row, conflict: false },
        months: [monthOf(current.bookedOn), monthOf(row.bookedOn)],
        cause: 'transaction',
        transactionId: id,
        ledgerChange: { before: ledgerEntriesOf(current), after: ledgerEntriesOf(row) },
      };
    });
    if (changed) await this.announce({ kind, transaction: result.transaction });
    return result;
  }

  /** After commit: the write stands whatever the listener does. */
  private async announce(change: TransactionWritten): Promise<void> {
    try {
      await this.deps.onWritten?.(change);
    } catch {
      // The listener reports its own failures; a committed write is never turned into an error.
    }
  }
}

/** A row as the month's ledger holds it (none for a deleted row). */
function ledgerEntriesOf(row: TransactionRow): LedgerTransaction[] {
  if (row.deletedAt) return [];
  const { id, categoryId, amountMinor, direction, bookedOn, currency } = row;
  return [{ id, categoryId, amountMinor, direction, bookedOn, currency }];
}

type ResolvedFields = Pick<
  TransactionRow,
  | 'amountMinor'
  | 'currency'
  | 'direction'
  | 'categoryId'
  | 'description'
  | 'merchant'
  | 'occurredAt'
  | 'bookedOn'
>;

/**
 * Validates wire fields against the user's budget. The local date is derived from the instant in
 * the user's zone at this write, unless the client picked a date; an edit that changes neither
 * keeps the stored date.
 */
function resolveFields(
  input: TransactionFields,
  context: WriteContext,
  current: TransactionRow | null,
): ResolvedFields {
  const { currency, timeZone } = context.settings;
  if (input.currency != null && input.currency !== currency)
    throw new TransactionError('CURRENCY_MISMATCH', { expected: currency, given: input.currency });
  const amountMinor =
    input.amount != null
      ? parseAmount(input.amount, currency, { field: 'amount' })
      : current?.amountMinor;
  if (amountMinor === undefined || amountMinor <= 0)
    throw new TransactionError('TRANSACTION_INPUT_INVALID', {
      message: 'amount must be more than zero.',
    });
  const categoryId =
    input.categoryId != null
      ? canonicalCategory(input.categoryId, context.userCategoryIds)
      : (current?.categoryId ?? 'flex');
  for (const [field, value] of [
    ['description', input.description],
    ['merchant', input.merchant],
  ] as const) {
    if (value != null && value.length > MAX_TEXT)
      throw new TransactionError('TRANSACTION_INPUT_INVALID', {
        message: `${field} is longer than ${MAX_TEXT} characters.`,
      });
  }
  let occurredAt = input.occurredAt ?? current?.occurredAt ?? context.now;
  let bookedOn = current?.bookedOn ?? localDateOf(occurredAt, timeZone);
  if (input.bookedOn != null) {
    bookedOn = input.bookedOn;
    // A picked date without a time: the instant is the start of that local day.
    if (input.occurredAt == null && localDateOf(occurredAt, timeZone) !== bookedOn)
      occurredAt = new Date(localDayBounds(bookedOn, timeZone).startsAt);
  } else if (input.occurredAt != null) {
    bookedOn = localDateOf(input.occurredAt, timeZone);
  }
  return {
    amountMinor,
    currency,
    direction: input.direction ?? current?.direction ?? 'expense',
    categoryId,
    description: input.description ?? current?.description ?? '',
    merchant: input.merchant !== undefined ? input.merchant : (current?.merchant ?? null),
    occurredAt,
    bookedOn,
  };
}

/** The stored id of a category the user may book on; CATEGORY_UNKNOWN otherwise. */
export function canonicalCategory(
  id: string,
  userCategoryIds: ReadonlySet<string> | undefined,
): string {
  if (findCategory(id) || userCategoryIds?.has(id)) return id;
  if (id.startsWith(BILL_CATEGORY_PREFIX) || id.startsWith(GOAL_CATEGORY_PREFIX)) return id;
  const resolved = resolveCategoryId(id);
  if (!resolved) throw new TransactionError('CATEGORY_UNKNOWN', { categoryId: id });
  return resolved;
}
