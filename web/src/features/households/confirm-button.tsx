'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import styles from './household.module.css';

/** A button that asks once, in place, before doing something that cannot be undone here. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
}: {
  label: string;
  question: string;
  onConfirm: () => Promise<void>;
}) {
  const t = useTranslations('household.page');
  const [isAsking, setAsking] = useState(false);
  if (!isAsking)
    return (
      <button type="button" className={styles.button} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span role="group" aria-label={label} className={styles.actions}>
      <span>{question}</span>
      <button
        type="button"
        className={styles.primary}
        autoFocus
        onClick={() => void onConfirm().finally(() => setAsking(false))}
      >
        {t('confirm')}
      </button>
      <button type="button" className={styles.button} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
