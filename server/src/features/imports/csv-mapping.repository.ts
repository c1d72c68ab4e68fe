import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { csvMappings, type CsvMappingRow } from './csv-mapping.table';

/** A person's saved CSV column mappings. */
export class CsvMappingRepository {
  constructor(private readonly db: Db) {}

  /** The person's mappings, newest first; only those of one header signature when given. */
  async list(userId: string, headerSignature: string | null): Promise<CsvMappingRow[]> {
    return this.db
      .select()
      .from(csvMappings)
      .where(
        headerSignature === null
          ? eq(csvMappings.userId, userId)
          : and(eq(csvMappings.userId, userId), eq(csvMappings.headerSignature, headerSignature)),
      )
      .orderBy(desc(csvMappings.updatedAt), desc(csvMappings.id));
  }

  /** Saves the mapping; one of the same name is replaced (keeping its id and creation time). */
  async upsert(row: CsvMappingRow): Promise<CsvMappingRow> {
    const { id: _id, userId: _userId, name: _name, createdAt: _createdAt, ...changes } = row;
    const [saved] = await this.db
      .insert(csvMappings)
      .values(row)
      .onConflictDoUpdate({ target: [csvMappings.userId, csvMappings.name], set: changes })
      .returning();
    if (!saved) throw new Error('csv_mappings upsert returned no row');
    return saved;
  }

  /** Deletes the person's mapping; null when they have none of this id. */
  async delete(userId: string, id: string): Promise<CsvMappingRow | null> {
    const [deleted] = await this.db
      .delete(csvMappings)
      .where(and(eq(csvMappings.userId, userId), eq(csvMappings.id, id)))
      .returning();
    return deleted ?? null;
  }
}
