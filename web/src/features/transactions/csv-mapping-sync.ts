import type { CsvMappingRecord, PaceDatabase } from '@/lib/db';

/** A saved CSV mapping as the API sends it (changes, a save). */
export type WireCsvMapping = Omit<CsvMappingRecord, 'headerSignature'>;

/**
 * The signature of a CSV header row, as the server keeps it: its cells trimmed, unquoted,
 * lower-cased, in one Unicode form, inner spacing as one space, in order. Two exports of one bank
 * give the same signature.
 */
export function headerSignatureOf(header: readonly string[]): string {
  return header
    .map((cell) =>
      cell
        .replace(/^\uFEFF/, '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .normalize('NFC')
        .toLowerCase()
        .replace(/\s+/g, ' '),
    )
    .join('\u001f');
}

/** The device's copy of a saved mapping. */
export function csvMappingRecordOf(mapping: WireCsvMapping): CsvMappingRecord {
  return {
    id: mapping.id,
    name: mapping.name,
    header: [...mapping.header],
    headerSignature: headerSignatureOf(mapping.header),
    delimiter: mapping.delimiter,
    hasHeader: mapping.hasHeader,
    dateFormat: mapping.dateFormat,
    decimalSeparator: mapping.decimalSeparator,
    signConvention: mapping.signConvention,
    accountId: mapping.accountId ?? null,
    columns: { ...mapping.columns },
    updatedAt: mapping.updatedAt,
  };
}

/** Applies a CSV_MAPPING change of `changes(since)`: an upsert, or a tombstone that removes it. */
export async function applyCsvMappingChange(
  db: PaceDatabase,
  change: { id: string; deleted: boolean; csvMapping: WireCsvMapping },
): Promise<void> {
  if (change.deleted) {
    await db.csvMappings.delete(change.id);
    return;
  }
  await db.csvMappings.put(csvMappingRecordOf(change.csvMapping));
}

/** The mappings saved for a file with this header row, newest first (as the server lists them). */
export async function csvMappingsFor(
  db: PaceDatabase,
  header: readonly string[],
): Promise<CsvMappingRecord[]> {
  const signature = headerSignatureOf(header);
  const all = await db.csvMappings.toArray();
  return all
    .filter((mapping) => mapping.headerSignature === signature)
    .sort((a, b) =>
      a.updatedAt === b.updatedAt
        ? b.id.localeCompare(a.id)
        : b.updatedAt.localeCompare(a.updatedAt),
    );
}
