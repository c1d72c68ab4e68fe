import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { ImportRequest } from './import.service';

export enum ImportFormatGql {
  CSV = 'CSV',
  OFX = 'OFX',
  QFX = 'QFX',
  QIF = 'QIF',
}
registerEnumType(ImportFormatGql, { name: 'ImportFormat' });

export enum ImportModeGql {
  STRICT = 'STRICT',
  LENIENT = 'LENIENT',
}
registerEnumType(ImportModeGql, {
  name: 'ImportMode',
  valuesConfig: {
    STRICT: { description: 'Any bad row: nothing is imported.' },
    LENIENT: { description: 'Bad rows are skipped and reported.' },
  },
});

export enum ImportDateFormatGql {
  YYYY_MM_DD = 'YYYY-MM-DD',
  MM_DD_YYYY = 'MM/DD/YYYY',
  DD_MM_YYYY = 'DD/MM/YYYY',
  DD_MM_YYYY_DOTS = 'DD.MM.YYYY',
}
registerEnumType(ImportDateFormatGql, {
  name: 'ImportDateFormat',
  description: 'YYYY_MM_DD is 2026-03-31; DD_MM_YYYY_DOTS is 31.03.2026.',
});

export enum DecimalSeparatorGql {
  DOT = '.',
  COMMA = ',',
}
registerEnumType(DecimalSeparatorGql, { name: 'DecimalSeparator' });

export enum SignConventionGql {
  NEGATIVE_IS_EXPENSE = 'NEGATIVE_IS_EXPENSE',
  POSITIVE_IS_EXPENSE = 'POSITIVE_IS_EXPENSE',
}
registerEnumType(SignConventionGql, { name: 'SignConvention' });

@InputType({
  description: 'Where each field is: a header name, or a 0-based column number as text.',
})
export class CsvColumnMappingInput {
  @Field(() => String) date!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A signed amount; else map debit and credit.',
  })
  amount?: string | null;
  @Field(() => String, { nullable: true }) debit?: string | null;
  @Field(() => String, { nullable: true }) credit?: string | null;
  @Field(() => String, { nullable: true }) payee?: string | null;
  @Field(() => String, { nullable: true }) memo?: string | null;
  @Field(() => String, { nullable: true, description: 'A category id or alias; empty is Flex.' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'The bank’s own transaction id.' })
  externalId?: string | null;
}

@InputType()
export class CsvImportOptionsInput {
  @Field(() => String, { defaultValue: ',' }) delimiter!: string;
  @Field(() => Boolean, { defaultValue: true }) hasHeader!: boolean;
  @Field(() => CsvColumnMappingInput) columns!: CsvColumnMappingInput;
}

@InputType()
export class ImportTransactionsInput {
  @Field(() => ID, {
    description:
      'Client-generated UUID: replaying the import returns its report and imports nothing twice.',
  })
  importId!: string;
  @Field(() => ImportFormatGql) format!: ImportFormatGql;
  @Field(() => String, { description: 'The file’s text, at most 5 MB.' }) content!: string;
  @Field(() => ImportModeGql, { defaultValue: ImportModeGql.STRICT }) mode!: ImportModeGql;
  @Field(() => ImportDateFormatGql, {
    defaultValue: ImportDateFormatGql.YYYY_MM_DD,
    description: 'CSV and QIF.',
  })
  dateFormat!: ImportDateFormatGql;
  @Field(() => DecimalSeparatorGql, {
    defaultValue: DecimalSeparatorGql.DOT,
    description: 'CSV and QIF.',
  })
  decimalSeparator!: DecimalSeparatorGql;
  @Field(() => SignConventionGql, {
    defaultValue: SignConventionGql.NEGATIVE_IS_EXPENSE,
    description: 'CSV amounts.',
  })
  signConvention!: SignConventionGql;
  @Field(() => CsvImportOptionsInput, { nullable: true, description: 'Required for CSV.' })
  csv?: CsvImportOptionsInput | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Preview only: how many rows to show (default 20, at most 200).',
  })
  previewRows?: number | null;
}

/** The service request of the GraphQL input. */
export function toImportRequest(input: ImportTransactionsInput): ImportRequest {
  return {
    importId: input.importId,
    format: input.format,
    content: input.content,
    mode: input.mode,
    dateFormat: input.dateFormat,
    decimalSeparator: input.decimalSeparator,
    signConvention: input.signConvention,
    csv: input.csv
      ? {
          delimiter: input.csv.delimiter,
          hasHeader: input.csv.hasHeader,
          columns: input.csv.columns,
        }
      : null,
    previewRows: input.previewRows ?? null,
  };
}
