import {
  SIMILAR_PAYEE,
  payeeSimilarity,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

/** A stored transaction as the duplicate check sees it. */
export interface ExistingRow {
  bookedOn: string;
  amountMinor: number;
  direction: string;
  payee: string;
  externalId: string | null;
}

export type LineVerdict =
  | { line: number; status: 'NEW'; row: NormalisedRow & { categoryId: string } }
  | { line: number; status: 'DUPLICATE'; row: NormalisedRow; reason: string }
  | { line: number; status: 'INVALID'; row?: NormalisedRow; reason: string };

interface Known {
  payee: string;
  externalId: string | null;
  /** null for a stored transaction, else the file line it came from. */
  line: number | null;
}

/**
 * Decides each line of a file: NEW, DUPLICATE (its bank id is known, or a row of the same date,
 * direction and amount has a payee at least 80 % alike), or INVALID. Stored rows and earlier lines
 * of the file both count; two lines with different bank ids are never duplicates of each other.
 */
export function classifyLines(
  lines: readonly ParsedLine[],
  existing: { rows: readonly ExistingRow[]; externalIds: ReadonlySet<string> },
  categoryOf: (given: string | undefined) => string | null,
): LineVerdict[] {
  const byKey = new Map<string, Known[]>();
  const remember = (key: string, known: Known) =>
    byKey.set(key, [...(byKey.get(key) ?? []), known]);
  for (const row of existing.rows)
    remember(keyOf(row.bookedOn, row.direction, row.amountMinor), {
      payee: row.payee,
      externalId: row.externalId,
      line: null,
    });
  const fileIds = new Map<string, number>();
  return lines.map((parsed): LineVerdict => {
    const { line, row } = parsed;
    if (!row) return { line, status: 'INVALID', reason: parsed.error ?? 'unreadable' };
    const categoryId = categoryOf(row.categoryId);
    if (!categoryId)
      return { line, status: 'INVALID', row, reason: `unknown category "${row.categoryId ?? ''}"` };
    if (row.externalId !== undefined) {
      if (existing.externalIds.has(row.externalId))
        return {
          line,
          status: 'DUPLICATE',
          row,
          reason: `bank id ${row.externalId} is already in the ledger`,
        };
      const earlier = fileIds.get(row.externalId);
      if (earlier !== undefined)
        return {
          line,
          status: 'DUPLICATE',
          row,
          reason: `bank id ${row.externalId} repeats line ${earlier}`,
        };
    }
    const key = keyOf(row.occurredOn, row.direction, row.amountMinor);
    const twin = (byKey.get(key) ?? []).find(
      (known) =>
        (known.externalId === null || row.externalId === undefined) &&
        payeeSimilarity(known.payee, row.payee) >= SIMILAR_PAYEE,
    );
    if (twin) {
      const where = twin.line === null ? 'a transaction in the ledger' : `line ${twin.line}`;
      return { line, status: 'DUPLICATE', row, reason: `same date, amount and payee as ${where}` };
    }
    remember(key, { payee: row.payee, externalId: row.externalId ?? null, line });
    if (row.externalId !== undefined) fileIds.set(row.externalId, line);
    return { line, status: 'NEW', row: { ...row, categoryId } };
  });
}

function keyOf(bookedOn: string, direction: string, amountMinor: number): string {
  return `${bookedOn}|${direction}|${amountMinor}`;
}
