'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReceiptUploadRecord, TransactionRecord } from '@/lib/db';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import { StatusPill, type StatusTone } from '@/ui/status-pill';
import { draftAmountMinor } from './receipt-draft';
import type { ReceiptFields } from './receipts.operations';
import styles from './receipts.module.css';

const TONE: Record<string, StatusTone> = {
  UPLOADED: 'neutral',
  PROCESSING: 'neutral',
  PROCESSED: 'warn',
  FAILED: 'bad',
  CONFIRMED: 'ok',
  DISCARDED: 'neutral',
};
const STATUSES = [
  'UPLOADED',
  'PROCESSING',
  'PROCESSED',
  'FAILED',
  'CONFIRMED',
  'DISCARDED',
] as const;
type Status = (typeof STATUSES)[number];
const statusOf = (status: string): Status =>
  (STATUSES as readonly string[]).includes(status) ? (status as Status) : 'UPLOADED';

/** Recent receipts with their status; one ready for review (or failed) has its next step. */
export function ReceiptList({
  receipts,
  local,
  booked,
  isOffline,
  onReview,
  onRetry,
}: {
  receipts: readonly ReceiptFields[] | null;
  local: readonly ReceiptUploadRecord[];
  /** The transactions booked from receipts, by id, as this device holds them. */
  booked: ReadonlyMap<string, TransactionRecord>;
  isOffline: boolean;
  onReview: (receipt: ReceiptFields) => void;
  onRetry: (receipt: ReceiptFields) => void;
}) {
  const t = useTranslations('receipts.list');
  const locale = useLocale();
  const day = (instant: string) => formatLocalDate(instant.slice(0, 10), locale);
  const shown = (receipts ?? []).filter((r) => r.status !== 'DISCARDED');
  const waiting = local.filter((upload) => upload.receiptId === null);
  // Uploaded after being booked on this device: already an expense, never to be confirmed again.
  const bookedHere = new Map(
    local.flatMap((upload) => (upload.receiptId ? [[upload.receiptId, upload.transactionId]] : [])),
  );
  const isEmpty = shown.length === 0 && waiting.length === 0;

  return (
    <section className={styles.section} aria-labelledby="receipts-list-title">
      <h2 id="receipts-list-title" className={styles.sectionTitle}>
        {t('title')}
      </h2>
      {receipts === null && isOffline ? <p className={styles.muted}>{t('offline')}</p> : null}
      {receipts === null && !isOffline ? (
        <p className={styles.muted} role="status">
          {t('loading')}
        </p>
      ) : null}
      {receipts !== null && isEmpty ? (
        <p className={styles.empty} data-testid="receipts-empty">
          {t('empty')}
        </p>
      ) : null}
      <ul className={styles.list}>
        {waiting.map((upload) => (
          <li key={upload.id} className={styles.row} data-testid="receipt-row">
            <span className={styles.rowMain}>
              <strong>{upload.merchant ?? t('untitled')}</strong>
              <span className={styles.muted}>{day(upload.createdAt)}</span>
            </span>
            <StatusPill tone="neutral">{t('local.waiting')}</StatusPill>
          </li>
        ))}
        {shown.map((receipt) => {
          const status = statusOf(receipt.status);
          const isBookedHere = bookedHere.has(receipt.id) && status !== 'CONFIRMED';
          // A booked receipt shows what was booked (the person's corrections), else what was read.
          const transactionId = receipt.transactionId ?? bookedHere.get(receipt.id);
          const transaction = transactionId ? booked.get(transactionId) : undefined;
          const money = receipt.total?.value ?? null;
          const currency = transaction?.currency ?? money?.currency ?? null;
          const total =
            transaction?.amountMinor ??
            (money ? draftAmountMinor(money.amount, money.currency) : null);
          const merchant =
            transaction?.merchant ??
            (typeof receipt.merchant?.value === 'string' ? receipt.merchant.value : null);
          return (
            <li key={receipt.id} className={styles.row} data-testid="receipt-row">
              <span className={styles.rowMain}>
                <strong>{merchant ?? t('untitled')}</strong>
                <span className={styles.muted}>
                  {day(receipt.createdAt)}
                  {total !== null && currency ? ` · ${formatMoney(total, currency, locale)}` : ''}
                </span>
                {status === 'FAILED' ? (
                  <span className={styles.muted}>
                    {t(`failure.${failureOf(receipt.failureCode)}`)}
                  </span>
                ) : null}
              </span>
              {isBookedHere ? (
                <StatusPill tone="ok">{t('bookedHere')}</StatusPill>
              ) : (
                <StatusPill tone={TONE[status] ?? 'neutral'}>{t(`status.${status}`)}</StatusPill>
              )}
              {status === 'PROCESSED' && !isBookedHere ? (
                <button type="button" className={styles.button} onClick={() => onReview(receipt)}>
                  {t('review')}
                </button>
              ) : null}
              {status === 'FAILED' && !isOffline ? (
                <button type="button" className={styles.button} onClick={() => onRetry(receipt)}>
                  {t('retry')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const FAILURES = ['IMAGE_MISSING', 'NO_TEXT', 'OCR_FAILED'] as const;
function failureOf(code: string | null | undefined): (typeof FAILURES)[number] | 'OTHER' {
  return (FAILURES as readonly (string | null | undefined)[]).includes(code)
    ? (code as (typeof FAILURES)[number])
    : 'OTHER';
}
