import { and, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { LocalDate } from '@pace/engine';
import type { Db } from '../../infra/db/database';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import {
  sealTransaction,
  transactionTextContext,
  type NewTransaction,
} from './transaction.repository';
import { transactions } from './transaction.table';

const BATCH = 1000;

/** What a duplicate check needs of a stored transaction. */
export interface DuplicateCandidate {
  bookedOn: LocalDate;
  amountMinor: number;
  direction: string;
  payee: string;
  externalId: string | null;
}

/** Bulk ledger writes of an import: many rows per statement, inside the caller's transaction. */
export class TransactionImportRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): TransactionImportRepository {
    return new TransactionImportRepository(tx, this.cipher);
  }

  async insertMany(rows: readonly NewTransaction[]): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await this.db
        .insert(transactions)
        .values(batch.map((row) => sealTransaction(this.cipher, row)));
    }
  }

  /** Live transactions booked between two dates (inclusive), to compare imported rows against. */
  async listBookedBetween(
    userId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<DuplicateCandidate[]> {
    const rows = await this.db
      .select({
        id: transactions.id,
        bookedOn: transactions.bookedOn,
        amountMinor: transactions.amountMinor,
        direction: transactions.direction,
        merchant: transactions.merchant,
        description: transactions.description,
        externalId: transactions.externalId,
      })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          isNull(transactions.deletedAt),
          gte(transactions.bookedOn, from),
          lte(transactions.bookedOn, to),
        ),
      );
    // Payees are encrypted: the duplicate check compares them here, after decryption.
    return rows.map(({ id, merchant, description, ...row }) => ({
      ...row,
      payee:
        this.cipher.decryptNullable(merchant, transactionTextContext('merchant', id)) ??
        this.cipher.decryptText(description, transactionTextContext('description', id)),
    }));
  }

  /** Which of these bank ids the user already has, deleted rows included (the unique index counts them). */
  async findExternalIds(userId: string, externalIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < externalIds.length; start += BATCH) {
      const rows = await this.db
        .select({ externalId: transactions.externalId })
        .from(transactions)
        .where(
          and(
            eq(transactions.userId, userId),
            isNotNull(transactions.externalId),
            inArray(transactions.externalId, externalIds.slice(start, start + BATCH)),
          ),
        );
      for (const row of rows) if (row.externalId) found.add(row.externalId);
    }
    return found;
  }
}
