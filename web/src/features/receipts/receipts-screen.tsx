'use client';

import { formatDecimal, isCurrencyCode, parseReceipt } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCategoryOptions } from '@/lib/budget/use-category-options';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import type { ConfirmReceiptMutation } from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, syncAndWait, useSyncStatus } from '@/features/sync/sync-runtime';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { ReceiptCapture } from './receipt-capture';
import { draftOfParsed, draftOfReceipt, type ReceiptDraft } from './receipt-draft';
import { ReceiptList } from './receipt-list';
import { followReceipt } from './receipt-live';
import { readReceiptOnDevice, warmOcrFiles } from './receipt-ocr';
import { ReceiptProgress } from './receipt-progress';
import { bookReceiptOnDevice, flushReceiptUploads } from './receipt-queue';
import { ReceiptReview, type ConfirmedReceipt } from './receipt-review';
import {
  ReceiptUploadError,
  checkReceiptFile,
  fetchReceiptImage,
  uploadReceipt,
} from './receipt-upload';
import {
  CONFIRM_RECEIPT,
  DISCARD_RECEIPT,
  RECEIPTS,
  REPROCESS_RECEIPT,
  type ReceiptFields,
  type ReceiptsPage,
} from './receipts.operations';
import styles from './receipts.module.css';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading' | 'processing' | 'reading'; progress: number; imageUrl: string | null }
  | {
      kind: 'review';
      draft: ReceiptDraft;
      imageUrl: string | null;
      /** The server's receipt; null when read on this device. */
      receiptId: string | null;
      image: File | null;
    }
  | { kind: 'failed'; receipt: ReceiptFields; imageUrl: string | null };

type Notice = { text: string; showToday: boolean } | null;

/**
 * Receipts: a photo is uploaded and read on the server (or, offline, read on this device), the
 * person checks what was read, and confirming books one expense.
 */
