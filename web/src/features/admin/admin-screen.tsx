'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSyncStatus } from '@/features/sync/sync-runtime';
import { AdminAuditSection } from './admin-audit-section';
import { AdminFlagsSection } from './admin-flags-section';
import {
  AdminDatabaseSection,
  AdminQueuesSection,
  AdminServicesSection,
} from './admin-status-sections';
import { AdminUsersSection } from './admin-users-section';
import { useIsAdmin } from './use-is-admin';
import styles from './admin.module.css';

const TABS = ['users', 'flags', 'queues', 'services', 'database', 'audit'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => React.JSX.Element> = {
  users: AdminUsersSection,
  flags: AdminFlagsSection,
  queues: AdminQueuesSection,
  services: AdminServicesSection,
  database: AdminDatabaseSection,
  audit: AdminAuditSection,
};

/**
 * The admin console, for tokens carrying admin:*. Everything is read and changed on the server,
 * so it needs a connection and says so offline; others are told the area is for admins.
 */
export function AdminScreen() {
  const t = useTranslations('admin');
  const isAdmin = useIsAdmin();
  const isOffline = useSyncStatus().phase === 'offline';
  const [tab, setTab] = useState<Tab>('users');
  const ids = useId();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (step === 0 && jump === null) return;
    event.preventDefault();
    const next = jump ?? (TABS.indexOf(tab) + step + TABS.length) % TABS.length;
    const nextTab = TABS[next] ?? 'users';
    setTab(nextTab);
    tabs.current[next]?.focus();
  };

  if (isAdmin === null)
    return (
      <p role="status" aria-busy="true" className={styles.muted}>
        {t('loading')}
      </p>
    );
  if (!isAdmin)
    return (
      <div className={styles.stack}>
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="alert" className={styles.notice} data-testid="admin-forbidden">
          {t('forAdmins')}
        </p>
        <Link href="/" className={styles.link}>
          {t('back')}
        </Link>
      </div>
    );

  const Panel = PANELS[tab];
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.muted}>{t('intro')}</p>
      {isOffline ? (
        <p role="status" className={styles.notice} data-testid="admin-offline">
          {t('offline')}
        </p>
      ) : null}
      <div role="tablist" aria-label={t('sections')} className={styles.tabs} onKeyDown={onKeyDown}>
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${ids}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className={styles.tab}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className={styles.panel}
      >
        <h2 className={styles.sectionTitle}>{t(`tabs.${tab}`)}</h2>
        <Panel />
      </section>
    </div>
  );
}
