import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { TransactionDirectionGql } from '../transactions';
import { ImportFormatGql, ImportModeGql } from './import.input';
import type { ImportReportData, ImportRowReport } from './import-report.rules';
import type { ExportFileData } from './transaction-export.service';

export enum ImportRowStatusGql {
  READY = 'READY',
  IMPORTED = 'IMPORTED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
registerEnumType(ImportRowStatusGql, {
  name: 'ImportRowStatus',
  description: 'What became of one row of the file.',
  valuesConfig: {
    READY: { description: 'Would be imported (a preview, or a strict import refused).' },
    IMPORTED: { description: 'Booked as a transaction.' },
    SKIPPED: {
      description: 'A duplicate, or an entry the bank has not booked yet; `reason` says which.',
    },
    FAILED: { description: 'Unreadable or invalid; `reason` says why.' },
  },
});

export enum ImportStatusGql {
  DONE = 'DONE',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatusGql, {
  name: 'ImportStatus',
  description:
    'Where an import is: run in the request (DONE), or a job QUEUED, RUNNING, DONE or FAILED.',
  valuesConfig: {
    DONE: { description: 'Finished: the counts and rows are final.' },
    QUEUED: { description: 'A large import waiting for a job worker.' },
    RUNNING: { description: 'A large import being imported; see `progress`.' },
    FAILED: { description: 'A large import that stopped; see `failure`.' },
  },
});

@ObjectType({ description: 'One row of the file and what became of it.' })
export class ImportRow {
  @Field(() => Int, { description: 'Line in the file, from 1.' }) line!: number;
  @Field(() => ImportRowStatusGql, { description: 'What became of it.' })
  status!: ImportRowStatusGql;
  @Field(() => String, {
    nullable: true,
    description: 'Why it was skipped or failed (English); null for READY and IMPORTED rows.',
  })
  reason!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The local day read from the file; null when the row could not be read.',
  })
  bookedOn!: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Positive; the direction says which way.',
  })
  amount!: string | null;
  @Field(() => TransactionDirectionGql, {
    nullable: true,
    description: 'Expense or income, from the amount’s sign; null when unreadable.',
  })
  direction!: TransactionDirectionGql | null;
  @Field(() => String, { nullable: true, description: 'The payee; null when none.' })
  payee!: string | null;
  @Field(() => String, { nullable: true, description: 'The memo; null when none.' })
  memo!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The category it is (or would be) booked on; null when unreadable.',
  })
  categoryId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The bank’s own transaction id, used to spot duplicates; null when none.',
  })
  externalId!: string | null;
}

@ObjectType({ description: 'What an import did (or a preview would do).' })
export class ImportReport {
  @Field(() => ID, { description: 'The client’s id of the import.' })
  importId!: string;
  @Field(() => ImportFormatGql, { description: 'The kind of file.' })
  format!: ImportFormatGql;
  @Field(() => ImportModeGql, { description: 'STRICT or LENIENT.' })
  mode!: ImportModeGql;
  @Field(() => Boolean, {
    description: 'False for a preview and for a strict import refused for a bad row.',
  })
  committed!: boolean;
  @Field(() => Boolean, {
    description: 'This import id was already imported: the first report, nothing imported again.',
  })
  replayed!: boolean;
  @Field(() => Int, { description: 'Rows (transactions) read from the file.' })
  totalRows!: number;
  @Field(() => Int, { description: 'Rows booked; 0 for a preview and a refused import.' })
  imported!: number;
  @Field(() => Int, { description: 'Duplicates of the ledger or of earlier rows, not booked.' })
  skipped!: number;
  @Field(() => Int, { description: 'Rows that could not be read or were invalid.' })
  failed!: number;
  @Field(() => [YearMonthScalar], {
    description: 'Months whose budget changed (the budget’s local months), oldest first.',
  })
  changedMonths!: string[];
  @Field(() => [String], {
    description: 'Months (YYYY-MM) whose budget changed.',
    deprecationReason: 'Use changedMonths. Removal after 2027-06-30.',
  })
  months!: string[];
  @Field(() => [ImportRow], {
    description: 'A preview: its first rows. An import: the skipped and failed rows.',
  })
  rows!: ImportRow[];
  @Field(() => Boolean, {
    description: 'Whether more rows qualified than `rows` lists (at most 1,000 for an import).',
  })
  rowsTruncated!: boolean;
  @Field(() => ImportStatusGql, {
    description:
      'DONE for a preview and an import of up to 2,000 rows (run in the request). A larger import is QUEUED, then RUNNING, then DONE or FAILED: ask `importReport(importId)` until it is DONE; the counts and rows are those of the finished import.',
  })
  status!: ImportStatusGql;
  @Field(() => Int, { description: 'How far a queued import got, 0–100 (100 when DONE).' })
  progress!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Why a FAILED import failed: an error reason (e.g. IMPORT_FILE_INVALID) or INTERNAL.',
  })
  failure!: string | null;
}

@ObjectType({ description: 'A file to save, with its content inline.' })
export class ExportFile {
  @Field(() => String, {
    description: 'A file name to save it under, e.g. pace-transactions-2026-03-31.csv.',
  })
  fileName!: string;
  @Field(() => String, {
    description: 'The same as `fileName` (the name every other type uses).',
    deprecationReason: 'Use fileName. Removal after 2027-06-30.',
  })
  filename!: string;
  @Field(() => String, { description: 'The media type: text/csv; charset=utf-8.' })
  contentType!: string;
  @Field(() => String, {
    description:
      'The CSV text: exact decimal amounts, negative for money out, and local dates; it imports back.',
  })
  content!: string;
}

export function toImportReport(data: ImportReportData): ImportReport {
  return Object.assign(new ImportReport(), {
    ...data,
    changedMonths: data.months,
    status: (data.status ?? 'DONE') as ImportStatusGql,
    progress: data.progress ?? 100,
    failure: data.failure ?? null,
    format: data.format as ImportFormatGql,
    mode: data.mode as ImportModeGql,
    rows: data.rows.map(toImportRow),
  });
}

function toImportRow(row: ImportRowReport): ImportRow {
  return Object.assign(new ImportRow(), {
    ...row,
    status: row.status as ImportRowStatusGql,
    direction: row.direction as TransactionDirectionGql | null,
  });
}

export function toExportFile(data: ExportFileData): ExportFile {
  return Object.assign(new ExportFile(), data, { fileName: data.filename });
}
