'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { AdminLoadView } from './admin-feedback';
import { adminRequest, failureOf, useAdminQuery } from './use-admin-request';
import { useAdminFormat } from './use-admin-format';
import styles from './admin.module.css';

const PAGE = 50;

export const AUDIT_LOG = /* GraphQL */ `
  query AdminAuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          occurredAt
          event
          userId
          ip
          details
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface AuditEntry {
  id: string;
  occurredAt: string;
  event: string;
  userId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
interface AuditPage {
  auditLog: {
    edges: Array<{ node: AuditEntry }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface Filter {
  event?: string;
  userId?: string;
}

/** The audit log: every security and admin event, newest first, filtered by event or person. */
export function AdminAuditSection() {
  const t = useTranslations('admin.audit');
  const ids = useId();
  const [event, setEvent] = useState('');
  const [userId, setUserId] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const [load, reload] = useAdminQuery<AuditPage>(AUDIT_LOG, { first: PAGE, filter });
  const [older, setOlder] = useState<{ rows: AuditEntry[]; cursor: string | null; key: string }>({
    rows: [],
    cursor: null,
    key: '',
  });
  const [olderError, setOlderError] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);

  const apply = (submitted: FormEvent) => {
    submitted.preventDefault();
    setFilter({
      ...(event.trim() ? { event: event.trim() } : {}),
      ...(userId.trim() ? { userId: userId.trim() } : {}),
    });
  };

  return (
    <div className={styles.stack}>
      <form className={styles.searchForm} onSubmit={apply} aria-label={t('filter')}>
        <label htmlFor={`${ids}-event`}>{t('event')}</label>
        <input
          id={`${ids}-event`}
          className={styles.select}
          value={event}
          onChange={(e) => setEvent(e.target.value)}
          placeholder="admin.premium_granted"
          aria-describedby={`${ids}-event-hint`}
        />
        <p id={`${ids}-event-hint`} className={styles.hint}>
          {t('eventHint')}
        </p>
        <label htmlFor={`${ids}-user`}>{t('userId')}</label>
        <input
          id={`${ids}-user`}
          className={styles.select}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        />
        <button type="submit" className={styles.primary}>
          {t('apply')}
        </button>
      </form>
      <AdminLoadView load={load} onRetry={reload}>
        {(data) => {
          const first = data.auditLog.edges.map((edge) => edge.node);
          const extra = older.key === filterKey ? older.rows : [];
          const rows = [...first, ...extra];
          const page =
            older.key === filterKey && older.rows.length > 0
              ? { hasNextPage: older.cursor !== null, endCursor: older.cursor }
              : data.auditLog.pageInfo;
          const more = async () => {
            setOlderError(null);
            try {
              const next = await adminRequest<AuditPage>(AUDIT_LOG, {
                first: PAGE,
                after: page.endCursor,
                filter,
              });
              setOlder({
                rows: [...extra, ...next.auditLog.edges.map((edge) => edge.node)],
                cursor: next.auditLog.pageInfo.hasNextPage
                  ? next.auditLog.pageInfo.endCursor
                  : null,
                key: filterKey,
              });
            } catch (failure) {
              const reason = failureOf(failure);
              setOlderError(reason.kind === 'failed' ? reason.code : reason.kind);
            }
          };
          return rows.length === 0 ? (
            <p className={styles.muted} data-testid="admin-audit-empty">
              {t('none')}
            </p>
          ) : (
            <>
              <ul className={styles.list} aria-label={t('entries')} data-testid="admin-audit">
                {rows.map((row) => (
                  <AuditRow key={row.id} row={row} />
                ))}
              </ul>
              {page.hasNextPage ? (
                <button type="button" className={styles.secondary} onClick={() => void more()}>
                  {t('older')}
                </button>
              ) : null}
              {olderError ? (
                <p role="alert" className={styles.warningText}>
                  {t('olderFailed', { code: olderError })}
                </p>
              ) : null}
            </>
          );
        }}
      </AdminLoadView>
    </div>
  );
}

function AuditRow({ row }: { row: AuditEntry }) {
  const t = useTranslations('admin.audit');
  const format = useAdminFormat();
  const details = Object.entries(row.details);
  return (
    <li className={styles.card} data-testid="admin-audit-entry">
      <div className={styles.rowHead}>
        <span className={styles.code}>{row.event}</span>
        <time dateTime={row.occurredAt} className={styles.muted}>
          {format.date(row.occurredAt)}
        </time>
      </div>
      <p className={styles.breakable}>{t('who', { user: row.userId ?? '—', ip: row.ip ?? '—' })}</p>
      {details.length > 0 ? (
        <p className={`${styles.muted} ${styles.breakable}`}>
          {details
            .map(
              ([key, value]) =>
                `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
            )
            .join(' · ')}
        </p>
      ) : null}
    </li>
  );
}
