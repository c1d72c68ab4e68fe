'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useAccessTokenSource } from '@/features/sync';
import { BellIcon } from '@/ui/icons';
import { useUnreadCount } from './unread-store';
import styles from './notifications.module.css';

/** The header's bell: a link to the notification centre with the unread count. */
export function NotificationBell() {
  const t = useTranslations('notifications');
  const isSignedIn = useAccessTokenSource() !== null;
  const count = useUnreadCount(isSignedIn);
  if (!isSignedIn) return null;
  const shown = count !== null && count > 0 ? (count > 99 ? '99+' : String(count)) : null;
  return (
    <Link
      href="/notifications/"
      className={styles.bell}
      aria-label={shown ? t('bellUnread', { count: count ?? 0 }) : t('bell')}
      data-testid="notification-bell"
    >
      <BellIcon />
      {shown ? (
        <span className={styles.badge} aria-hidden="true" data-testid="notification-count">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
