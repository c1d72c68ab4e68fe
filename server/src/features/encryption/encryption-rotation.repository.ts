import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { textPrefixOf } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { receipts } from '../receipts';
import type { EncryptedColumn } from './encrypted-columns';

/** A stored value the rotation may rewrite: its row, what binds it, and the value as read. */
export interface StoredValue {
  id: string;
  bound: string;
  value: unknown;
}

/** The SQL of the key rotation: generic over the encrypted columns. */
export class EncryptionRotationRepository {
  constructor(private readonly db: Db) {}

  /** Values after `afterId` (id order) not already under `activeKeyId`: legacy plaintext included. */
  async listStale(
    spec: EncryptedColumn,
    options: { activeKeyId: string; afterId: string | null; limit: number },
  ): Promise<StoredValue[]> {
    const prefix = `${spec.isJson ? '"' : ''}${textPrefixOf(options.activeKeyId)}%`;
    const rows = await this.db
      .select({
        id: sql<string>`${spec.id}::text`,
        bound: sql<string>`${spec.bindsTo ?? spec.id}::text`,
        value: spec.column,
      })
      .from(spec.table)
      .where(
        and(
          isNotNull(spec.column),
          sql`${spec.column}::text not like ${prefix}`,
          options.afterId === null ? undefined : gt(spec.id, options.afterId),
        ),
      )
      .orderBy(asc(spec.id))
      .limit(options.limit);
    return rows;
  }

  /** Writes the new value unless the row changed meanwhile (a concurrent write wins). */
  async replace(spec: EncryptedColumn, stored: StoredValue, next: string): Promise<boolean> {
    const unchanged = spec.isJson
      ? sql`${spec.column} = ${JSON.stringify(stored.value)}::jsonb`
      : eq(spec.column, stored.value);
    const rows = await this.db
      .update(spec.table)
      .set({ [spec.property]: next })
      .where(and(eq(spec.id, stored.id), unchanged))
      .returning({ id: sql<string>`${spec.id}::text` });
    return rows.length > 0;
  }

  /** Storage keys of receipt images after `afterId` (receipt id order). */
  async listReceiptImageKeys(
    afterId: string | null,
    limit: number,
  ): Promise<Array<{ id: string; storageKey: string }>> {
    const rows = await this.db
      .select({ id: receipts.id, storageKey: receipts.storageKey })
      .from(receipts)
      .where(
        and(
          isNotNull(receipts.storageKey),
          afterId === null ? undefined : gt(receipts.id, afterId),
        ),
      )
      .orderBy(asc(receipts.id))
      .limit(limit);
    return rows.flatMap((row) =>
      row.storageKey ? [{ id: row.id, storageKey: row.storageKey }] : [],
    );
  }
}
