import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { budgetActorOf, budgetOwnerIdOf } from '../households';
import { TransactionFilter } from '../transactions';
import { ImportTransactionsInput, toImportRequest } from './import.input';
import type { CsvMappingService } from './csv-mapping.service';
import type { ImportService } from './import.service';
import { ExportFile, ImportReport, toExportFile, toImportReport } from './import.type';
import { ImportBankFilePayload, PreviewBankFilePayload } from './import-payloads.type';
import type { TransactionExportService } from './transaction-export.service';

export interface ImportServices {
  imports: ImportService;
  exports: TransactionExportService;
  csvMappings: CsvMappingService;
}

@Resolver()
export class ImportResolver {
  constructor(private readonly services: ImportServices) {}

  @RequireScopes('write:transactions')
  @Mutation(() => ImportReport, {
    description: 'Parses and checks a bank file against the ledger; writes nothing.',
    deprecationReason: 'Use previewBankFile. Removal after 2027-06-30.',
  })
  async previewImport(
    @Arg('input', () => ImportTransactionsInput, { description: 'The file and how to read it.' })
    input: ImportTransactionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReport> {
    return toImportReport(
      await this.services.imports.preview(
        await budgetOwnerIdOf(ctx, 'write'),
        toImportRequest(input),
      ),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => ImportReport, {
    description:
      'Imports a bank file (all or nothing in STRICT mode, bad rows left out in LENIENT); duplicates are skipped. Idempotent by `importId`.',
    deprecationReason: 'Use importBankFile. Removal after 2027-06-30.',
  })
  async importTransactions(
    @Arg('input', () => ImportTransactionsInput, {
      description: 'The file, how to read it and its client id.',
    })
    input: ImportTransactionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReport> {
    const actor = await budgetActorOf(ctx, 'write');
    return toImportReport(
      await this.services.imports.import(actor.ownerId, {
        ...toImportRequest(input),
        memberId: actor.memberId,
      }),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => PreviewBankFilePayload, {
    description: 'Parses and checks a bank file against the ledger; writes nothing.',
  })
  async previewBankFile(
    @Arg('input', () => ImportTransactionsInput, { description: 'The file and how to read it.' })
    input: ImportTransactionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PreviewBankFilePayload> {
    return Object.assign(new PreviewBankFilePayload(), {
      report: await this.previewImport(input, ctx),
    });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => ImportBankFilePayload, {
    description:
      'Imports a bank file (all or nothing in STRICT mode, bad rows left out in LENIENT); duplicates are skipped. Idempotent by `importId`.',
  })
  async importBankFile(
    @Arg('input', () => ImportTransactionsInput, {
      description: 'The file, how to read it and its client id.',
    })
    input: ImportTransactionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportBankFilePayload> {
    return Object.assign(new ImportBankFilePayload(), {
      report: await this.importTransactions(input, ctx),
    });
  }

  @RequireScopes('write:transactions')
  @Query(() => ImportReport, {
    description:
      'Where one of your imports is: the report of a finished one, or how far a queued one got (status, progress). NOT_FOUND (IMPORT_NOT_FOUND) for an id that is not one of your imports.',
  })
  async importReport(
    @Arg('importId', () => ID, { description: 'The `importId` the import was sent with.' })
    importId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReport> {
    return toImportReport(
      await this.services.imports.report(await budgetOwnerIdOf(ctx, 'read'), importId),
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => ExportFile, {
    description: 'The transactions of a filter as CSV (exact decimals, local dates).',
  })
  async exportTransactions(
    @Arg('filter', () => TransactionFilter, {
      nullable: true,
      description: 'Which transactions; every live one when absent.',
    })
    filter: TransactionFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ExportFile> {
    return toExportFile(
      await this.services.exports.exportCsv(await budgetOwnerIdOf(ctx, 'read'), filter),
    );
  }
}
