import { localDayBounds, monthOf, type LocalDate } from '@pace/engine';
import type {
  BudgetMonthService,
  BudgetSettingsRow,
  CategoryRepository,
  PlanService,
  WriteContext,
} from '../budget';
import type { TransactionImportRepository } from '../transactions';
import { parseCsvImport, type CsvColumns } from './csv-import.rules';
import { categoryResolver } from './import-category.rules';
import { classifyLines, type LineVerdict } from './import-duplicates.rules';
import {
  reportOf,
  type ImportFormat,
  type ImportMode,
  type ImportReportData,
} from './import-report.rules';
import {
  RowError,
  type DateFormat,
  type ParsedLine,
  type SignConvention,
} from './import-row.rules';
import { ImportError } from './import.errors';
import type { ImportRepository } from './import.repository';
import { parseOfxImport } from './ofx-import.rules';
import { parseQifImport } from './qif-import.rules';
import { isUuid } from '../../graphql/ids';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_PREVIEW_ROWS = 200;

export interface ImportRequest {
  importId: string;
  format: ImportFormat;
  content: string;
  mode: ImportMode;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
  signConvention: SignConvention;
  csv?: { delimiter: string; hasHeader: boolean; columns: CsvColumns } | null;
  previewRows?: number | null;
}

/**
 * Bank files into the ledger, all or nothing: one database transaction under the user's budget
 * lock, rows inserted in batches, each affected month recomputed once, one budgetUpdated per month.
 */
export class ImportService {
  constructor(
    private readonly deps: {
      imports: ImportRepository;
      ledger: TransactionImportRepository;
      categories: CategoryRepository;
      months: BudgetMonthService;
      plans: PlanService;
      newId: () => string;
    },
  ) {}

  /** Parses and checks the file against the ledger; writes nothing. */
  async preview(userId: string, request: ImportRequest): Promise<ImportReportData> {
    checkRequest(request);
    const settings = await this.deps.plans.getSettings(userId);
    const lines = parseFile(request, settings.currency);
    const verdicts = await this.classify(this.deps, userId, lines);
    const rows = Math.max(0, Math.min(request.previewRows ?? 20, MAX_PREVIEW_ROWS));
    return reportOf(verdicts, {
      ...request,
      currency: settings.currency,
      preview: { rows },
      months: [],
    });
  }

  /** Imports once per `importId`: a replay returns the first report and imports nothing. */
  async import(userId: string, request: ImportRequest): Promise<ImportReportData> {
    checkRequest(request);
    const stored = await this.findStored(this.deps.imports, userId, request.importId);
    if (stored) return stored;
    const settings = await this.deps.plans.getSettings(userId);
    const lines = parseFile(request, settings.currency);
    return this.deps.months.write(userId, async (tx, context) => {
      const imports = this.deps.imports.with(tx);
      const again = await this.findStored(imports, userId, request.importId);
      if (again) return { value: again, months: [], cause: 'transaction' };
      const verdicts = await this.classify(
        { ledger: this.deps.ledger.with(tx), categories: this.deps.categories.with(tx) },
        userId,
        lines,
      );
      const fresh = verdicts.flatMap((v) => (v.status === 'NEW' ? [v.row] : []));
      const months = [...new Set(fresh.map((row) => monthOf(row.occurredOn)))].sort();
      const report = reportOf(verdicts, {
        ...request,
        currency: context.settings.currency,
        preview: null,
        months,
      });
      if (!report.committed) return { value: report, months: [], cause: 'transaction' };
      const inserted = fresh.map((row) => newTransactionOf(row, context, this.deps.newId()));
      await this.deps.ledger.with(tx).insertMany(inserted);
      await imports.insert({
        id: request.importId,
        userId,
        format: request.format,
        report: { ...report },
        createdAt: context.now,
      });
      return {
        value: report,
        months,
        cause: 'transaction',
        // The month before the import: without the rows it added.
        ledgerChange: {
          before: [],
          after: inserted.map(({ id, categoryId, amountMinor, direction, bookedOn, currency }) => ({
            id,
            categoryId,
            amountMinor,
            direction,
            bookedOn,
            currency,
          })),
        },
      };
    });
  }

  private async findStored(
    imports: ImportRepository,
    userId: string,
    importId: string,
  ): Promise<ImportReportData | null> {
    const row = await imports.find(importId);
    if (!row) return null;
    if (row.userId !== userId) throw new ImportError('IMPORT_ID_TAKEN');
    return { ...(row.report as unknown as ImportReportData), replayed: true };
  }

  /** Verdicts of the lines against the ledger and the user's own categories, read by `reads`. */
  private async classify(
    reads: { ledger: TransactionImportRepository; categories: CategoryRepository },
    userId: string,
    lines: ParsedLine[],
  ): Promise<LineVerdict[]> {
    const dates = lines.flatMap((line) => (line.row ? [line.row.occurredOn] : [])).sort();
    const ids = [
      ...new Set(
        lines.flatMap((line) => (line.row?.externalId !== undefined ? [line.row.externalId] : [])),
      ),
    ];
    const [first, last] = [dates[0], dates[dates.length - 1]];
    const rows = first && last ? await reads.ledger.listBookedBetween(userId, first, last) : [];
    const externalIds =
      ids.length > 0 ? await reads.ledger.findExternalIds(userId, ids) : new Set<string>();
    const own = await reads.categories.list(userId);
    return classifyLines(lines, { rows, externalIds }, categoryResolver(own));
  }
}

function checkRequest(request: ImportRequest): void {
  if (!isUuid(request.importId))
    throw new ImportError('IMPORT_INPUT_INVALID', { message: 'importId must be a UUID.' });
  if (Buffer.byteLength(request.content, 'utf8') > MAX_IMPORT_BYTES)
    throw new ImportError('IMPORT_TOO_LARGE', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (request.format === 'CSV' && !request.csv)
    throw new ImportError('IMPORT_INPUT_INVALID', {
      message: 'A CSV import needs csv options with a column mapping.',
    });
}

function parseFile(request: ImportRequest, currency: BudgetSettingsRow['currency']): ParsedLine[] {
  try {
    switch (request.format) {
      case 'CSV':
        if (!request.csv) throw new RowError('csv options are missing');
        return parseCsvImport(request.content, { ...request.csv, ...request, currency });
      case 'OFX':
      case 'QFX':
        return parseOfxImport(request.content, { currency });
      case 'QIF':
        return parseQifImport(request.content, { ...request, currency });
    }
  } catch (error) {
    if (error instanceof RowError)
      throw new ImportError('IMPORT_FILE_INVALID', { message: error.message });
    throw error;
  }
}

function newTransactionOf(
  row: LineVerdict['row'] & { categoryId: string },
  context: WriteContext,
  id: string,
) {
  const { currency, timeZone, userId } = context.settings;
  const bookedOn: LocalDate = row.occurredOn;
  return {
    id,
    userId,
    amountMinor: row.amountMinor,
    currency,
    direction: row.direction,
    categoryId: row.categoryId,
    description: row.memo,
    merchant: row.payee || null,
    occurredAt: new Date(localDayBounds(bookedOn, timeZone).startsAt),
    bookedOn,
    source: 'import' as const,
    externalId: row.externalId ?? null,
    createdAt: context.now,
    updatedAt: context.now,
  };
}
