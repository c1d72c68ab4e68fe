import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
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
  valuesConfig: {
    READY: { description: 'Would be imported (a preview, or a strict import refused).' },
    SKIPPED: { description: 'A duplicate.' },
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
});

@ObjectType()
export class ImportRow {
  @Field(() => Int, { description: 'Line in the file, from 1.' }) line!: number;
  @Field(() => ImportRowStatusGql) status!: ImportRowStatusGql;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) bookedOn!: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Positive; the direction says which way.',
  })
  amount!: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true })
  direction!: TransactionDirectionGql | null;
  @Field(() => String, { nullable: true }) payee!: string | null;
  @Field(() => String, { nullable: true }) memo!: string | null;
  @Field(() => String, { nullable: true }) categoryId!: string | null;
  @Field(() => String, { nullable: true }) externalId!: string | null;
}

@ObjectType({ description: 'What an import did (or a preview would do).' })
export class ImportReport {
  @Field(() => ID) importId!: string;
  @Field(() => ImportFormatGql) format!: ImportFormatGql;
  @Field(() => ImportModeGql) mode!: ImportModeGql;
  @Field(() => Boolean, {
    description: 'False for a preview and for a strict import refused for a bad row.',
  })
  committed!: boolean;
  @Field(() => Boolean, {
    description: 'This import id was already imported: the first report, nothing imported again.',
  })
  replayed!: boolean;
  @Field(() => Int) totalRows!: number;
  @Field(() => Int) imported!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [String], { description: 'Months (YYYY-MM) whose budget changed.' })
  months!: string[];
  @Field(() => [ImportRow], {
    description: 'A preview: its first rows. An import: the skipped and failed rows.',
  })
  rows!: ImportRow[];
  @Field(() => Boolean) rowsTruncated!: boolean;
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

@ObjectType()
export class ExportFile {
  @Field(() => String) filename!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) content!: string;
}

export function toImportReport(data: ImportReportData): ImportReport {
  return Object.assign(new ImportReport(), {
    ...data,
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
  return Object.assign(new ExportFile(), data);
}
