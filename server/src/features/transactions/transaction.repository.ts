import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addMonths, type LedgerTransaction, type LocalDate, type LocalMonth } from '@pace/engine';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { preparedOn } from '../../infra/db/prepared';
import { nextChangeSeq } from '../budget';
import { transactions, type TransactionRow, type TransactionSource } from './transaction.table';

export interface TransactionListFilter {
  from?: LocalDate | null;
  to?: LocalDate | null;
  categoryIds?: readonly string[] | null;
  text?: string | null;
  minAmountMinor?: number | null;
  maxAmountMinor?: number | null;
  sources?: readonly TransactionSource[] | null;
  /** Who booked it in a shared budget; the owner's id matches rows without a member. */
  memberId?: string | null;
  /** Normalised tags; a row matches with any (or, with `tagMatch: 'all'`, every) one of them. */
  tags?: readonly string[] | null;
  tagMatch?: 'any' | 'all' | null;
  /** Substring of the merchant (decrypted, case-insensitive). */
  payee?: string | null;
  /** Substring of the description (decrypted, case-insensitive). */
  note?: string | null;
}

/** Position in the list order (newest booked date first, then newest instant, then id). */
export interface ListPosition {
  bookedOn: LocalDate;
  occurredAt: Date;
  id: string;
}

/** Columns a new row may leave out: they take their defaults (null, no tags). */
type OptionalColumns =
  | 'externalId'
  | 'accountId'
  | 'originalAmountMinor'
  | 'originalCurrency'
  | 'fxRate'
  | 'fxRateOn'
  | 'fxRateSource'
  | 'splitId'
  | 'tags'
  | 'memberId';

export type NewTransaction = Omit<
  TransactionRow,
  'version' | 'changeSeq' | 'deletedAt' | OptionalColumns
> &
  Partial<Pick<TransactionRow, OptionalColumns>>;
export type TransactionChanges = Partial<
  Pick<
    TransactionRow,
    | 'amountMinor'
    | 'direction'
    | 'categoryId'
    | 'description'
    | 'merchant'
    | 'occurredAt'
    | 'bookedOn'
    | 'deletedAt'
    | 'originalAmountMinor'
    | 'originalCurrency'
    | 'fxRate'
    | 'fxRateOn'
    | 'fxRateSource'
    | 'accountId'
    | 'tags'
    | 'splitId'
  >
> & { updatedAt: Date };

/** A text filter scans this many rows per statement (matching happens after decryption). */
const TEXT_SCAN_BATCH = 500;

/**
 * The only reader and writer of `transactions`. Description and merchant are encrypted at rest
 * (bound to the row id); sums and keyset pages never touch them.
 */
