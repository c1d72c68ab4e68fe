'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AUTH_ROUTES } from './routes';
import { signOut } from './session-runtime';
import styles from './auth.module.css';

/** Signs out here, or on every device; this device forgets the account's data either way. */
export function SignOutButtons() {
  const t = useTranslations('auth');
  const router = useRouter();
  const [isBusy, setBusy] = useState(false);

  async function run(everywhere: boolean) {
    setBusy(true);
    try {
      await signOut({ everywhere });
      router.replace(AUTH_ROUTES.signIn);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.row}>
      <button
        type="button"
        className={styles.secondary}
        disabled={isBusy}
        onClick={() => void run(false)}
      >
        {t('signOut.here')}
      </button>
      <button
        type="button"
        className={styles.secondary}
        disabled={isBusy}
        onClick={() => void run(true)}
      >
        {t('signOut.everywhere')}
      </button>
    </div>
  );
}
