import { isUuid } from '../../graphql/ids';
import type { Clock } from '../../infra/clock';
import type { CsvColumns } from './csv-import.rules';
import { headerSignatureOf, mappingProblem, MAX_MAPPINGS } from './csv-mapping.rules';
import type { CsvMappingRepository } from './csv-mapping.repository';
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
}

/** A person's CSV column mappings: saved under a name, offered again for the same header row. */
export class CsvMappingService {
  constructor(
    private readonly deps: {
      repository: CsvMappingRepository;
      newId: () => string;
      clock: Clock;
    },
  ) {}

  /** The person's mappings, newest first; with `header`, those saved for the same header row. */
  async list(userId: string, header: readonly string[] | null): Promise<CsvMappingRow[]> {
    return this.deps.repository.list(userId, header ? headerSignatureOf(header) : null);
  }

  /** Saves a mapping; one of the same name is replaced. */
  async save(userId: string, request: CsvMappingRequest): Promise<CsvMappingRow> {
    const problem = mappingProblem(request);
    if (problem) throw new ImportError('CSV_MAPPING_INVALID', { message: problem });
    const name = request.name.trim();
    const { repository } = this.deps;
    const existing = await repository.list(userId, null);
    if (!existing.some((row) => row.name === name) && existing.length >= MAX_MAPPINGS)
      throw new ImportError('CSV_MAPPING_LIMIT_REACHED', { max: MAX_MAPPINGS });
    const now = this.deps.clock.now();
    const { date, amount, debit, credit, payee, memo, category, externalId } = request.columns;
    const { originalAmount, originalCurrencyCode, rate } = request.columns;
    return repository.upsert({
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
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Deletes one of the person's mappings. */
  async delete(userId: string, id: string): Promise<CsvMappingRow> {
    const deleted = isUuid(id) ? await this.deps.repository.delete(userId, id) : null;
    if (!deleted) throw new ImportError('CSV_MAPPING_NOT_FOUND');
    return deleted;
  }
}
