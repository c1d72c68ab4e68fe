import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { budgetOwnerIdOf } from '../households';
import { SaveCsvMappingInput, toCsvMappingRequest } from './csv-mapping.input';
import type { CsvMappingService } from './csv-mapping.service';
import {
  CsvMapping,
  DeleteCsvMappingPayload,
  SaveCsvMappingPayload,
  toCsvMapping,
} from './csv-mapping.type';

@Resolver()
export class CsvMappingResolver {
  constructor(private readonly services: { csvMappings: CsvMappingService }) {}

  @RequireScopes('read:transactions')
  @Query(() => [CsvMapping], {
    description:
      'Your saved CSV column mappings (at most 50), newest first; with `header`, only those saved for a file with the same header row.',
  })
  async csvMappings(
    @Arg('header', () => [String], {
      nullable: true,
      description: 'A CSV file’s header row, cell by cell: only the mappings saved for it.',
    })
    header: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CsvMapping[]> {
    const rows = await this.services.csvMappings.list(viewerIdOf(ctx), header ?? null);
    return rows.map(toCsvMapping);
  }

  @RequireScopes('write:transactions')
  @Mutation(() => SaveCsvMappingPayload, {
    description:
      'Saves how to read a bank’s CSV files under a name; the same name replaces the saved mapping.',
  })
  async saveCsvMapping(
    @Arg('input', () => SaveCsvMappingInput, { description: 'The mapping and its name.' })
    input: SaveCsvMappingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SaveCsvMappingPayload> {
    // The mapping stays the person's own; its account is one of the budget they act on.
    const row = await this.services.csvMappings.save(
      viewerIdOf(ctx),
      toCsvMappingRequest(input),
      await budgetOwnerIdOf(ctx, 'read'),
    );
    return Object.assign(new SaveCsvMappingPayload(), { csvMapping: toCsvMapping(row) });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => DeleteCsvMappingPayload, {
    description: 'Deletes one of your saved CSV mappings.',
  })
  async deleteCsvMapping(
    @Arg('id', () => ID, { description: 'The mapping.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteCsvMappingPayload> {
    const row = await this.services.csvMappings.delete(viewerIdOf(ctx), id);
    return Object.assign(new DeleteCsvMappingPayload(), { deletedCsvMappingId: row.id });
  }
}
