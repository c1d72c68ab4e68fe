'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type {
  MarkAllNotificationsReadMutation,
  NotificationFieldsFragment,
  NotificationsQuery,
} from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, onLiveNotification, useSyncStatus } from '@/features/sync';
import {
  MARK_ALL_NOTIFICATIONS_READ,
  MARK_NOTIFICATION_READ,
  NOTIFICATIONS,
} from './notifications.operations';
import { NotificationSettingsSection } from './notification-settings-section';
import { refreshUnread, setUnread } from './unread-store';
import { wordsOf } from './notification-words';
import styles from './notifications.module.css';

const PAGE = 20;

type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; code: string }
  | { phase: 'ready'; items: NotificationFieldsFragment[]; next: string | null; unread: number };

function codeOf(failure: unknown): string {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  return failure instanceof GraphqlRequestError ? (failure.reason ?? failure.code) : '—';
}

/** The notification centre: newest first, live, each marked read on request; then the settings. */
export function NotificationsScreen() {
  const t = useTranslations('notifications');
  const locale = useLocale();
  const online = useSyncStatus().phase !== 'offline';
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const answer = await apiRequest<NotificationsQuery>(NOTIFICATIONS, { first: PAGE });
      const page = answer.notificationsConnection;
      setUnread(answer.unreadNotificationCount);
      setLoad({
        phase: 'ready',
        items: page.edges.map((e) => e.node),
        next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
        unread: answer.unreadNotificationCount,
      });
    } catch (failure) {
      setLoad({ phase: 'failed', code: codeOf(failure) });
    }
  }, []);

  useEffect(() => {
    if (!online) return;
    const timer = setTimeout(() => void refresh(), 0);
    const stop = onLiveNotification(() => void refresh());
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [online, refresh]);

  async function more(after: string) {
    const page = (await apiRequest<NotificationsQuery>(NOTIFICATIONS, { first: PAGE, after }))
      .notificationsConnection;
    setLoad((current) =>
      current.phase !== 'ready'
        ? current
        : {
            ...current,
            items: [...current.items, ...page.edges.map((e) => e.node)],
            next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
          },
    );
  }

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      await refresh();
      await refreshUnread();
    } catch (failure) {
      setLoad({ phase: 'failed', code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.muted}>{t('intro')}</p>
      {!online ? <p className={styles.notice}>{t('offline')}</p> : null}
      {load.phase === 'loading' && online ? <p role="status">{t('loading')}</p> : null}
      {load.phase === 'failed' ? (
        <div className={styles.row}>
          <p className={styles.error} role="alert">
            {t('failed', { code: load.code })}
          </p>
          <button type="button" className={styles.button} onClick={() => void refresh()}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {load.phase === 'ready' ? (
        <section className={styles.section} aria-labelledby="notifications-list-title">
          <div className={styles.row}>
            <h2 id="notifications-list-title" className={styles.sectionTitle}>
              <span data-testid="notifications-unread" role="status">
                {t('unreadCount', { count: load.unread })}
              </span>
            </h2>
            {load.unread > 0 ? (
              <button
                type="button"
                className={styles.button}
                disabled={busy}
                onClick={() =>
                  void act(() =>
                    apiRequest<MarkAllNotificationsReadMutation>(MARK_ALL_NOTIFICATIONS_READ),
                  )
                }
              >
                {t('markAllRead')}
              </button>
            ) : null}
          </div>
          {load.items.length === 0 ? <p className={styles.muted}>{t('empty')}</p> : null}
          <ul className={styles.list}>
            {load.items.map((n) => {
              const words = wordsOf(n, t, locale);
              const isUnread = n.readAt === null || n.readAt === undefined;
              return (
                <li
                  key={n.id}
                  className={isUnread ? `${styles.item} ${styles.unread}` : styles.item}
                  data-testid="notification-item"
                >
                  <div className={styles.itemText}>
                    <p className={styles.itemTitle}>
                      {isUnread ? <span className={styles.dot} aria-label={t('unread')} /> : null}
                      {words.title}
                    </p>
                    <p className={styles.muted}>{words.body}</p>
                    <p className={styles.time}>
                      <time dateTime={String(n.createdAt)}>
                        {new Intl.DateTimeFormat(locale, {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        }).format(new Date(String(n.createdAt)))}
                      </time>
                    </p>
                  </div>
                  {isUnread ? (
                    <button
                      type="button"
                      className={styles.button}
                      disabled={busy}
                      aria-label={t('markReadNamed', { name: words.title })}
                      onClick={() =>
                        void act(() => apiRequest(MARK_NOTIFICATION_READ, { id: n.id }))
                      }
                    >
                      {t('markRead')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {load.next ? (
            <button
              type="button"
              className={styles.button}
              onClick={() => void more(load.next ?? '')}
            >
              {t('loadMore')}
            </button>
          ) : null}
        </section>
      ) : null}
      {online ? <NotificationSettingsSection /> : null}
    </div>
  );
}
