import { isUuid } from '../../graphql/ids';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import type { CsvColumns } from './csv-import.rules';
import { headerSignatureOf, mappingProblem, MAX_MAPPINGS } from './csv-mapping.rules';
import type { CsvMappingRepository, NewCsvMappingRow } from './csv-mapping.repository';
import type { CsvMappingRow } from './csv-mapping.table';
import type { DateFormat, SignConvention } from './import-row.rules';
import { ImportError } from './import.errors';

export interface CsvMappingRequest {
  name: string;
  header: string[];
  delimiter: string;
  hasHeader: boolean;
  columns: CsvColumns;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
  signConvention: SignConvention;
  /** The money account this bank's files go into; null: the default account. */
  accountId?: string | null;
}

/** A person's CSV column mappings: saved under a name, offered again for the same header row. */
export class CsvMappingService {
  constructor(
    private readonly deps: {
      repository: CsvMappingRepository;
      newId: () => string;
      clock: Clock;
      /** Throws unless the account is one of the person's (the money accounts feature). */
      checkAccount?: (userId: string, accountId: string) => Promise<void>;
      /**
       * Runs a write holding the person's lock, so its change number commits in order with their
       * other writes and `changes(since)` never skips it.
       */
      inUserLock?: <T>(userId: string, work: (tx: Db) => Promise<T>) => Promise<T>;
    },
  ) {}

  /** The person's mappings, newest first; with `header`, those saved for the same header row. */
  async list(userId: string, header: readonly string[] | null): Promise<CsvMappingRow[]> {
    return this.deps.repository.list(userId, header ? headerSignatureOf(header) : null);
  }

  /**
   * Saves a mapping; one of the same name is replaced. Its account must be one of the accounts of
   * the budget the person acts on (`accountOwnerId`: the household owner's for a member).
   */
  async save(
    userId: string,
    request: CsvMappingRequest,
    accountOwnerId: string = userId,
  ): Promise<CsvMappingRow> {
    const problem = mappingProblem(request);
    if (problem) throw new ImportError('CSV_MAPPING_INVALID', { message: problem });
    if (request.accountId != null)
      await this.deps.checkAccount?.(accountOwnerId, request.accountId);
    const name = request.name.trim();
    return this.inLock(userId, async (repository) => {
      const existing = await repository.list(userId, null);
      if (!existing.some((row) => row.name === name) && existing.length >= MAX_MAPPINGS)
        throw new ImportError('CSV_MAPPING_LIMIT_REACHED', { max: MAX_MAPPINGS });
      return repository.upsert(this.rowOf(userId, name, request));
    });
  }

  /** Deletes one of the person's mappings (a tombstone their devices pull). */
  async delete(userId: string, id: string): Promise<CsvMappingRow> {
    const deleted = isUuid(id)
      ? await this.inLock(userId, (repository) =>
          repository.delete(userId, id, this.deps.clock.now()),
        )
      : null;
    if (!deleted) throw new ImportError('CSV_MAPPING_NOT_FOUND');
    return deleted;
  }

  private rowOf(userId: string, name: string, request: CsvMappingRequest): NewCsvMappingRow {
    const now = this.deps.clock.now();
    const { date, amount, debit, credit, payee, memo, category, externalId } = request.columns;
    const { originalAmount, originalCurrencyCode, rate } = request.columns;
    return {
      id: this.deps.newId(),
      userId,
      name,
      header: request.header,
      headerSignature: headerSignatureOf(request.header),
      delimiter: request.delimiter,
      hasHeader: request.hasHeader,
      columns: {
        date,
        amount: amount ?? null,
        debit: debit ?? null,
        credit: credit ?? null,
        payee: payee ?? null,
        memo: memo ?? null,
        category: category ?? null,
        externalId: externalId ?? null,
        originalAmount: originalAmount ?? null,
        originalCurrencyCode: originalCurrencyCode ?? null,
        rate: rate ?? null,
      },
      dateFormat: request.dateFormat,
      decimalSeparator: request.decimalSeparator,
      signConvention: request.signConvention,
      accountId: request.accountId ?? null,
      createdAt: now,
      updatedAt: now,
    };
  }

  private inLock<T>(userId: string, work: (repository: CsvMappingRepository) => Promise<T>) {
    const { inUserLock, repository } = this.deps;
    if (!inUserLock) return work(repository);
    return inUserLock(userId, (tx) => work(repository.with(tx)));
  }
}
