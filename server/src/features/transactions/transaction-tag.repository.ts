import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { rowsOf } from '../../infra/db/migrate';
import { nextChangeSeq } from '../budget';
import { openTransaction } from './transaction.repository';
import { transactions, type TransactionRow } from './transaction.table';

export interface TagCount {
  tag: string;
  transactionCount: number;
}

/**
 * Tags across a person's ledger. Tags are stored in the clear (unlike description and merchant),
 * so counting, renaming and removing run in the database, each in one statement.
 */
export class TransactionTagRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): TransactionTagRepository {
    return new TransactionTagRepository(tx, this.cipher);
  }

  /** Each tag on the person's live transactions with how many carry it. */
  async countTags(userId: string): Promise<TagCount[]> {
    const result = await this.db.execute(sql`
      select tag, count(*)::int as "transactionCount"
      from ${transactions}, unnest(${transactions.tags}) as tag
      where ${and(eq(transactions.userId, userId), isNull(transactions.deletedAt))}
      group by tag`);
    return rowsOf<{ tag: string; transactionCount: number | string }>(result).map((row) => ({
      tag: row.tag,
      transactionCount: Number(row.transactionCount),
    }));
  }

  /**
   * Replaces `from` with `to` on every transaction of the person that has it (deleted ones too,
   * so a restore brings back the new name); where `to` is already there the two merge. Each row
   * changed gets a new version and change number. Returns the rows changed, as stored now.
   */
  async renameTag(userId: string, from: string, to: string, now: Date): Promise<TransactionRow[]> {
    return this.rewrite(
      userId,
      from,
      sql`case when ${to} = any(${transactions.tags}) then array_remove(${transactions.tags}, ${from}) else array_replace(${transactions.tags}, ${from}, ${to}) end`,
      now,
    );
  }

  /** Removes `tag` from every transaction of the person that has it; the rows changed. */
  async removeTag(userId: string, tag: string, now: Date): Promise<TransactionRow[]> {
    return this.rewrite(userId, tag, sql`array_remove(${transactions.tags}, ${tag})`, now);
  }

  private async rewrite(userId: string, tag: string, tags: ReturnType<typeof sql>, now: Date) {
    const rows = await this.db
      .update(transactions)
      .set({
        tags: sql`${tags}`,
        version: sql`${transactions.version} + 1`,
        changeSeq: nextChangeSeq(),
        updatedAt: now,
      })
      .where(
        and(eq(transactions.userId, userId), sql`${transactions.tags} @> array[${tag}]::text[]`),
      )
      .returning();
    return rows.map((row) => openTransaction(this.cipher, row));
  }
}