export class TransactionRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): TransactionRepository {
    return new TransactionRepository(tx, this.cipher);
  }

  async find(id: string): Promise<TransactionRow | null> {
    const query = preparedOn(this.db, 'transactions.find', (db) =>
      db
        .select()
        .from(transactions)
        .where(eq(transactions.id, sql.placeholder('id')))
        .prepare('transactions_find'),
    );
    const [row] = await query.execute({ id });
    return row ? openTransaction(this.cipher, row) : null;
  }

  async insert(row: NewTransaction): Promise<TransactionRow> {
    const [inserted] = await this.db
      .insert(transactions)
      .values(sealTransaction(this.cipher, row))
      .returning();
    if (!inserted) throw new Error('insert returned no row');
    return openTransaction(this.cipher, inserted);
  }

  /** Inserts unless a row already has the id (a replayed create); null when it was skipped. */
  async insertUnlessExists(row: NewTransaction): Promise<TransactionRow | null> {
    const [inserted] = await this.db
      .insert(transactions)
      .values(sealTransaction(this.cipher, row))
      .onConflictDoNothing({ target: transactions.id })
      .returning();
    return inserted ? openTransaction(this.cipher, inserted) : null;
  }

  /** Applies changes with a new version and change number. */
  async update(id: string, changes: TransactionChanges): Promise<TransactionRow> {
    const [row] = await this.db
      .update(transactions)
      .set({
        ...changes,
        ...sealChanges(this.cipher, id, changes),
        version: sql`${transactions.version} + 1`,
        changeSeq: nextChangeSeq(),
      })
      .where(eq(transactions.id, id))
      .returning();
    if (!row) throw new Error('transaction vanished under its lock');
    return openTransaction(this.cipher, row);
  }

  /**
   * The month's live expenses summed per (day, category, currency): all the engine reads of a
   * ledger, in at most days × categories rows however many transactions the month holds.
   * `excluding` leaves one transaction out (a write adds it back as it was and as it is), so the
   * read may run before or after the write's own statement.
   */
  async sumLedgerOfMonth(
    userId: string,
    month: LocalMonth,
    options: { excluding?: string } = {},
  ): Promise<LedgerTransaction[]> {
    const query = preparedOn(this.db, 'transactions.sumLedgerOfMonth', (db) =>
      db
        .select({
          bookedOn: transactions.bookedOn,
          categoryId: transactions.categoryId,
          currency: transactions.currency,
          amountMinor: sql<string>`sum(${transactions.amountMinor})`,
        })
        .from(transactions)
        .where(
          and(
            eq(transactions.userId, sql.placeholder('user')),
            isNull(transactions.deletedAt),
            eq(transactions.direction, 'expense'),
            gte(transactions.bookedOn, sql.placeholder('from')),
            sql`${transactions.bookedOn} < ${sql.placeholder('until')}`,
            sql`${transactions.id} is distinct from ${sql.placeholder('excluding')}`,
          ),
        )
        .groupBy(transactions.bookedOn, transactions.categoryId, transactions.currency)
        .orderBy(asc(transactions.bookedOn), asc(transactions.categoryId))
        .prepare('transactions_sum_ledger_of_month'),
    );
    const rows = await query.execute({
      user: userId,
      from: `${month}-01`,
      until: `${addMonths(month, 1)}-01`,
      excluding: options.excluding ?? null,
    });
    return rows.map((row) => ({
      bookedOn: row.bookedOn,
      categoryId: row.categoryId,
      currency: row.currency,
      direction: 'expense' as const,
      amountMinor: Number(row.amountMinor),
    }));
  }

  /** Live expenses between two local days (both included), summed per (day, category, currency). */
  async sumExpensesBetween(
    userId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<LedgerTransaction[]> {
    const rows = await this.db
      .select({
        bookedOn: transactions.bookedOn,
        categoryId: transactions.categoryId,
        currency: transactions.currency,
        amountMinor: sql<string>`sum(${transactions.amountMinor})`,
      })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          eq(transactions.direction, 'expense'),
          gte(transactions.bookedOn, from),
          lte(transactions.bookedOn, to),
        ),
      )
      .groupBy(transactions.bookedOn, transactions.categoryId, transactions.currency);
    return rows.map((row) => ({
      bookedOn: row.bookedOn,
      categoryId: row.categoryId,
      currency: row.currency,
      direction: 'expense' as const,
      amountMinor: Number(row.amountMinor),
    }));
  }

  /**
   * What the live expenses and transfers (a month close's surplus) booked on each goal category
   * (`goal:<id>`) add up to: a goal's contributions, over all time.
   */
  async sumGoalContributions(userId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({
        categoryId: transactions.categoryId,
        amountMinor: sql<string>`sum(${transactions.amountMinor})`,
      })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          inArray(transactions.direction, ['expense', 'transfer']),
          sql`${transactions.categoryId} like 'goal:%'`,
        ),
      )
      .groupBy(transactions.categoryId);
    return new Map(rows.map((row) => [row.categoryId, Number(row.amountMinor)]));
  }

  /** One page in list order after `after` (keyset: rows inserted meanwhile never shift a page). */
  async list(
    userId: string,
    options: {
      limit: number;
      after: ListPosition | null;
      filter: TransactionListFilter;
      /** Only rows listed before this one (newer than it). */
      before?: ListPosition | null;
      /** The last `limit` rows of the window (still returned newest first). */
      backward?: boolean;
    },
  ): Promise<TransactionRow[]> {
    const { filter, after, before, backward } = options;
    if (!after && !before && !backward && Object.values(filter).every((value) => value == null)) {
      // The first page without a filter (the home screen's latest transactions): built once.
      const latest = preparedOn(this.db, 'transactions.latest', (db) =>
        db
          .select()
          .from(transactions)
          .where(
            and(eq(transactions.userId, sql.placeholder('user')), isNull(transactions.deletedAt)),
          )
          .orderBy(
            desc(transactions.bookedOn),
            desc(transactions.occurredAt),
            desc(transactions.id),
          )
          .limit(sql.placeholder('limit'))
          .prepare('transactions_latest'),
      );
      const rows = await latest.execute({ user: userId, limit: options.limit });
      return rows.map((row) => openTransaction(this.cipher, row));
    }
    const conditions: (SQL | undefined)[] = [
      eq(transactions.userId, userId),
      isNull(transactions.deletedAt),
      filter.from ? gte(transactions.bookedOn, filter.from) : undefined,
      filter.to ? lte(transactions.bookedOn, filter.to) : undefined,
      filter.categoryIds?.length
        ? inArray(transactions.categoryId, [...filter.categoryIds])
        : undefined,
      filter.sources?.length ? inArray(transactions.source, [...filter.sources]) : undefined,
      filter.memberId ? bookedBy(userId, filter.memberId) : undefined,
      filter.tags?.length ? tagCondition(filter.tags, filter.tagMatch ?? 'any') : undefined,
      filter.minAmountMinor != null
        ? gte(transactions.amountMinor, filter.minAmountMinor)
        : undefined,
      filter.maxAmountMinor != null
        ? lte(transactions.amountMinor, filter.maxAmountMinor)
        : undefined,
      after
        ? sql`(${transactions.bookedOn}, ${transactions.occurredAt}, ${transactions.id}) < (${after.bookedOn}::date, ${after.occurredAt.toISOString()}::timestamptz, ${after.id}::uuid)`
        : undefined,
      before
        ? sql`(${transactions.bookedOn}, ${transactions.occurredAt}, ${transactions.id}) > (${before.bookedOn}::date, ${before.occurredAt.toISOString()}::timestamptz, ${before.id}::uuid)`
        : undefined,
    ];
    const matcher = textMatcher(filter);
    const rows = matcher
      ? await this.scanForText(conditions, matcher, options.limit, Boolean(backward))
      : (await this.page(conditions, options.limit, Boolean(backward))).map((row) =>
          openTransaction(this.cipher, row),
        );
    return backward ? rows.reverse() : rows;
  }

  private page(conditions: (SQL | undefined)[], limit: number, backward: boolean) {
    const direction = backward ? asc : desc;
    return this.db
      .select()
      .from(transactions)
      .where(and(...conditions))
      .orderBy(
        direction(transactions.bookedOn),
        direction(transactions.occurredAt),
        direction(transactions.id),
      )
      .limit(limit);
  }

  /**
   * The text filters compare decrypted description and merchant (case-insensitive substring), so they
   * walks the other conditions' rows in list order, batch by batch, until the page is full.
   */
  private async scanForText(
    conditions: (SQL | undefined)[],
    matches: (row: TransactionRow) => boolean,
    limit: number,
    backward: boolean,
  ): Promise<TransactionRow[]> {
    const found: TransactionRow[] = [];
    let last: TransactionRow | undefined;
    for (;;) {
      const position = last
        ? sql`(${transactions.bookedOn}, ${transactions.occurredAt}, ${transactions.id}) ${backward ? sql`>` : sql`<`} (${last.bookedOn}::date, ${last.occurredAt.toISOString()}::timestamptz, ${last.id}::uuid)`
        : undefined;
      const batch = await this.page([...conditions, position], TEXT_SCAN_BATCH, backward);
      for (const stored of batch) {
        const row = openTransaction(this.cipher, stored);
        if (matches(row)) found.push(row);
        if (found.length === limit) return found;
      }
      last = batch[batch.length - 1];
      if (batch.length < TEXT_SCAN_BATCH || !last) return found;
    }
  }

  /** The parts of a split payment (splits feature), tombstones included, in creation order. */
  async listSplitParts(splitId: string): Promise<TransactionRow[]> {
    const rows = await this.db
      .select()
      .from(transactions)
      .where(eq(transactions.splitId, splitId))
      .orderBy(asc(transactions.createdAt), asc(transactions.id));
    return rows.map((row) => openTransaction(this.cipher, row));
  }

  /** Rows written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<TransactionRow[]> {
    const rows = await this.db
      .select()
      .from(transactions)
      .where(and(eq(transactions.userId, userId), gt(transactions.changeSeq, since)))
      .orderBy(asc(transactions.changeSeq))
      .limit(limit);
    return rows.map((row) => openTransaction(this.cipher, row));
  }

  /**
   * Live expenses of several people between two local days (both included), summed per (person,
   * category, currency): what peer comparison reads, only ever turned into group figures.
   */
  async sumExpensesOfUsersBetween(
    userIds: readonly string[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<Array<{ userId: string; categoryId: string; currency: string; amountMinor: number }>> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .select({
        userId: transactions.userId,
        categoryId: transactions.categoryId,
        currency: transactions.currency,
        amountMinor: sql<string>`sum(${transactions.amountMinor})`,
      })
      .from(transactions)
      .where(
        and(
          inArray(transactions.userId, [...userIds]),
          isNull(transactions.deletedAt),
          eq(transactions.direction, 'expense'),
          gte(transactions.bookedOn, from),
          lte(transactions.bookedOn, to),
        ),
      )
      .groupBy(transactions.userId, transactions.categoryId, transactions.currency);
    return rows.map((row) => ({ ...row, amountMinor: Number(row.amountMinor) }));
  }

  /** The latest local day with a live expense, or null. */
  async latestExpenseOn(userId: string): Promise<LocalDate | null> {
    const [row] = await this.db
      .select({ latest: sql<LocalDate | null>`max(${transactions.bookedOn})` })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          eq(transactions.direction, 'expense'),
        ),
      );
    return row?.latest ?? null;
  }

  /** Live expenses between two local days (both included), one entry per transaction. */
  async listExpensesBetween(
    userId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<LedgerTransaction[]> {
    const rows = await this.db
      .select({
        bookedOn: transactions.bookedOn,
        categoryId: transactions.categoryId,
        currency: transactions.currency,
        amountMinor: transactions.amountMinor,
      })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          eq(transactions.direction, 'expense'),
          gte(transactions.bookedOn, from),
          lte(transactions.bookedOn, to),
        ),
      );
    return rows.map((row) => ({ ...row, direction: 'expense' as const }));
  }

  /**
   * A value that changes whenever the person's ledger does: every insert, edit and delete (a
   * tombstone) takes a new change number, and the row count catches a row removed for good.
   */
  async ledgerRevision(userId: string): Promise<string> {
    const [row] = await this.db
      .select({
        count: sql<string>`count(*)`,
        latest: sql<string | null>`max(${transactions.changeSeq})`,
      })
      .from(transactions)
      .where(eq(transactions.userId, userId));
    return `${Number(row?.count ?? 0)}-${Number(row?.latest ?? 0)}`;
  }

  /** Every live income and expense with its account (money accounts feature): what balances read. */
  async listAccountMovements(
    userId: string,
  ): Promise<
    Array<
      Pick<
        TransactionRow,
        'id' | 'accountId' | 'direction' | 'amountMinor' | 'bookedOn' | 'occurredAt'
      >
    >
  > {
    return this.db
      .select({
        id: transactions.id,
        accountId: transactions.accountId,
        direction: transactions.direction,
        amountMinor: transactions.amountMinor,
        bookedOn: transactions.bookedOn,
        occurredAt: transactions.occurredAt,
      })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          inArray(transactions.direction, ['expense', 'income']),
        ),
      );
  }
}

