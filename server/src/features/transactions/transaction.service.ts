import {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  findCategory,
  localDateOf,
  localDayBounds,
  monthOf,
  describeTagProblem,
  inferCategoryId,
  MAX_TAGS_PER_TRANSACTION,
  normaliseTags,
  resolveCategoryId,
  type LedgerTransaction,
  type LocalDate,
  type TransactionDirection,
} from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, WriteContext, WriteOutcome } from '../budget';
import { TransactionError } from './transaction.errors';
import type { TransactionRepository, TransactionChanges } from './transaction.repository';
import type { FxRateSource, TransactionRow, TransactionSource } from './transaction.table';
import { isUuid } from '../../graphql/ids';
import type { Db } from '../../infra/db/database';
import { planPaidAmount } from './transaction-paid.rules';

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
  /** Paid in another currency: the amount as paid, converted into the budget currency. */
  paidAmount?: string | null;
  paidCurrency?: string | null;
  /** The rate a card statement printed for this line (source `statement`). */
  paidRate?: string | null;
  /** Free tags as given; normalised (or refused) by the write. */
  tags?: readonly string[] | null;
  /** The money account; absent or null: the default account on create, unchanged on edit. */
  accountId?: string | null;
}

export interface CreateRequest extends TransactionFields {
  id?: string | null;
  /** In the budget currency; absent when a paid amount in another currency is converted. */
  amount?: string | null;
  /** Absent or null: the person's rules, then the merchant dictionary, then Flex (docs/rules.md). */
  categoryId?: string | null;
  source?: TransactionSource;
  /** In a shared household budget: the member booking it; absent or null: the budget's owner. */
  memberId?: string | null;
}

export interface UpdateRequest extends TransactionFields {
  id: string;
  baseVersion: number;
}

/** An amount paid in another currency, to convert at the rate of `on` (docs/currencies.md). */
export interface PaidConversionRequest {
  userId: string;
  paidMinor: number;
  paidCurrency: string;
  budgetCurrency: string;
  on: LocalDate;
  /** A statement's own rate; otherwise the rate is looked up. */
  statementRate: string | null;
}

/** A converted amount and the rate it used. */
export interface PaidConversion {
  amountMinor: number;
  rate: string;
  rateOn: LocalDate;
  source: FxRateSource;
}

type MaybePromise<T> = T | Promise<T>;
type PaidColumns = Pick<
  TransactionRow,
  'originalAmountMinor' | 'originalCurrency' | 'fxRate' | 'fxRateOn' | 'fxRateSource'
>;
const NOT_PAID: PaidColumns = {
  originalAmountMinor: null,
  originalCurrency: null,
  fxRate: null,
  fxRateOn: null,
  fxRateSource: null,
};

/** What categorisation rules read of a row about to be written. */
export interface CategorisationSubject {
  merchant: string | null;
  description: string;
  amountMinor: number;
  direction: TransactionDirection;
  accountId: string | null;
}

