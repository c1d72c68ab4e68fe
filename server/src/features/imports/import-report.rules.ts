import { formatDecimal } from '@pace/engine';
import type { LineVerdict } from './import-duplicates.rules';

export type ImportFormat = 'CSV' | 'OFX' | 'QFX' | 'QIF' | 'CAMT053' | 'MT940';
export type ImportMode = 'STRICT' | 'LENIENT';
export type ImportRowStatus = 'READY' | 'IMPORTED' | 'SKIPPED' | 'FAILED';

export interface ImportRowReport {
  line: number;
  status: ImportRowStatus;
  reason: string | null;
  bookedOn: string | null;
  amount: string | null;
  direction: string | null;
  payee: string | null;
  memo: string | null;
  categoryId: string | null;
  externalId: string | null;
}

/** What an import did or would do; stored as JSON with a committed import and returned on replay. */
export interface ImportReportData {
  importId: string;
  format: ImportFormat;
  mode: ImportMode;
  committed: boolean;
  replayed: boolean;
  totalRows: number;
  imported: number;
  skipped: number;
  failed: number;
  months: string[];
  rows: ImportRowReport[];
  rowsTruncated: boolean;
  /** A large import runs as a job: QUEUED, RUNNING, then DONE or FAILED. Others are DONE. */
  status?: ImportStatus;
  /** 0–100. */
  progress?: number;
  /** Why a job failed (an error reason, or INTERNAL). */
  failure?: string | null;
}

export type ImportStatus = 'DONE' | 'QUEUED' | 'RUNNING' | 'FAILED';

/** Rows listed in a committed or refused import's report: the skipped and failed ones. */
export const MAX_REPORTED_ROWS = 1000;

/**
 * The report of classified lines. A preview lists its first `previewRows` lines as they would go;
 * an import lists the lines it skipped or refused. Strict mode commits nothing when any line failed.
 */
export function reportOf(
  verdicts: readonly LineVerdict[],
  options: {
    importId: string;
    format: ImportFormat;
    mode: ImportMode;
    currency: string;
    preview: { rows: number } | null;
    months: string[];
  },
): ImportReportData {
  const failed = verdicts.filter((v) => v.status === 'INVALID').length;
  const skipped = verdicts.filter((v) => v.status === 'DUPLICATE').length;
  const isRefused = options.mode === 'STRICT' && failed > 0;
  const committed = options.preview === null && !isRefused;
  const newStatus: ImportRowStatus = committed ? 'IMPORTED' : 'READY';
  const listed = options.preview
    ? verdicts.slice(0, options.preview.rows)
    : verdicts.filter((v) => v.status !== 'NEW');
  const limit = options.preview ? options.preview.rows : MAX_REPORTED_ROWS;
  return {
    importId: options.importId,
    format: options.format,
    mode: options.mode,
    committed,
    replayed: false,
    totalRows: verdicts.length,
    imported: committed ? verdicts.length - failed - skipped : 0,
    skipped,
    failed,
    months: committed ? options.months : [],
    rows: listed
      .slice(0, limit)
      .map((verdict) => rowReportOf(verdict, newStatus, options.currency)),
    rowsTruncated: listed.length > limit,
  };
}

function rowReportOf(
  verdict: LineVerdict,
  newStatus: ImportRowStatus,
  currency: string,
): ImportRowReport {
  const row = verdict.row;
  return {
    line: verdict.line,
    status:
      verdict.status === 'NEW' ? newStatus : verdict.status === 'DUPLICATE' ? 'SKIPPED' : 'FAILED',
    reason: verdict.status === 'NEW' ? null : verdict.reason,
    bookedOn: row?.occurredOn ?? null,
    amount: row ? formatDecimal(row.amountMinor, currency) : null,
    direction: row?.direction ?? null,
    payee: row?.payee ?? null,
    memo: row?.memo ?? null,
    categoryId: row?.categoryId ?? null,
    externalId: row?.externalId ?? null,
  };
}
