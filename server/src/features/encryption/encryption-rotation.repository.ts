import { and, asc, eq, gt, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { textPrefixOf } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { receipts } from '../receipts';
import { columnsOf, type EncryptedColumn } from './encrypted-columns';

/**
 * A stored value the rotation may rewrite: its row's key, what binds it, and the value as read.
 * Key and binding are text, one value per column (a single-column key has one).
 */
export interface StoredValue {
  id: readonly string[];
  bound: readonly string[];
  value: unknown;
}

/** The SQL of the key rotation: generic over the encrypted columns. */
export class EncryptionRotationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Values after `afterId` (key order; a composite key compares as a row) not already under
   * `activeKeyId`: legacy plaintext included.
   */
  async listStale(
    spec: EncryptedColumn,
    options: { activeKeyId: string; afterId: readonly string[] | null; limit: number },
  ): Promise<StoredValue[]> {
    const keys = columnsOf(spec.id);
    const binds = columnsOf(spec.bindsTo ?? spec.id);
    const prefix = `${spec.isJson ? '"' : ''}${textPrefixOf(options.activeKeyId)}%`;
    const fields: Record<string, SQL | AnyPgColumn> = { value: spec.column };
    keys.forEach((key, i) => (fields[`key${i}`] = sql<string>`${key}::text`));
    binds.forEach((bind, i) => (fields[`bound${i}`] = sql<string>`${bind}::text`));
    const rows = (await this.db
      .select(fields)
      .from(spec.table)
      .where(
        and(
          isNotNull(spec.column),
          sql`${spec.column}::text not like ${prefix}`,
          options.afterId === null ? undefined : after(keys, options.afterId),
        ),
      )
      .orderBy(...keys.map((key) => asc(key)))
      .limit(options.limit)) as Array<Record<string, unknown>>;
    return rows.map((row) => ({
      id: keys.map((_, i) => String(row[`key${i}`])),
      bound: binds.map((_, i) => String(row[`bound${i}`])),
      value: row.value,
    }));
  }

  /** Writes the new value unless the row changed meanwhile (a concurrent write wins). */
  async replace(spec: EncryptedColumn, stored: StoredValue, next: string): Promise<boolean> {
    const keys = columnsOf(spec.id);
    const unchanged = spec.isJson
      ? sql`${spec.column} = ${JSON.stringify(stored.value)}::jsonb`
      : eq(spec.column, stored.value);
    const rows = await this.db
      .update(spec.table)
      .set({ [spec.property]: next })
      .where(and(...keys.map((key, i) => eq(key, stored.id[i])), unchanged))
      .returning({ id: sql<string>`${keys[0]}::text` });
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

/** The keyset condition: after `afterId` in key order (a row comparison for a composite key). */
function after(keys: readonly AnyPgColumn[], afterId: readonly string[]): SQL | undefined {
  const [first] = keys;
  if (keys.length === 1 && first) return gt(first, afterId[0]);
  const values = keys.map((key, i) => sql`cast(${afterId[i]} as ${sql.raw(key.getSQLType())})`);
  return sql`(${sql.join([...keys], sql`, `)}) > (${sql.join(values, sql`, `)})`;
}