export function ReceiptsScreen() {
  const t = useTranslations('receipts');
  const locale = useLocale();
  const sync = useSyncStatus();
  const categories = useCategoryOptions();
  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'));
  const local = useLiveQuery(
    () => paceDatabase().receiptUploads.orderBy('createdAt').reverse().toArray(),
    [],
    [],
  );
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [receipts, setReceipts] = useState<ReceiptFields[] | null>(null);
  const bookedIds = [
    ...(receipts ?? []).flatMap((r) => (r.transactionId ? [r.transactionId] : [])),
    ...local.map((upload) => upload.transactionId),
  ];
  const booked = useLiveQuery(
    async () => {
      const rows = await paceDatabase().transactions.bulkGet(bookedIds);
      return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
    },
    [bookedIds.join(',')],
    new Map<string, TransactionRecord>(),
  );
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setIsBusy] = useState(false);
  const stopFollowing = useRef<(() => void) | null>(null);
  const isOffline = sync.phase === 'offline';
  const currency = settings?.currency ?? 'USD';

  const refresh = useCallback(async () => {
    try {
      const data = await apiRequest<ReceiptsPage>(RECEIPTS, { first: 20 });
      setReceipts(data.receipts.nodes);
    } catch {
      // offline or not signed in yet: the list keeps what it showed
    }
  }, []);

  // After each sync too: the expenses booked from the photos read offline are on the server then.
  useEffect(() => {
    if (isOffline) return;
    void flushReceiptUploads().then(() => refresh());
    // Keep the on-device reader's files at hand for the next time there is no connection.
    const idle = window.setTimeout(() => void warmOcrFiles(), 2000);
    return () => window.clearTimeout(idle);
  }, [isOffline, refresh, sync.lastSyncedAt]);

  useEffect(() => () => stopFollowing.current?.(), []);

  // The browser says it is back before sync notices: upload the photos read offline at once.
  useEffect(() => {
    const upload = () => void flushReceiptUploads().then(() => refresh());
    window.addEventListener('online', upload);
    return () => window.removeEventListener('online', upload);
  }, [refresh]);

  const showReview = (receipt: ReceiptFields, imageUrl: string | null) => {
    setStage({
      kind: 'review',
      draft: draftOfReceipt(receipt, currency),
      imageUrl,
      receiptId: receipt.id,
      image: null,
    });
  };

  const follow = (id: string, imageUrl: string | null) => {
    stopFollowing.current?.();
    setStage({ kind: 'processing', progress: 0, imageUrl });
    stopFollowing.current = followReceipt(id, (receipt) => {
      if (receipt.status === 'PROCESSED') {
        showReview(receipt, imageUrl);
        void refresh();
      } else if (receipt.status === 'FAILED') {
        setStage({ kind: 'failed', receipt, imageUrl });
        void refresh();
      } else {
        setStage({ kind: 'processing', progress: receipt.progress, imageUrl });
      }
    });
  };

  async function readOnDevice(file: File, imageUrl: string) {
    setStage({ kind: 'reading', progress: 0, imageUrl });
    try {
      const lines = await readReceiptOnDevice(file, (progress) =>
        setStage({ kind: 'reading', progress, imageUrl }),
      );
      const parseLocale = navigator.language.startsWith(locale) ? navigator.language : locale;
      const parsed = parseReceipt(lines, {
        locale: parseLocale,
        defaultCurrency: isCurrencyCode(currency) ? currency : 'USD',
      });
      setStage({
        kind: 'review',
        draft: draftOfParsed(parsed, currency),
        imageUrl,
        receiptId: null,
        image: file,
      });
    } catch {
      setStage({ kind: 'idle' });
      setError(t('errors.readFailed'));
    }
  }

  async function onFile(file: File) {
    setError(null);
    setNotice(null);
    const problem = checkReceiptFile(file);
    if (problem) {
      setError(t(`errors.${problem}`));
      return;
    }
    const imageUrl = URL.createObjectURL(file);
    if (isOffline || !navigator.onLine) {
      await readOnDevice(file, imageUrl);
      return;
    }
    setStage({ kind: 'uploading', progress: 0, imageUrl });
    try {
      const uploaded = await uploadReceipt(file, {
        fileName: file.name,
        onProgress: (progress) => setStage({ kind: 'uploading', progress, imageUrl }),
      });
      void refresh();
      follow(uploaded.id, imageUrl);
    } catch (failure) {
      const code = failure instanceof ReceiptUploadError ? failure.code : 'UNKNOWN';
      if (code === 'NETWORK' && !navigator.onLine) {
        await readOnDevice(file, imageUrl);
        return;
      }
      URL.revokeObjectURL(imageUrl);
      setStage({ kind: 'idle' });
      setError(t(`errors.${code}`));
    }
  }

  function finish(next: Notice) {
    if (stage.kind !== 'idle' && stage.imageUrl?.startsWith('blob:'))
      URL.revokeObjectURL(stage.imageUrl);
    setStage({ kind: 'idle' });
    setNotice(next);
  }

  async function confirm(receipt: ConfirmedReceipt) {
    if (stage.kind !== 'review') return;
    const words = {
      amount: formatMoney(receipt.amountMinor, receipt.currency, locale),
      name: receipt.merchant,
    };
    setIsBusy(true);
    setError(null);
    try {
      if (stage.receiptId === null) {
        await bookReceiptOnDevice(
          receipt,
          stage.image ?? new Blob(),
          stage.image?.name ?? 'receipt.jpg',
        );
        finish({ text: t('done.bookedOffline', words), showToday: true });
        return;
      }
      await apiRequest<ConfirmReceiptMutation>(CONFIRM_RECEIPT, {
        input: {
          receiptId: stage.receiptId,
          merchant: receipt.merchant,
          bookedOn: receipt.bookedOn,
          amount: formatDecimal(receipt.amountMinor, receipt.currency),
          currency: receipt.currency,
          categoryId: receipt.categoryId,
          ...(receipt.description ? { description: receipt.description } : {}),
          ...(receipt.accountId ? { accountId: receipt.accountId } : {}),
        },
      });
      // Today reads the device's mirror: pull the booked transaction before saying it is there.
      await syncAndWait();
      finish({ text: t('done.booked', words), showToday: true });
      void refresh();
    } catch (failure) {
      setError(actionError(failure));
    } finally {
      setIsBusy(false);
    }
  }

  async function discard() {
    if (stage.kind !== 'review') return;
    if (stage.receiptId === null) {
      finish({ text: t('done.discarded'), showToday: false });
      return;
    }
    setIsBusy(true);
    try {
      await apiRequest<unknown>(DISCARD_RECEIPT, { id: stage.receiptId });
      finish({ text: t('done.discarded'), showToday: false });
      void refresh();
    } catch (failure) {
      setError(actionError(failure));
    } finally {
      setIsBusy(false);
    }
  }

  async function retry(receipt: ReceiptFields) {
    setError(null);
    setNotice(null);
    try {
      await apiRequest<unknown>(REPROCESS_RECEIPT, { id: receipt.id });
      follow(receipt.id, stage.kind === 'failed' ? stage.imageUrl : null);
    } catch (failure) {
      setError(actionError(failure));
    }
  }

  async function openReview(receipt: ReceiptFields) {
    setError(null);
    setNotice(null);
    showReview(receipt, null);
    const imageUrl = await fetchReceiptImage(receipt.id);
    setStage((current) =>
      current.kind === 'review' && current.receiptId === receipt.id
        ? { ...current, imageUrl }
        : current,
    );
  }

  function actionError(failure: unknown): string {
    if (failure instanceof NetworkUnavailableError) return t('errors.offlineAction');
    if (
      failure instanceof GraphqlRequestError &&
      (failure.reason === 'RECEIPT_CONFIRMED' || failure.reason === 'RECEIPT_DISCARDED')
    )
      return t('errors.alreadyDone');
    return t('errors.confirmFailed');
  }

  const isWorking =
    stage.kind === 'uploading' || stage.kind === 'processing' || stage.kind === 'reading';
  return (
    <div className={styles.stack}>
      <header className={styles.intro}>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.muted}>{t('intro')}</p>
      </header>
      <SyncStatusBar />

      {notice ? (
        <p className={styles.notice} role="status" data-testid="receipt-notice">
          {notice.text}{' '}
          {notice.showToday ? (
            <Link href="/" className={styles.link}>
              {t('done.today')}
            </Link>
          ) : null}
        </p>
      ) : null}

      {stage.kind === 'review' ? (
        <ReceiptReview
          key={stage.receiptId ?? 'device'}
          draft={stage.draft}
          imageUrl={stage.imageUrl}
          categories={categories}
          budgetCurrency={currency}
          isOnDevice={stage.receiptId === null}
          isBusy={isBusy}
          error={error}
          onConfirm={(receipt) => void confirm(receipt)}
          onDiscard={() => void discard()}
        />
      ) : (
        <>
          <ReceiptCapture isBusy={isWorking} onFile={(file) => void onFile(file)} />
          <p className={styles.error} role="alert" data-testid="receipt-error">
            {error}
          </p>
        </>
      )}

      {isWorking ? (
        <ReceiptProgress
          label={t(`progress.${stage.kind}`)}
          progress={stage.progress}
          imageUrl={stage.imageUrl}
        />
      ) : null}

      {stage.kind === 'failed' ? (
        <section className={styles.card} role="alert" aria-labelledby="receipt-failed-title">
          <h2 id="receipt-failed-title" className={styles.cardTitle}>
            {t('failed.title')}
          </h2>
          <p>{stage.receipt.failureMessage ?? t('list.failure.OTHER')}</p>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.primary}
              onClick={() => void retry(stage.receipt)}
            >
              {t('failed.retry')}
            </button>
            <button type="button" className={styles.button} onClick={() => finish(null)}>
              {t('failed.back')}
            </button>
          </div>
        </section>
      ) : null}

      <ReceiptList
        receipts={receipts}
        local={local}
        booked={booked}
        isOffline={isOffline}
        onReview={(receipt) => void openReview(receipt)}
        onRetry={(receipt) => void retry(receipt)}
      />
    </div>
  );
}
