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
      content: stringify(records, { header: true, columns: [...EXPORT_COLUMNS] }),
    };
  }
}

function recordOf(row: TransactionRow): string[] {
  const signed = row.direction === 'income' ? row.amountMinor : -row.amountMinor;
  return [
    row.bookedOn,
    formatDecimal(signed, row.currency),
    row.currency,
    row.direction,
    row.categoryId,
    row.merchant ?? '',
    row.description,
    row.externalId ?? '',
    row.source,
    row.id,
  ];
}