/** Tags in the clear: `&&` (any) or `@>` (all) against the GIN index on `tags`. */
function tagCondition(tags: readonly string[], match: 'any' | 'all'): SQL {
  const wanted = sql`array[${sql.join(
    tags.map((tag) => sql`${tag}`),
    sql`, `,
  )}]::text[]`;
  return match === 'all'
    ? sql`${transactions.tags} @> ${wanted}`
    : sql`${transactions.tags} && ${wanted}`;
}

/**
 * The filters on encrypted text as one test of a decrypted row (null when none is set): `text` in
 * the description or merchant, `payee` in the merchant, `note` in the description; all must hold.
 */
function textMatcher(filter: TransactionListFilter): ((row: TransactionRow) => boolean) | null {
  const text = filter.text?.toLowerCase();
  const payee = filter.payee?.toLowerCase();
  const note = filter.note?.toLowerCase();
  if (!text && !payee && !note) return null;
  return (row) => {
    const description = row.description.toLowerCase();
    const merchant = row.merchant?.toLowerCase() ?? '';
    if (text && !description.includes(text) && !merchant.includes(text)) return false;
    if (payee && !merchant.includes(payee)) return false;
    return !note || description.includes(note);
  };
}

/** The encrypted columns' associated data: a ciphertext opens only in its own row and column. */
export function transactionTextContext(column: 'description' | 'merchant', id: string): string {
  return `transactions.${column}:${id}`;
}

