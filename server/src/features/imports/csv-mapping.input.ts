import { Field, ID, InputType } from 'type-graphql';
import {
  CsvColumnMappingInput,
  DecimalSeparatorGql,
  ImportDateFormatGql,
  SignConventionGql,
} from './import.input';
import type { CsvMappingRequest } from './csv-mapping.service';

@InputType({
  description:
    'How to read one bank’s CSV files, saved under a name; saving a name you already use replaces that mapping.',
})
export class SaveCsvMappingInput {
  @Field(() => String, {
    description: 'A name you will recognise, e.g. the bank; 1–60 characters.',
  })
  name!: string;
  @Field(() => [String], {
    description:
      'The file’s header row, cell by cell: a file with the same header (spacing and case aside) is offered this mapping.',
  })
  header!: string[];
  @Field(() => String, { defaultValue: ',', description: 'The field separator, e.g. "," or ";".' })
  delimiter!: string;
  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Whether the first line holds column names.',
  })
  hasHeader!: boolean;
  @Field(() => CsvColumnMappingInput, { description: 'Which column holds which field.' })
  columns!: CsvColumnMappingInput;
  @Field(() => ImportDateFormatGql, {
    defaultValue: ImportDateFormatGql.YYYY_MM_DD,
    description: 'How the file writes its dates.',
  })
  dateFormat!: ImportDateFormatGql;
  @Field(() => DecimalSeparatorGql, {
    defaultValue: DecimalSeparatorGql.DOT,
    description: 'The decimal separator of the file’s amounts.',
  })
  decimalSeparator!: DecimalSeparatorGql;
  @Field(() => SignConventionGql, {
    defaultValue: SignConventionGql.NEGATIVE_IS_EXPENSE,
    description: 'Which sign of the amount column is money going out.',
  })
  signConvention!: SignConventionGql;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account this bank’s files are booked into (`accounts`), offered again with the mapping; the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing saved.',
  })
  accountId?: string | null;
}

/** The service request of the GraphQL input. */
export function toCsvMappingRequest(input: SaveCsvMappingInput): CsvMappingRequest {
  return {
    name: input.name,
    header: input.header,
    delimiter: input.delimiter,
    hasHeader: input.hasHeader,
    columns: { ...input.columns },
    dateFormat: input.dateFormat,
    decimalSeparator: input.decimalSeparator,
    signConvention: input.signConvention,
    accountId: input.accountId ?? null,
  };
}
