import styles from './today-landing.module.css';

/** A daily-allowance gauge waiting for its first number. Decorative. */
export function TodayEmptyIllustration() {
  return (
    <svg
      className={styles.illustration}
      viewBox="0 0 160 96"
      width="160"
      height="96"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M20 88a60 60 0 0 1 120 0"
        fill="none"
        stroke="var(--color-surface-muted)"
        strokeWidth="14"
        strokeLinecap="round"
      />
      <path
        d="M20 88a60 60 0 0 1 38-55.8"
        fill="none"
        stroke="var(--color-brand)"
        strokeWidth="14"
        strokeLinecap="round"
      />
      <circle cx="80" cy="88" r="6" fill="var(--color-text-muted)" />
      <path
        d="M80 88 104 52"
        stroke="var(--color-text-muted)"
        strokeWidth="4"
        strokeLinecap="round"
      />
    </svg>
  );
}
