'use client';

import { useTranslations } from 'next-intl';
import styles from './receipts.module.css';

/** The upload's or the reading's progress, as a bar a screen reader announces. */
export function ReceiptProgress({
  label,
  progress,
  imageUrl,
}: {
  label: string;
  progress: number;
  imageUrl: string | null;
}) {
  const t = useTranslations('receipts.progress');
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <section
      className={`${styles.card} ${styles.progressCard}`}
      aria-live="polite"
      data-testid="receipt-progress"
    >
      {imageUrl ? (
        // A blob: URL of the photo being sent: next/image cannot optimise it.
        <img src={imageUrl} alt="" className={styles.thumb} />
      ) : null}
      <div className={styles.progressBody}>
        <p className={styles.progressLabel}>{label}</p>
        <progress className={styles.progress} max={100} value={percent} aria-label={label}>
          {t('percent', { percent })}
        </progress>
        <span className={styles.muted}>{t('percent', { percent })}</span>
      </div>
    </section>
  );
}
