import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { DecimalSeparatorGql, ImportDateFormatGql, SignConventionGql } from './import.input';
import type { CsvMappingRow } from './csv-mapping.table';

@ObjectType({
  description: 'Where each field is: a header name, or a 0-based column number as text.',
})
export class CsvColumnMapping {
  @Field(() => String, { description: 'The column of the booking date.' })
  date!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A signed amount; null when debit and credit are mapped.',
  })
  amount!: string | null;
  @Field(() => String, { nullable: true, description: 'The column of money going out, unsigned.' })
  debit!: string | null;
  @Field(() => String, { nullable: true, description: 'The column of money coming in, unsigned.' })
  credit!: string | null;
  @Field(() => String, { nullable: true, description: 'The column of the payee (merchant).' })
  payee!: string | null;
  @Field(() => String, { nullable: true, description: 'The column of a free-text memo.' })
  memo!: string | null;
  @Field(() => String, { nullable: true, description: 'The column of a category id or alias.' })
  category!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of the bank’s own transaction id.',
  })
  externalId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of the amount as paid in another currency (a card line), unsigned.',
  })
  originalAmount!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of the ISO 4217 code of the currency the line was paid in.',
  })
  originalCurrencyCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The column of the statement’s rate: budget-currency units for one unit paid.',
  })
  rate!: string | null;
}

@ObjectType({ description: 'A saved way of reading one bank’s CSV files.' })
export class CsvMapping {
  @Field(() => ID, { description: 'The mapping’s id.' })
  id!: string;
  @Field(() => String, { description: 'The name it was saved under, e.g. the bank.' })
  name!: string;
  @Field(() => [String], { description: 'The header row of the file it was saved for.' })
  header!: string[];
  @Field(() => String, { description: 'The field separator.' })
  delimiter!: string;
  @Field(() => Boolean, { description: 'Whether the first line holds column names.' })
  hasHeader!: boolean;
  @Field(() => CsvColumnMapping, { description: 'Which column holds which field.' })
  columns!: CsvColumnMapping;
  @Field(() => ImportDateFormatGql, { description: 'How the file writes its dates.' })
  dateFormat!: ImportDateFormatGql;
  @Field(() => DecimalSeparatorGql, { description: 'The decimal separator of the amounts.' })
  decimalSeparator!: DecimalSeparatorGql;
  @Field(() => SignConventionGql, { description: 'Which sign of the amount is money going out.' })
  signConvention!: SignConventionGql;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account this bank’s files are booked into; null: the default account. An account archived since is still named here: check it against `accounts`.',
  })
  accountId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was last saved.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'The mapping as saved.' })
export class SaveCsvMappingPayload {
  @Field(() => CsvMapping, { description: 'The saved mapping (a replaced one keeps its id).' })
  csvMapping!: CsvMapping;
}

@ObjectType({ description: 'The mapping deleted; files already imported with it are unchanged.' })
export class DeleteCsvMappingPayload {
  @Field(() => ID, { description: 'The id of the mapping deleted.' })
  deletedCsvMappingId!: string;
}

export function toCsvMapping(row: CsvMappingRow): CsvMapping {
  const columns = row.columns;
  const at = (key: string) => columns[key] ?? null;
  return Object.assign(new CsvMapping(), {
    id: row.id,
    name: row.name,
    header: row.header,
    delimiter: row.delimiter,
    hasHeader: row.hasHeader,
    columns: Object.assign(new CsvColumnMapping(), {
      date: at('date') ?? '0',
      amount: at('amount'),
      debit: at('debit'),
      credit: at('credit'),
      payee: at('payee'),
      memo: at('memo'),
      category: at('category'),
      externalId: at('externalId'),
      originalAmount: at('originalAmount'),
      originalCurrencyCode: at('originalCurrencyCode'),
      rate: at('rate'),
    }),
    dateFormat: row.dateFormat as ImportDateFormatGql,
    decimalSeparator: row.decimalSeparator as DecimalSeparatorGql,
    signConvention: row.signConvention as SignConventionGql,
    accountId: row.accountId,
    updatedAt: row.updatedAt,
  });
}