/** What the rules decided; null fields: no rule said (tags: the ones to add). */
export interface Categorisation {
  categoryId: string | null;
  merchant: string | null;
  tags: readonly string[];
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
      /** Converts an amount paid in another currency at a date's rate (the currency feature). */
      convertPaid?: (tx: Db, request: PaidConversionRequest) => Promise<PaidConversion>;
      /** Told after commit about every row a write changed (webhooks); never fails the write. */
      onWritten?: (change: TransactionWritten) => Promise<void>;
      /**
       * Refuses a write of one row that would break what the row belongs to (a part of a split:
       * the splits feature); throws a typed error, before anything is written.
       */
      checkChange?: (
        current: TransactionRow,
        change: { kind: TransactionWritten['kind']; next: TransactionChanges },
      ) => void;
      /** Throws unless the account is one of the person's (the money accounts feature). */
      checkAccount?: (userId: string, accountId: string) => Promise<void>;
      /** What the person's categorisation rules make of a new row without a category (rules feature). */
      categorise?: (
        db: Db,
        userId: string,
        subject: CategorisationSubject,
      ) => Promise<Categorisation | null>;
    },
  ) {}

  /** Creates once: replaying the same client id returns the stored record and changes nothing. */
  async create(userId: string, input: CreateRequest): Promise<TransactionResult> {
    if (input.id != null && !isUuid(input.id))
      throw new TransactionError('TRANSACTION_INPUT_INVALID', { message: 'id must be a UUID.' });
    const id = input.id ?? this.deps.newId();
    if (input.accountId != null) await this.deps.checkAccount?.(userId, input.accountId);
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
        fields = await this.withPaidAmount(tx, userId, input, {
          fields: resolveFields(input, context, null),
          current: null,
          budgetCurrency: context.settings.currency,
        });
      } catch (error) {
        // A replay returns what was stored, even if its input would no longer be accepted.
        const replay = await replayed();
        if (replay) return replay;
        throw error;
      }
      if (input.categoryId == null)
        fields = await this.categorised(tx, userId, fields, input.accountId ?? null);
      // Computed before the insert starts: nothing may throw between starting a query and
      // awaiting it, or its failure would be an unhandled rejection.
      const month = monthOf(fields.bookedOn);
      const inserting = repository.insertUnlessExists({
        id,
        userId,
        ...fields,
        source: input.source ?? 'manual',
        accountId: input.accountId ?? null,
        memberId: input.memberId ?? null,
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

  /** An expense now; without a category, the rules, then the dictionary read the note, else Flex. */
  async quickExpense(
    userId: string,
    input: {
      id?: string | null;
      amount: string;
      categoryId?: string | null;
      note?: string | null;
      tags?: readonly string[] | null;
      memberId?: string | null;
      accountId?: string | null;
    },
  ): Promise<TransactionResult> {
    return this.create(userId, {
      id: input.id ?? null,
      amount: input.amount,
      categoryId: input.categoryId ?? null,
      description: input.note ?? '',
      tags: input.tags ?? null,
      source: 'quick',
      memberId: input.memberId ?? null,
      accountId: input.accountId ?? null,
    });
  }

  /** Edits when `baseVersion` is current; otherwise returns the current record with `conflict`. */
  async update(userId: string, input: UpdateRequest): Promise<TransactionResult> {
    const { accountId } = input;
    if (accountId != null) {
      await this.get(userId, input.id);
      await this.deps.checkAccount?.(userId, accountId);
    }
    return this.change(userId, input.id, 'updated', async (current, context, tx) => {
      if (current.version !== input.baseVersion) return null;
      return {
        ...(await this.withPaidAmount(tx, userId, input, {
          fields: resolveFields(input, context, current),
          current,
          budgetCurrency: context.settings.currency,
        })),
        ...(accountId != null ? { accountId } : {}),
        updatedAt: context.now,
      };
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
      tx: Db,
    ) => MaybePromise<TransactionChanges | 'unchanged' | null>,
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
      const changes = await decide(current, context, tx);
      if (changes === null || changes === 'unchanged') {
        return {
          value: { transaction: current, conflict: changes === null },
          months: [],
          cause: 'transaction',
        };
      }
      this.deps.checkChange?.(current, { kind, next: changes });
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

  /** Keeps, clears or converts the paid amount of a write (transaction-paid.rules.ts). */
  private async withPaidAmount(
    tx: Db,
    userId: string,
    input: TransactionFields,
    write: { fields: ResolvedFields; current: TransactionRow | null; budgetCurrency: string },
  ): Promise<ResolvedFields & Partial<PaidColumns>> {
    const { fields, current, budgetCurrency } = write;
    const plan = planPaidAmount(input, current, budgetCurrency, fields.bookedOn);
    if (plan.kind === 'keep') return fields;
    if (plan.kind === 'plain')
      return { ...fields, amountMinor: plan.amountMinor ?? fields.amountMinor, ...NOT_PAID };
    if (!this.deps.convertPaid)
      throw new TransactionError('CURRENCY_MISMATCH', {
        expected: budgetCurrency,
        given: plan.paidCurrency,
      });
    const { paidMinor, paidCurrency, on, statementRate } = plan;
    const converted = await this.deps.convertPaid(tx, {
      userId,
      paidMinor,
      paidCurrency,
      budgetCurrency,
      on,
      statementRate,
    });
    if (converted.amountMinor <= 0)
      throw new TransactionError('TRANSACTION_INPUT_INVALID', {
        message: 'paidAmount converts to less than one minor unit of the budget currency.',
      });
    return {
      ...fields,
      amountMinor: converted.amountMinor,
      originalAmountMinor: paidMinor,
      originalCurrency: paidCurrency,
      fxRate: converted.rate,
      fxRateOn: converted.rateOn,
      fxRateSource: converted.source,
    };
  }

  /**
   * A new row without a category picked: the person's rules, then the merchant dictionary on the
   * payee and description, else Flex; a rule may also rename the payee and add tags.
   */
  private async categorised(
    tx: Db,
    userId: string,
    fields: ResolvedFields,
    accountId: string | null,
  ): Promise<ResolvedFields> {
    const ruled = await this.deps.categorise?.(tx, userId, { ...fields, accountId });
    const tags = [...new Set([...fields.tags, ...(ruled?.tags ?? [])])];
    return {
      ...fields,
      categoryId:
        ruled?.categoryId ?? inferCategoryId([fields.merchant, fields.description]) ?? 'flex',
      merchant: ruled?.merchant ?? fields.merchant,
      tags: tags.slice(0, MAX_TAGS_PER_TRANSACTION),
    };
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
  | 'tags'
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
  // A paid amount without `amount` is converted after this (transaction-paid.rules.ts).
  const isConverted = input.amount == null && input.paidAmount != null;
  if (!isConverted && (amountMinor === undefined || amountMinor <= 0))
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
    if (value?.includes('\u0000'))
      throw new TransactionError('TRANSACTION_INPUT_INVALID', {
        message: `${field} holds a NUL character.`,
      });
  }
  const tags = input.tags != null ? tagsOf(input.tags) : (current?.tags ?? []);
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
    amountMinor: amountMinor ?? 0,
    currency,
    direction: input.direction ?? current?.direction ?? 'expense',
    categoryId,
    description: input.description ?? current?.description ?? '',
    merchant: input.merchant !== undefined ? input.merchant : (current?.merchant ?? null),
    occurredAt,
    bookedOn,
    tags,
  };
}

/** Tags in canonical spelling; TRANSACTION_INPUT_INVALID naming the problem otherwise. */
function tagsOf(raw: readonly string[]): string[] {
  const result = normaliseTags(raw);
  if (!result.ok)
    throw new TransactionError('TRANSACTION_INPUT_INVALID', {
      message: describeTagProblem(result.problem),
    });
  return result.tags;
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
