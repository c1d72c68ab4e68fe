import styles from './skip-link.module.css';

/** First focusable element of a page: jumps keyboard users past the header to `targetId`. */
export function SkipLink({ targetId, label }: { targetId: string; label: string }) {
  return (
    <a className={styles.skipLink} href={`#${targetId}`}>
      {label}
    </a>
  );
}