/** A row as stored: description and merchant encrypted under the active key. */
export function sealTransaction<T extends Pick<TransactionRow, 'id' | 'description' | 'merchant'>>(
  cipher: FieldCipher,
  row: T,
): T {
  return {
    ...row,
    description: cipher.encryptText(row.description, transactionTextContext('description', row.id)),
    merchant: cipher.encryptNullable(row.merchant, transactionTextContext('merchant', row.id)),
  };
}

function sealChanges(cipher: FieldCipher, id: string, changes: TransactionChanges) {
  return {
    ...(changes.description !== undefined
      ? {
          description: cipher.encryptText(
            changes.description,
            transactionTextContext('description', id),
          ),
        }
      : {}),
    ...(changes.merchant !== undefined
      ? {
          merchant: cipher.encryptNullable(
            changes.merchant,
            transactionTextContext('merchant', id),
          ),
        }
      : {}),
  };
}

/** A stored row as the rest of the server reads it: decrypted (legacy plaintext passes through). */
export function openTransaction(cipher: FieldCipher, row: TransactionRow): TransactionRow {
  return {
    ...row,
    description: cipher.decryptText(row.description, transactionTextContext('description', row.id)),
    merchant: cipher.decryptNullable(row.merchant, transactionTextContext('merchant', row.id)),
  };
}

/** Rows a household member booked into `ownerId`'s budget; the owner's own have no member. */
function bookedBy(ownerId: string, memberId: string): SQL | undefined {
  return memberId === ownerId
    ? or(isNull(transactions.memberId), eq(transactions.memberId, ownerId))
    : eq(transactions.memberId, memberId);
}
