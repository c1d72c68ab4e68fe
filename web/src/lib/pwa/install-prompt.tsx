'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { isNativePlatform } from './is-native-platform';
import styles from './install-prompt.module.css';

/** Chromium's install offer (not in the DOM typings). */
interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'pace.install.dismissed';

/**
 * "Install Pace" where the browser offers installation: never once installed (standalone), in
 * the Capacitor app, or after the person said "not now".
 */
export function InstallPrompt() {
  const t = useTranslations('shell.install');
  const [offer, setOffer] = useState<InstallPromptEvent | null>(null);

  useEffect(() => {
    if (isNativePlatform() || window.matchMedia('(display-mode: standalone)').matches) return;
    if (window.localStorage.getItem(DISMISSED_KEY)) return;
    const onOffer = (event: Event) => {
      event.preventDefault(); // the app shows its own button instead of the mini-infobar
      setOffer(event as InstallPromptEvent);
    };
    const onInstalled = () => setOffer(null);
    window.addEventListener('beforeinstallprompt', onOffer);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onOffer);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  if (!offer) return null;
  return (
    <div className={styles.prompt}>
      <button
        type="button"
        className={styles.install}
        onClick={() => {
          void offer.prompt();
          void offer.userChoice.finally(() => setOffer(null));
        }}
      >
        {t('install')}
      </button>
      <button
        type="button"
        className={styles.dismiss}
        aria-label={t('notNow')}
        onClick={() => {
          window.localStorage.setItem(DISMISSED_KEY, '1');
          setOffer(null);
        }}
      >
        ×
      </button>
    </div>
  );
}
