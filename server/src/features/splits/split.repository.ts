import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { nextChangeSeq } from '../budget';
import { splits, type SplitRow } from './split.table';

export type NewSplit = Omit<SplitRow, 'version' | 'changeSeq' | 'deletedAt'>;
export type SplitChanges = Partial<
  Pick<
    SplitRow,
    'totalMinor' | 'occurredAt' | 'bookedOn' | 'payee' | 'description' | 'partIds' | 'deletedAt'
  >
> & { updatedAt: Date };

/** The encrypted columns' associated data: a ciphertext opens only in its own row and column. */
export function splitTextContext(column: 'payee' | 'description', id: string): string {
  return `splits.${column}:${id}`;
}

/** The only reader and writer of `splits`; payee and description are encrypted at rest. */
export class SplitRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): SplitRepository {
    return new SplitRepository(tx, this.cipher);
  }

  async find(id: string): Promise<SplitRow | null> {
    const [row] = await this.db.select().from(splits).where(eq(splits.id, id));
    return row ? this.open(row) : null;
  }

  /** Inserts unless a row already has the id (a replayed create); null when it was skipped. */
  async insertUnlessExists(row: NewSplit): Promise<SplitRow | null> {
    const [inserted] = await this.db
      .insert(splits)
      .values({
        ...row,
        payee: this.cipher.encryptNullable(row.payee, splitTextContext('payee', row.id)),
        description: this.cipher.encryptText(
          row.description,
          splitTextContext('description', row.id),
        ),
      })
      .onConflictDoNothing({ target: splits.id })
      .returning();
    return inserted ? this.open(inserted) : null;
  }

  /** Applies changes with a new version and change number. */
  async update(id: string, changes: SplitChanges): Promise<SplitRow> {
    const [row] = await this.db
      .update(splits)
      .set({
        ...changes,
        ...(changes.payee !== undefined
          ? { payee: this.cipher.encryptNullable(changes.payee, splitTextContext('payee', id)) }
          : {}),
        ...(changes.description !== undefined
          ? {
              description: this.cipher.encryptText(
                changes.description,
                splitTextContext('description', id),
              ),
            }
          : {}),
        version: sql`${splits.version} + 1`,
        changeSeq: nextChangeSeq(),
      })
      .where(eq(splits.id, id))
      .returning();
    if (!row) throw new Error('split vanished under its lock');
    return this.open(row);
  }

  /** Rows written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<SplitRow[]> {
    const rows = await this.db
      .select()
      .from(splits)
      .where(and(eq(splits.userId, userId), gt(splits.changeSeq, since)))
      .orderBy(asc(splits.changeSeq))
      .limit(limit);
    return rows.map((row) => this.open(row));
  }

  private open(row: SplitRow): SplitRow {
    return {
      ...row,
      payee: this.cipher.decryptNullable(row.payee, splitTextContext('payee', row.id)),
      description: this.cipher.decryptText(
        row.description,
        splitTextContext('description', row.id),
      ),
    };
  }
}
