import type { ReactNode } from 'react';
import styles from './status-pill.module.css';

export type StatusTone = 'ok' | 'warn' | 'bad' | 'neutral';

/** A short status with a coloured dot; the text carries the meaning, the colour only repeats it. */
export function StatusPill({
  tone,
  isHidden = false,
  children,
}: {
  tone: StatusTone;
  /** Keeps the pill's space but shows nothing, e.g. while the status is not known yet. */
  isHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <span className={`${styles.pill} ${styles[tone]}`} data-hidden={isHidden || undefined}>
      <span className={styles.dot} aria-hidden="true" />
      {children}
    </span>
  );
}
