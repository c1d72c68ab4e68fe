import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { ImportRequest } from './import.service';

export enum ImportFormatGql {
  CSV = 'CSV',
  OFX = 'OFX',
  QFX = 'QFX',
  QIF = 'QIF',
  CAMT053 = 'CAMT053',
  MT940 = 'MT940',
}
registerEnumType(ImportFormatGql, {
  name: 'ImportFormat',
  description: 'The kind of bank file.',
  valuesConfig: {
    CSV: { description: 'Comma- or otherwise-separated values; needs `csv` column mapping.' },
    OFX: { description: 'Open Financial Exchange, as banks export it.' },
    QFX: { description: 'Quicken’s OFX.' },
    QIF: { description: 'Quicken Interchange Format.' },
    CAMT053: {
      description:
        'ISO 20022 bank-to-customer statement (camt.053, versions .02 to .08), as European banks export it; booked entries only, a batch split into its transactions.',
    },
    MT940: {
      description:
        'SWIFT MT940 statement, one or more in a file; German banks’ structured :86: purpose and payee are read.',
    },
  },
});

export enum ImportModeGql {
  STRICT = 'STRICT',
  LENIENT = 'LENIENT',
}
registerEnumType(ImportModeGql, {
  name: 'ImportMode',
  description: 'What an import does with rows it cannot read.',
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
  description: 'How the file writes its dates.',
  valuesConfig: {
    YYYY_MM_DD: { description: '2026-03-31' },
    MM_DD_YYYY: { description: '03/31/2026' },
    DD_MM_YYYY: { description: '31/03/2026' },
    DD_MM_YYYY_DOTS: { description: '31.03.2026' },
  },
});

export enum DecimalSeparatorGql {
  DOT = '.',
  COMMA = ',',
}
registerEnumType(DecimalSeparatorGql, {
  name: 'DecimalSeparator',
  description: 'The character between whole units and decimals in the file’s amounts.',
  valuesConfig: {
    DOT: { description: '1234.56' },
    COMMA: { description: '1234,56' },
  },
});

export enum SignConventionGql {
  NEGATIVE_IS_EXPENSE = 'NEGATIVE_IS_EXPENSE',
  POSITIVE_IS_EXPENSE = 'POSITIVE_IS_EXPENSE',
}
registerEnumType(SignConventionGql, {
  name: 'SignConvention',
  description: 'Which sign of a CSV amount column is money going out.',
  valuesConfig: {
    NEGATIVE_IS_EXPENSE: {
      description: 'Money out is negative, money in positive (most banks).',
    },
    POSITIVE_IS_EXPENSE: {
      description: 'Money out is positive, money in negative (e.g. credit-card statements).',
    },
  },
});

@InputType({
  description: 'Where each field is: a header name, or a 0-based column number as text.',
})
export class CsvColumnMappingInput {
  @Field(() => String, { description: 'The column of the booking date.' })
  date!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A signed amount; else map debit and credit.',
  })
  amount?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of money going out, unsigned (with `credit`, instead of `amount`).',
  })
  debit?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of money coming in, unsigned (with `debit`, instead of `amount`).',
  })
  credit?: string | null;
  @Field(() => String, { nullable: true, description: 'The column of the payee (merchant).' })
  payee?: string | null;
  @Field(() => String, { nullable: true, description: 'The column of a free-text memo.' })
  memo?: string | null;
  @Field(() => String, { nullable: true, description: 'A category id or alias; empty is Flex.' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'The bank’s own transaction id.' })
  externalId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The amount as paid in another currency (a card line); with `originalCurrencyCode` and `rate`.',
  })
  originalAmount?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The column of the ISO 4217 code the line was paid in; an empty cell or the budget’s code is a plain line.',
  })
  originalCurrencyCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The statement’s rate: budget-currency units for one unit of `originalCurrencyCode`, exact.',
  })
  rate?: string | null;
}

@InputType({ description: 'How to read a CSV file.' })
export class CsvImportOptionsInput {
  @Field(() => String, { defaultValue: ',', description: 'The field separator, e.g. "," or ";".' })
  delimiter!: string;
  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Whether the first line holds column names (then columns may name them).',
  })
  hasHeader!: boolean;
  @Field(() => CsvColumnMappingInput, { description: 'Which column holds which field.' })
  columns!: CsvColumnMappingInput;
}

@InputType({
  description:
    'A bank file to preview or import. Amounts are read exactly in the budget currency; dates are local days.',
})
export class ImportTransactionsInput {
  @Field(() => ID, {
    description:
      'Client-generated UUID: replaying the import returns its report and imports nothing twice.',
  })
  importId!: string;
  @Field(() => ImportFormatGql, { description: 'The kind of file.' })
  format!: ImportFormatGql;
  @Field(() => String, { description: 'The file’s text, at most 5 MB.' }) content!: string;
  @Field(() => ImportModeGql, {
    defaultValue: ImportModeGql.STRICT,
    description: 'All or nothing (STRICT), or skip bad rows (LENIENT).',
  })
  mode!: ImportModeGql;
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
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account the whole file is booked into (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing imported.',
  })
  accountId?: string | null;
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
    accountId: input.accountId ?? null,
  };
}
