import type { CsvColumns } from './csv-import.rules';

/**
 * The signature of a CSV header row: its cells trimmed, unquoted, lower-cased, accents and
 * inner spacing kept as one form, in order. Two exports of one bank give the same signature.
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

export const MAX_MAPPING_NAME = 60;
export const MAX_HEADER_CELLS = 200;
export const MAX_HEADER_CELL = 200;
/** Saved mappings per person: one per bank or card is a handful. */
export const MAX_MAPPINGS = 50;

/** Why a mapping cannot be saved, or null: a name, a header, and columns that are in it. */
export function mappingProblem(mapping: {
  name: string;
  header: readonly string[];
  delimiter: string;
  columns: CsvColumns;
}): string | null {
  const name = mapping.name.trim();
  if (name.length === 0 || name.length > MAX_MAPPING_NAME)
    return `the name must have 1 to ${MAX_MAPPING_NAME} characters`;
  if (mapping.header.length === 0 || mapping.header.length > MAX_HEADER_CELLS)
    return `the header must have 1 to ${MAX_HEADER_CELLS} columns`;
  if (mapping.header.some((cell) => cell.length > MAX_HEADER_CELL))
    return `a header cell is longer than ${MAX_HEADER_CELL} characters`;
  if (mapping.delimiter.length !== 1) return 'the delimiter must be one character';
  const { columns } = mapping;
  if (!columns.amount && !columns.debit && !columns.credit)
    return 'map an amount column, or debit and credit columns';
  const known = new Set(mapping.header.map((cell) => headerSignatureOf([cell])));
  for (const [field, column] of Object.entries(columns) as Array<
    [string, string | null | undefined]
  >) {
    if (!column) continue;
    const isIndex = /^\d+$/.test(column.trim()) && Number(column) < mapping.header.length;
    if (!isIndex && !known.has(headerSignatureOf([column])))
      return `the ${field} column "${column}" is not in the header`;
  }
  return null;
}
