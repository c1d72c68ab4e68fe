import { stringify } from 'csv-stringify/sync';
import { formatDecimal } from '@pace/engine';
import type { BudgetMonthService } from '../budget';
import {
  cursorOf,
  type ListFilterRequest,
  type TransactionListService,
  type TransactionRow,
} from '../transactions';

const PAGE = 200;
export const EXPORT_COLUMNS = [
  'date',
  'amount',
  'currency',
  'direction',
  'category',
  'payee',
  'memo',
  'external_id',
  'source',
  'id',
] as const;

export interface ExportFileData {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The ledger as CSV, for any list filter: exact decimal amounts signed from the account holder's
 * side (money out is negative, as bank files write it) and local dates, so the file imports back.
 */
export class TransactionExportService {
  constructor(
    private readonly deps: { reads: TransactionListService; months: BudgetMonthService },
  ) {}

  async exportCsv(userId: string, filter: ListFilterRequest | null): Promise<ExportFileData> {
    const today = await this.deps.months.todayForUser(userId);
    const records: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.deps.reads.list(userId, { first: PAGE, after, filter });
      records.push(...page.rows.map(recordOf));
      const last = page.rows[page.rows.length - 1];
      if (!page.hasNextPage || !last) break;
      after = cursorOf(last);
    }
    return {
      filename: `pace-transactions-${today}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: stringify(records, {
        header: true,
        columns: [...EXPORT_COLUMNS],
        quoted_match: FORMULA_ESCAPED,
      }),
    };
  }
}

/** A cell a spreadsheet would read as a formula: OWASP's CSV injection list. */
const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

/** Text a person typed, made inert for spreadsheets: a leading quote, and the cell quoted. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function recordOf(row: TransactionRow): string[] {
  const signed = row.direction === 'income' ? row.amountMinor : -row.amountMinor;
  // The amount is the one cell the export itself writes as a number (negative for money out),
  // so it stays readable as a number; every other cell may carry text from a person or a bank.
  return [
    row.bookedOn,
    formatDecimal(signed, row.currency),
    ...[
      row.currency,
      row.direction,
      row.categoryId,
      row.merchant ?? '',
      row.description,
      row.externalId ?? '',
      row.source,
      row.id,
    ].map(escapeFormula),
  ];
}
