'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import styles from './referrals.module.css';

/** The sign-up form's optional invite code, filled in from the share link's `?ref=`. */
export function ReferralCodeField() {
  const t = useTranslations('referrals');
  const id = useId();
  const [code, setCode] = useState('');
  // Read in an effect: the page is prerendered without its query.
  useEffect(() => setCode(new URLSearchParams(window.location.search).get('ref') ?? ''), []);
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{t('field')}</label>
      <input
        id={id}
        className={styles.input}
        name="referralCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid="sign-up-referral-code"
      />
      <span id={`${id}-hint`} className={styles.hint}>
        {t('fieldHint')}
      </span>
    </div>
  );
}
