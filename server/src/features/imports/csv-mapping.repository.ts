import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { nextChangeSeq } from '../budget';
import { csvMappings, type CsvMappingRow } from './csv-mapping.table';

export type NewCsvMappingRow = Omit<CsvMappingRow, 'changeSeq' | 'deletedAt'>;

/** A person's saved CSV column mappings; every write takes a new change number (devices sync). */
export class CsvMappingRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): CsvMappingRepository {
    return new CsvMappingRepository(tx);
  }

  /** The person's live mappings, newest first; only those of one header signature when given. */
  async list(userId: string, headerSignature: string | null): Promise<CsvMappingRow[]> {
    const live = and(eq(csvMappings.userId, userId), isNull(csvMappings.deletedAt));
    return this.db
      .select()
      .from(csvMappings)
      .where(
        headerSignature === null
          ? live
          : and(live, eq(csvMappings.headerSignature, headerSignature)),
      )
      .orderBy(desc(csvMappings.updatedAt), desc(csvMappings.id));
  }

  /** Saves the mapping; a live one of the same name is replaced (keeping its id and creation time). */
  async upsert(row: NewCsvMappingRow): Promise<CsvMappingRow> {
    const { id: _id, userId: _userId, name: _name, createdAt: _createdAt, ...changes } = row;
    const [saved] = await this.db
      .insert(csvMappings)
      .values(row)
      .onConflictDoUpdate({
        target: [csvMappings.userId, csvMappings.name],
        targetWhere: sql`${csvMappings.deletedAt} is null`,
        set: { ...changes, changeSeq: nextChangeSeq() },
      })
      .returning();
    if (!saved) throw new Error('csv_mappings upsert returned no row');
    return saved;
  }

  /** Turns the person's live mapping into a tombstone; null when they have none of this id. */
  async delete(userId: string, id: string, deletedAt: Date): Promise<CsvMappingRow | null> {
    const [deleted] = await this.db
      .update(csvMappings)
      .set({ deletedAt, updatedAt: deletedAt, changeSeq: nextChangeSeq() })
      .where(
        and(eq(csvMappings.userId, userId), eq(csvMappings.id, id), isNull(csvMappings.deletedAt)),
      )
      .returning();
    return deleted ?? null;
  }

  /** Mappings written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<CsvMappingRow[]> {
    return this.db
      .select()
      .from(csvMappings)
      .where(and(eq(csvMappings.userId, userId), gt(csvMappings.changeSeq, since)))
      .orderBy(asc(csvMappings.changeSeq))
      .limit(limit);
  }
}
