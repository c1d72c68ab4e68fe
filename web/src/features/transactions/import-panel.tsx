'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { useId, useState, type ChangeEvent } from 'react';
import { AccountPicker } from '@/features/money-accounts/account-picker';
import { apiRequest, syncAndWait } from '@/features/sync/sync-runtime';
import { paceDatabase, type CsvMappingRecord } from '@/lib/db';
import type {
  DecimalSeparator,
  ImportDateFormat,
  ImportReportQuery,
  ImportTransactionsMutation,
  PreviewImportMutation,
} from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { SAVE_CSV_MAPPING, type SavedCsvMapping } from './csv-mapping.operations';
import { csvMappingRecordOf, csvMappingsFor } from './csv-mapping-sync';
import {
  BANK_FILE_ACCEPT,
  csvDelimiterOf,
  detectBankFileFormat,
  type BankFileFormat,
} from './import-format';
import { IMPORT_REPORT, IMPORT_TRANSACTIONS, PREVIEW_IMPORT } from './import.operations';
import styles from './transactions.module.css';

type Report = PreviewImportMutation['previewBankFile']['report'];

const DATE_FORMATS: ImportDateFormat[] = [
  'YYYY_MM_DD',
  'DD_MM_YYYY',
  'MM_DD_YYYY',
  'DD_MM_YYYY_DOTS',
];
const FIELDS = [
  'date',
  'amount',
  'payee',
  'memo',
  'category',
  // A card line paid in another currency: its amount, currency and the statement's rate.
  'originalAmount',
  'originalCurrency',
  'rate',
] as const;
type Field = (typeof FIELDS)[number];

const GUESS: Record<Field, RegExp> = {
  date: /date|booked|posted/i,
  amount: /^(?!.*(original|foreign)).*(amount|sum|value)/i,
  payee: /payee|merchant|name|description/i,
  memo: /memo|note|reference/i,
  category: /categor/i,
  originalAmount: /original.*amount|foreign.*amount/i,
  originalCurrency: /original.*currency|foreign.*currency/i,
  rate: /rate|exchange/i,
};

/** Splits a CSV header line (quotes allowed) into its column names. */
function headerOf(text: string, delimiter: string): string[] {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, ''));
}

/** The message of a skipped or failed row: a pending bank entry is not a duplicate. */
function problemMessage(row: { status: string; reason?: string | null }) {
  if (row.status !== 'SKIPPED') return 'import.problem' as const;
  // The server's reason for a statement entry the bank has not booked yet.
  return row.reason?.startsWith('the bank has not booked')
    ? ('import.pending' as const)
    : ('import.duplicate' as const);
}

/**
 * Imports a bank file: the preview names every row's problem (by line) before anything is
 * written; the import then books the good rows, and the device pulls them.
 */
