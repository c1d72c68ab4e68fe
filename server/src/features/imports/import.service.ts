import { inferCategoryId, localDayBounds, monthOf, type LocalDate } from '@pace/engine';
import type {
  BudgetMonthService,
  BudgetSettingsRow,
  CategoryRepository,
  PlanService,
  WriteContext,
} from '../budget';
import type {
  Categorisation,
  CategorisationSubject,
  TransactionImportRepository,
} from '../transactions';
import type { Db } from '../../infra/db/database';
import { parseCamtImport } from './camt-import.rules';
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
import { parseMt940Import } from './mt940-import.rules';
import { parseOfxImport } from './ofx-import.rules';
import { parseQifImport } from './qif-import.rules';
import { isUuid } from '../../graphql/ids';
import type { Clock } from '../../infra/clock';
import type { JobQueue } from '../../infra/queue/job';
import { runImportJob } from './import.jobs';
import type { ImportJobRow } from './import.table';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Larger imports run as a job (`importReport` tells how far it got): none holds a request long. */
export const MAX_ROWS_IN_REQUEST = 2_000;
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
  /** Who books the rows when they import into someone else's (household) budget; stamped on each. */
  memberId?: string | null;
  /** The money account every row of the file moves; null: the default account. */
  accountId?: string | null;
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
      queue: JobQueue;
      clock: Clock;
      /** Throws unless the account is one of the person's (the money accounts feature). */
      checkAccount?: (userId: string, accountId: string) => Promise<void>;
      /** The person's categorisation rules, read through `db` (the rules feature). */
      rules?: (
        db: Db | null,
        userId: string,
      ) => Promise<(subject: CategorisationSubject) => Categorisation | null>;
    },
  ) {}

  /** Parses and checks the file against the ledger; writes nothing. */
  async preview(userId: string, request: ImportRequest): Promise<ImportReportData> {
    checkRequest(request);
    await this.checkAccount(userId, request);
    const settings = await this.deps.plans.getSettings(userId);
    const lines = parseFile(request, settings.currency);
    const verdicts = await this.classify(this.deps, userId, lines, request.accountId ?? null);
    const rows = Math.max(0, Math.min(request.previewRows ?? 20, MAX_PREVIEW_ROWS));
    return reportOf(verdicts, {
      ...request,
      currency: settings.currency,
      preview: { rows },
      months: [],
    });
  }

  /**
   * Imports once per `importId`: a replay returns the first report and imports nothing. Files of
   * more than MAX_ROWS_IN_REQUEST rows are queued as a job; the report then says QUEUED.
   */
  async import(userId: string, request: ImportRequest): Promise<ImportReportData> {
    checkRequest(request);
    await this.checkAccount(userId, request);
    const job = await this.deps.imports.findJob(request.importId);
    if (job) return { ...this.jobReport(job, userId), replayed: true };
    const stored = await this.findStored(this.deps.imports, userId, request.importId);
    if (stored) return stored;
    const settings = await this.deps.plans.getSettings(userId);
    const lines = parseFile(request, settings.currency);
    if (lines.length > MAX_ROWS_IN_REQUEST) return this.enqueue(userId, request, lines.length);
    return this.commit(userId, request, lines);
  }

  /** An unknown or someone else's account: MONEY_ACCOUNT_NOT_FOUND, before anything is read or written. */
  private async checkAccount(userId: string, request: ImportRequest): Promise<void> {
    if (request.accountId != null) await this.deps.checkAccount?.(userId, request.accountId);
  }

  /** Where an import of the person's is: finished, or its job's state. */
  async report(userId: string, importId: string): Promise<ImportReportData> {
    if (!isUuid(importId)) throw new ImportError('IMPORT_NOT_FOUND');
    const job = await this.deps.imports.findJob(importId);
    if (job) {
      if (job.userId !== userId) throw new ImportError('IMPORT_NOT_FOUND');
      return this.jobReport(job, userId);
    }
    const row = await this.deps.imports.find(importId);
    if (!row || row.userId !== userId) throw new ImportError('IMPORT_NOT_FOUND');
    return { ...(row.report as unknown as ImportReportData), replayed: false };
  }

  /**
   * The job's work: parse, check and commit the file as a small import would, noting progress.
   * A file that can never import fails at once; other failures are retried, then reported.
   */
  async runJob(importId: string, attempt: { number: number; of: number }): Promise<void> {
    const { imports, clock } = this.deps;
    const job = await imports.findJob(importId);
    if (!job || job.status === 'done' || job.status === 'failed' || !job.request) return;
    const request = job.request as unknown as ImportRequest;
    const progress = (value: number) =>
      imports.updateJob(importId, { status: 'running', progress: value, updatedAt: clock.now() });
    try {
      await progress(5);
      const settings = await this.deps.plans.getSettings(job.userId);
      const lines = parseFile(request, settings.currency);
      await progress(20);
      // The commit is one transaction: its own steps are invisible to others until it ends.
      const report = await this.commit(job.userId, request, lines);
      await imports.updateJob(importId, {
        status: 'done',
        progress: 100,
        request: null,
        report: { ...report },
        updatedAt: clock.now(),
      });
    } catch (error) {
      const final = error instanceof ImportError || attempt.number >= attempt.of;
      const failure = error instanceof ImportError ? String(error.code as unknown) : 'INTERNAL';
      await imports.updateJob(importId, {
        status: final ? 'failed' : 'queued',
        ...(final ? { request: null, failure } : {}),
        updatedAt: clock.now(),
      });
      if (!(error instanceof ImportError)) throw error;
    }
  }

  private async enqueue(
    userId: string,
    request: ImportRequest,
    totalRows: number,
  ): Promise<ImportReportData> {
    const now = this.deps.clock.now();
    const row: ImportJobRow = {
      id: request.importId,
      userId,
      status: 'queued',
      progress: 0,
      totalRows,
      request: { ...request },
      report: null,
      failure: null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.deps.imports.insertJob(row))) {
      const raced = await this.deps.imports.findJob(request.importId);
      if (raced) return { ...this.jobReport(raced, userId), replayed: true };
    }
    await this.deps.queue.enqueue(
      runImportJob,
      { importId: request.importId },
      // A moment later: in the embedded mode the job shares this process, and the answer goes first.
      { jobId: `import-${request.importId}`, delayMs: 50 },
    );
    return this.jobReport(row, userId);
  }

  private jobReport(job: ImportJobRow, userId: string): ImportReportData {
    if (job.userId !== userId) throw new ImportError('IMPORT_ID_TAKEN');
    if (job.status === 'done' && job.report)
      return { ...(job.report as unknown as ImportReportData), replayed: false };
    const request = (job.request ?? {}) as Partial<ImportRequest>;
    return {
      importId: job.id,
      format: request.format ?? 'CSV',
      mode: request.mode ?? 'LENIENT',
      committed: false,
      replayed: false,
      totalRows: job.totalRows,
      imported: 0,
      skipped: 0,
      failed: 0,
      months: [],
      rows: [],
      rowsTruncated: false,
      status: job.status === 'done' ? 'DONE' : (job.status.toUpperCase() as 'QUEUED'),
      progress: job.progress,
      failure: job.failure,
    };
  }

  private async commit(
    userId: string,
    request: ImportRequest,
    lines: ParsedLine[],
  ): Promise<ImportReportData> {
    return this.deps.months.write(userId, async (tx, context) => {
      const imports = this.deps.imports.with(tx);
      const again = await this.findStored(imports, userId, request.importId);
      if (again) return { value: again, months: [], cause: 'transaction' };
      const verdicts = await this.classify(
        { ledger: this.deps.ledger.with(tx), categories: this.deps.categories.with(tx), db: tx },
        userId,
        lines,
        request.accountId ?? null,
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
      const inserted = fresh.map((row) =>
        newTransactionOf(row, context, this.deps.newId(), {
          memberId: request.memberId ?? null,
          accountId: request.accountId ?? null,
        }),
      );
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
    reads: { ledger: TransactionImportRepository; categories: CategoryRepository; db?: Db },
    userId: string,
    lines: ParsedLine[],
    accountId: string | null,
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
    const verdicts = classifyLines(lines, { rows, externalIds }, categoryResolver(own));
    return this.categorised(reads.db ?? null, userId, lines, verdicts, accountId);
  }

  /**
   * Rows whose file named no category: the person's rules (which may also rename the payee and
   * add tags), then the merchant dictionary, else Flex as before (docs/rules.md).
   */
  private async categorised(
    db: Db | null,
    userId: string,
    lines: ParsedLine[],
    verdicts: LineVerdict[],
    accountId: string | null,
  ): Promise<LineVerdict[]> {
    const unnamed = new Set(
      lines.flatMap((line) => (line.row && !line.row.categoryId?.trim() ? [line.line] : [])),
    );
    if (!verdicts.some((v) => v.status === 'NEW' && unnamed.has(v.line))) return verdicts;
    const match = this.deps.rules ? await this.deps.rules(db, userId) : () => null;
    return verdicts.map((verdict) => {
      if (verdict.status !== 'NEW' || !unnamed.has(verdict.line)) return verdict;
      const { row } = verdict;
      const ruled = match({
        merchant: row.payee || null,
        description: row.memo,
        amountMinor: row.amountMinor,
        direction: row.direction,
        accountId,
      });
      const categoryId =
        ruled?.categoryId ?? inferCategoryId([row.payee, row.memo]) ?? row.categoryId;
      const tags = ruled?.tags.length ? { tags: [...ruled.tags] } : {};
      return {
        ...verdict,
        row: { ...row, ...tags, categoryId, payee: ruled?.merchant ?? row.payee },
      };
    });
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
      case 'CAMT053':
        return parseCamtImport(request.content, { currency });
      case 'MT940':
        return parseMt940Import(request.content, { currency });
    }
  } catch (error) {
    if (error instanceof RowError)
      throw new ImportError('IMPORT_FILE_INVALID', { message: error.message });
    throw error;
  }
}

function newTransactionOf(
  row: LineVerdict['row'] & { categoryId: string; tags?: string[] },
  context: WriteContext,
  id: string,
  stamp: { memberId: string | null; accountId: string | null },
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
    memberId: stamp.memberId,
    accountId: stamp.accountId,
    // A card line paid in another currency keeps the statement's amount and rate of that day.
    ...(row.paid
      ? {
          originalAmountMinor: row.paid.amountMinor,
          originalCurrency: row.paid.currency,
          fxRate: row.paid.rate,
          fxRateOn: bookedOn,
          fxRateSource: 'statement' as const,
        }
      : {}),
    ...(row.tags ? { tags: row.tags } : {}),
    createdAt: context.now,
    updatedAt: context.now,
  };
}
