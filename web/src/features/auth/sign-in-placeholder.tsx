import { ButtonLink } from '@/ui/button-link';
import styles from './sign-in-placeholder.module.css';

/** Stands in for sign-in until accounts exist. */
export function SignInPlaceholder() {
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>Sign in</h1>
      <section aria-labelledby="accounts-soon-title" className={styles.card}>
        <h2 id="accounts-soon-title" className={styles.cardTitle}>
          Accounts are on their way
        </h2>
        <p className={styles.cardText}>
          Sign-in arrives with accounts. Until then there is nothing to sign in to, and nothing of
          yours is stored.
        </p>
        <ButtonLink href="/" variant="secondary">
          Back to Today
        </ButtonLink>
      </section>
    </div>
  );
}
