'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import styles from './receipts.module.css';

/**
 * Where a receipt comes in: the camera (phones open it straight away), a file, or a photo dropped
 * on the card. The buttons are the keyboard's way in; the drop zone is a shortcut for a mouse.
 */
export function ReceiptCapture({
  isBusy,
  onFile,
}: {
  isBusy: boolean;
  onFile: (file: File) => void;
}) {
  const t = useTranslations('receipts.capture');
  const id = useId();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !isBusy) onFile(file);
  };

  return (
    <section
      className={
        isOver
          ? `${styles.card} ${styles.capture} ${styles.over}`
          : `${styles.card} ${styles.capture}`
      }
      aria-labelledby={`${id}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={dropped}
      data-testid="receipt-capture"
    >
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('text')}</p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.primary}
          disabled={isBusy}
          onClick={() => camera.current?.click()}
        >
          {t('camera')}
        </button>
        <button
          type="button"
          className={styles.button}
          disabled={isBusy}
          onClick={() => picker.current?.click()}
        >
          {t('file')}
        </button>
      </div>
      <p className={styles.hint}>{t('limits')}</p>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        className={styles.fileInput}
        tabIndex={-1}
        aria-label={t('camera')}
        onChange={chosen}
      />
      <input
        ref={picker}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic"
        className={styles.fileInput}
        tabIndex={-1}
        aria-label={t('file')}
        data-testid="receipt-file"
        onChange={chosen}
      />
    </section>
  );
}
