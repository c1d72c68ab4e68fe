import { parse } from 'csv-parse/sync';
import {
  RowError,
  directedAmount,
  parseLocalDate,
  parseSignedAmount,
  type DateFormat,
  type NormalisedRow,
  type ParsedLine,
  type SignConvention,
} from './import-row.rules';
import { paidOnStatement } from './statement-rate.rules';

/** Where each field is: a header name (with a header row) or a 0-based column index as text. */
export interface CsvColumns {
  date: string;
  /** One signed amount column, or `debit` and `credit` columns (both unsigned). */
  amount?: string | null;
  debit?: string | null;
  credit?: string | null;
  payee?: string | null;
  memo?: string | null;
  category?: string | null;
  externalId?: string | null;
  /** A card line paid in another currency: the amount paid (unsigned), its currency, the rate. */
  originalAmount?: string | null;
  originalCurrencyCode?: string | null;
  /** Budget-currency units for one unit of the original currency, as the statement prints it. */
  rate?: string | null;
}

export interface CsvOptions {
  delimiter: string;
  hasHeader: boolean;
  columns: CsvColumns;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
  signConvention: SignConvention;
  currency: string;
}

/** Reads CSV text into normalised rows; a row that cannot be read carries its reason instead. */
export function parseCsvImport(text: string, options: CsvOptions): ParsedLine[] {
  const records = readRecords(text, options.delimiter);
  const header = options.hasHeader ? records.shift() : undefined;
  const indexOf = columnIndexer(header?.record);
  const columns = resolveColumns(options.columns, indexOf);
  return records.map(({ record, line }) => {
    try {
      return { line, row: readRow(record, columns, options) };
    } catch (error) {
      if (error instanceof RowError) return { line, error: error.message };
      throw error;
    }
  });
}

interface CsvRecord {
  record: string[];
  line: number;
}

function readRecords(text: string, delimiter: string): CsvRecord[] {
  try {
    const rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return rows.map((row) => ({ record: row.record, line: row.info.lines }));
  } catch (error) {
    throw new RowError(
      `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function columnIndexer(header: string[] | undefined): (name: string) => number {
  const positions = new Map(
    (header ?? []).map((name, index) => [name.trim().toLowerCase(), index]),
  );
  return (name) => {
    const byName = positions.get(name.trim().toLowerCase());
    if (byName !== undefined) return byName;
    if (/^\d+$/.test(name.trim())) return Number(name.trim());
    throw new RowError(`column "${name}" is not in the file`);
  };
}

type ResolvedColumns = { [K in keyof CsvColumns]-?: number | null };

function resolveColumns(columns: CsvColumns, indexOf: (name: string) => number): ResolvedColumns {
  const at = (name: string | null | undefined) => (name ? indexOf(name) : null);
  const resolved = {
    date: indexOf(columns.date),
    amount: at(columns.amount),
    debit: at(columns.debit),
    credit: at(columns.credit),
    payee: at(columns.payee),
    memo: at(columns.memo),
    category: at(columns.category),
    externalId: at(columns.externalId),
    originalAmount: at(columns.originalAmount),
    originalCurrencyCode: at(columns.originalCurrencyCode),
    rate: at(columns.rate),
  };
  if (resolved.originalCurrencyCode !== null && resolved.rate === null)
    throw new RowError('map a rate column with the original currency column');
  if (resolved.amount === null && resolved.debit === null && resolved.credit === null) {
    throw new RowError('map an amount column, or debit and credit columns');
  }
  return resolved;
}

function readRow(record: string[], columns: ResolvedColumns, options: CsvOptions): NormalisedRow {
  const cell = (index: number | null) => (index === null ? '' : (record[index] ?? '').trim());
  const dateText = cell(columns.date);
  const occurredOn = parseLocalDate(dateText, options.dateFormat);
  if (!occurredOn) throw new RowError(`"${dateText}" is not a date in ${options.dateFormat}`);
  const signed = signedAmountOf(
    cell(columns.amount),
    cell(columns.debit),
    cell(columns.credit),
    options,
  );
  const category = cell(columns.category);
  const externalId = cell(columns.externalId);
  const booked = directedAmount(signed, options.signConvention);
  const paid = cell(columns.originalCurrencyCode)
    ? paidOnStatement({
        bookedMinor: booked.amountMinor,
        budgetCurrency: options.currency,
        paidCurrency: cell(columns.originalCurrencyCode),
        paidAmountText: cell(columns.originalAmount),
        decimalSeparator: options.decimalSeparator,
        rateText: cell(columns.rate),
        rateUnit: 'paid',
      })
    : null;
  return {
    occurredOn,
    ...booked,
    ...(paid ? { paid } : {}),
    payee: unescapeFormula(cell(columns.payee)),
    memo: unescapeFormula(cell(columns.memo)),
    ...(category ? { categoryId: category } : {}),
    ...(externalId ? { externalId } : {}),
  };
}

/** The signed amount in the file's convention; debit/credit columns hold unsigned amounts. */
function signedAmountOf(
  amount: string,
  debit: string,
  credit: string,
  options: CsvOptions,
): number {
  const read = (text: string) =>
    parseSignedAmount(text, options.currency, options.decimalSeparator);
  if (amount) return read(amount);
  const outflowSign = options.signConvention === 'NEGATIVE_IS_EXPENSE' ? -1 : 1;
  if (debit) return outflowSign * Math.abs(read(debit));
  if (credit) return -outflowSign * Math.abs(read(credit));
  throw new RowError('the amount is empty');
}

/**
 * Text our own export made inert for spreadsheets ("'=SUM(…)") read back as the person wrote it,
 * so exporting and importing again changes nothing (the export escapes it again).
 */
export function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
