'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { NotificationBell } from '@/features/notifications';
import { InstallPrompt } from '@/lib/pwa/install-prompt';
import { PaceMark } from '@/ui/icons';
import { ConnectionIndicator } from './connection-indicator';
import styles from './app-header.module.css';

export function AppHeader() {
  const t = useTranslations('shell');
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand} aria-label={t('homeLink')}>
          <PaceMark size={30} />
          <span className={styles.name}>Pace</span>
        </Link>
        <InstallPrompt />
        <NotificationBell />
        <ConnectionIndicator />
      </div>
    </header>
  );
}