export function ImportPanel() {
  const t = useTranslations('transactions');
  const id = useId();
  const [file, setFile] = useState<{
    name: string;
    content: string;
    format: BankFileFormat;
  } | null>(null);
  const [columns, setColumns] = useState<Partial<Record<Field, string>>>({});
  const [header, setHeader] = useState<string[]>([]);
  const [dateFormat, setDateFormat] = useState<ImportDateFormat>('YYYY_MM_DD');
  const [decimalSeparator, setDecimalSeparator] = useState<DecimalSeparator>('DOT');
  const [delimiter, setDelimiter] = useState(',');
  const [mappingId, setMappingId] = useState('');
  const [mappingName, setMappingName] = useState('');
  const [mappingNote, setMappingNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [result, setResult] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Report | null>(null);
  const [importId, setImportId] = useState(() => crypto.randomUUID());
  // One account for the whole file; a saved mapping may name the account of its bank.
  const [accountId, setAccountId] = useState<string | null>(null);
  // The mappings saved for this header row, from the device's mirror: offline too, and at once
  // when another device saved one and a sync brought it.
  const isCsv = file?.format === 'CSV';
  const mappings = useLiveQuery(
    () => (isCsv ? csvMappingsFor(paceDatabase(), header) : []),
    [isCsv, header],
    [],
  );

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setResult(null);
    setError(null);
    setMappingId('');
    setMappingNote(null);
    if (!chosen) return;
    const content = await chosen.text();
    const format = detectBankFileFormat(chosen.name, content);
    if (!format) {
      setFile(null);
      setError(t('import.unknownFormat'));
      return;
    }
    setFile({ name: chosen.name, content, format });
    setImportId(crypto.randomUUID());
    if (format === 'CSV') {
      const separator = csvDelimiterOf(content);
      setDelimiter(separator);
      const names = headerOf(content, separator);
      setHeader(names);
      const guessed: Partial<Record<Field, string>> = {};
      for (const field of FIELDS) {
        const match = names.find(
          (n) => GUESS[field].test(n) && !Object.values(guessed).includes(n),
        );
        if (match) guessed[field] = match;
      }
      setColumns(guessed);
      await offerMappings(names);
    }
  }

  /** The newest mapping saved for this header row is applied at once. */
  async function offerMappings(names: string[]) {
    const [newest] = await csvMappingsFor(paceDatabase(), names);
    if (newest) applyMapping(newest);
  }

  function applyMapping(mapping: CsvMappingRecord) {
    const { date, amount, payee, memo, category } = mapping.columns;
    const { originalAmount, originalCurrency, rate } = mapping.columns;
    const named = Object.entries({
      date,
      amount,
      payee,
      memo,
      category,
      originalAmount,
      originalCurrency,
      rate,
    }).filter((entry): entry is [Field, string] => typeof entry[1] === 'string');
    setColumns(Object.fromEntries(named));
    setDelimiter(mapping.delimiter);
    setDateFormat(mapping.dateFormat);
    setDecimalSeparator(mapping.decimalSeparator);
    setMappingId(mapping.id);
    setMappingName(mapping.name);
    setMappingNote(t('import.mapping.offered', { name: mapping.name }));
    void offerAccount(mapping.accountId ?? null);
  }

  /** Chooses the mapping's account unless it is archived or unknown on this device. */
  async function offerAccount(id: string | null) {
    if (id === null) return;
    const account = await paceDatabase().moneyAccounts.get(id);
    if (account && !account.isArchived) setAccountId(account.id);
  }

  async function saveMapping() {
    const name = mappingName.trim();
    if (!file || !name) return;
    setBusy(true);
    try {
      const data = await apiRequest<{ saveCsvMapping: { csvMapping: SavedCsvMapping } }>(
        SAVE_CSV_MAPPING,
        {
          input: {
            name,
            header,
            delimiter,
            hasHeader: true,
            columns: { date: columns.date ?? '0', ...csvColumns() },
            dateFormat,
            decimalSeparator,
            ...(accountId ? { accountId } : {}),
          },
        },
      );
      const saved = data.saveCsvMapping.csvMapping;
      // Kept on the device at once; the next sync brings the same record.
      await paceDatabase().csvMappings.put(csvMappingRecordOf(saved));
      setMappingId(saved.id);
      setMappingNote(t('import.mapping.saved', { name: saved.name }));
    } catch (failure) {
      setError(
        t('import.failed', {
          code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  function csvColumns() {
    return {
      ...(columns.amount ? { amount: columns.amount } : {}),
      ...(columns.payee ? { payee: columns.payee } : {}),
      ...(columns.memo ? { memo: columns.memo } : {}),
      ...(columns.category ? { category: columns.category } : {}),
      ...(columns.originalAmount ? { originalAmount: columns.originalAmount } : {}),
      ...(columns.originalCurrency ? { originalCurrencyCode: columns.originalCurrency } : {}),
      ...(columns.rate ? { rate: columns.rate } : {}),
    };
  }

  function inputOf(mode: 'LENIENT') {
    if (!file) return null;
    return {
      importId,
      content: file.content,
      format: file.format,
      mode,
      dateFormat,
      decimalSeparator,
      ...(accountId ? { accountId } : {}),
      ...(file.format === 'CSV'
        ? {
            csv: {
              hasHeader: true,
              delimiter,
              columns: { date: columns.date ?? '0', ...csvColumns() },
            },
          }
        : {}),
    };
  }

  async function run(kind: 'preview' | 'import') {
    const input = inputOf('LENIENT');
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'preview') {
        const data = await apiRequest<PreviewImportMutation>(PREVIEW_IMPORT, {
          input: { ...input, previewRows: 200 },
        });
        setPreview(data.previewBankFile.report);
      } else {
        const data = await apiRequest<ImportTransactionsMutation>(IMPORT_TRANSACTIONS, { input });
        setPreview(null);
        let report: Report = data.importBankFile.report;
        // A large file is imported by a job: follow it until it is done.
        while (report.status === 'QUEUED' || report.status === 'RUNNING') {
          setJob(report);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const next = await apiRequest<ImportReportQuery>(IMPORT_REPORT, {
            importId: report.importId,
          });
          report = next.importReport;
        }
        setJob(null);
        if (report.status === 'FAILED') {
          setError(t('import.stopped', { reason: report.failure ?? 'INTERNAL' }));
          return;
        }
        setResult(report);
        await syncAndWait();
      }
    } catch (failure) {
      setError(
        failure instanceof NetworkUnavailableError
          ? t('import.offline')
          : t('import.failed', {
              code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
            }),
      );
    } finally {
      setBusy(false);
    }
  }

  // Counts are the whole file's; the rows listed are its first ones (a preview lists 200).
  const problems =
    preview?.rows.filter((row) => row.status === 'FAILED' || row.status === 'SKIPPED') ?? [];
  const problemCount = preview ? preview.skipped + preview.failed : 0;
  const ready = preview ? preview.totalRows - problemCount : 0;

  return (
    <section aria-labelledby={`${id}-title`} className={styles.card}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('import.title')}
      </h2>
      <div className={styles.field}>
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={BANK_FILE_ACCEPT}
          onChange={(e) => void choose(e)}
        />
      </div>
      {file?.format === 'CSV' ? (
        <div className={styles.editor}>
          {mappings.length > 0 ? (
            <div className={styles.field}>
              <label htmlFor={`${id}-mapping`}>{t('import.mapping.list')}</label>
              <select
                id={`${id}-mapping`}
                value={mappingId}
                onChange={(e) => {
                  const chosen = mappings.find((m) => m.id === e.target.value);
                  if (chosen) applyMapping(chosen);
                  else setMappingId('');
                }}
              >
                <option value="">{t('import.mapping.none')}</option>
                {mappings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {FIELDS.map((field) => (
            <div key={field} className={styles.field}>
              <label htmlFor={`${id}-${field}`}>{t(`import.column.${field}`)}</label>
              <select
                id={`${id}-${field}`}
                value={columns[field] ?? ''}
                onChange={(e) => setColumns({ ...columns, [field]: e.target.value || undefined })}
              >
                <option value="">{t('import.column.none')}</option>
                {header.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className={styles.field}>
            <label htmlFor={`${id}-dates`}>{t('import.dateFormat')}</label>
            <select
              id={`${id}-dates`}
              value={dateFormat}
              onChange={(e) => setDateFormat(e.target.value as ImportDateFormat)}
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`import.dates.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-decimals`}>{t('import.decimalSeparator')}</label>
            <select
              id={`${id}-decimals`}
              value={decimalSeparator}
              onChange={(e) => setDecimalSeparator(e.target.value as DecimalSeparator)}
            >
              <option value="DOT">1234.56</option>
              <option value="COMMA">1234,56</option>
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-mapping-name`}>{t('import.mapping.name')}</label>
            <input
              id={`${id}-mapping-name`}
              value={mappingName}
              maxLength={60}
              onChange={(e) => setMappingName(e.target.value)}
            />
            <button
              type="button"
              disabled={busy || !mappingName.trim()}
              onClick={() => void saveMapping()}
            >
              {t('import.mapping.save')}
            </button>
          </div>
          {mappingNote ? <p>{mappingNote}</p> : null}
        </div>
      ) : null}
      {file ? <AccountPicker value={accountId} onChange={setAccountId} /> : null}
      {file ? (
        <div className={styles.actions}>
          <button type="button" disabled={busy} onClick={() => void run('preview')}>
            {t('import.preview')}
          </button>
          {preview && ready > 0 ? (
            <button
              type="button"
              className={styles.primary}
              disabled={busy}
              onClick={() => void run('import')}
            >
              {t('import.commit', { count: ready })}
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div role="status" data-testid="import-report">
        {preview ? (
          <>
            <p>
              {t('import.summary', { total: preview.totalRows, ready, problems: problemCount })}
            </p>
            {problems.length > 0 ? (
              <ul className={styles.problems}>
                {problems.map((row) => (
                  <li key={row.line}>
                    {t(problemMessage(row), { line: row.line, reason: row.reason ?? '' })}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {job ? (
          <p>
            <label htmlFor={`${id}-progress`}>
              {t('import.running', { total: job.totalRows, progress: job.progress })}
            </label>{' '}
            <progress id={`${id}-progress`} max={100} value={job.progress} />
          </p>
        ) : null}
        {result ? (
          <p>
            {t('import.done', {
              imported: result.imported,
              skipped: result.skipped + result.failed,
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
