import { getTableName } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import { columnsOf, ENCRYPTED_COLUMNS } from './encrypted-columns';

/**
 * A raw row of `table` (SQL column names, as `select *` returns it) with its encrypted text
 * columns opened, for the person's own data export. JSON-held secrets (signing keys) are never
 * exported, so they are left as they are.
 */
export function openExportedRow(
  cipher: FieldCipher,
  table: string,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const specs = ENCRYPTED_COLUMNS.filter((s) => !s.isJson && getTableName(s.table) === table);
  if (specs.length === 0) return row;
  const opened = { ...row };
  for (const spec of specs) {
    const value = row[spec.column.name];
    if (typeof value !== 'string') continue;
    const bound = columnsOf(spec.bindsTo ?? spec.id).map((column) => String(row[column.name]));
    opened[spec.column.name] = cipher.decryptText(value, spec.context(...bound));
  }
  return opened;
}
