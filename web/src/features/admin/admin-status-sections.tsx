'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type {
  AdminDatabaseQuery,
  AdminExternalServicesQuery,
  AdminQueuesQuery,
  AdminStartEncryptionKeyRotationMutation,
} from '@/lib/graphql/generated';
import { AdminLoadView, AdminOutcome } from './admin-feedback';
import {
  ADMIN_DATABASE,
  ADMIN_QUEUES,
  ADMIN_SERVICES,
  RETRY_FAILED_JOB,
  START_KEY_ROTATION,
} from './admin.operations';
import {
  adminRequest,
  failureOf,
  useAdminAction,
  useAdminQuery,
  type AdminLoad,
} from './use-admin-request';
import { useAdminFormat } from './use-admin-format';
import styles from './admin.module.css';

type ServiceName = AdminExternalServicesQuery['adminExternalServices'][number]['name'];
const SERVICE_LABEL = {
  OPENAI: 'openai',
  SMTP: 'smtp',
  GOOGLE_SIGN_IN: 'googleSignIn',
  WEB_PUSH: 'webPush',
  FCM: 'fcm',
  VISION: 'vision',
} as const satisfies Record<ServiceName, string>;

function RefreshButton({ onClick }: { onClick: () => void }) {
  const t = useTranslations('admin');
  return (
    <button type="button" className={styles.refresh} onClick={onClick}>
      {t('refresh')}
    </button>
  );
}

/** Jobs per queue and state, with the newest failures to retry. */
export function AdminQueuesSection() {
  const t = useTranslations('admin.queues');
  const format = useAdminFormat();
  const [load, reload] = useAdminQuery<AdminQueuesQuery>(ADMIN_QUEUES);
  const { isBusy, outcome, run } = useAdminAction();
  const retry = async (queue: string, jobId: string) => {
    if (await run(() => adminRequest(RETRY_FAILED_JOB, { queue, jobId }), t('retried'))) reload();
  };
  return (
    <div className={styles.stack}>
      <RefreshButton onClick={reload} />
      <AdminLoadView load={load} onRetry={reload}>
        {(data) => (
          <>
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="admin-queues">
                <thead>
                  <tr>
                    <th scope="col">{t('queue')}</th>
                    <th scope="col">{t('waiting')}</th>
                    <th scope="col">{t('active')}</th>
                    <th scope="col">{t('delayed')}</th>
                    <th scope="col">{t('failed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.adminQueues.map((queue) => (
                    <tr key={queue.name}>
                      <th scope="row">{queue.name.toLowerCase()}</th>
                      <td>{format.count(queue.waiting)}</td>
                      <td>{format.count(queue.active)}</td>
                      <td>{format.count(queue.delayed)}</td>
                      <td className={queue.failed > 0 ? styles.warningText : undefined}>
                        {format.count(queue.failed)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.adminQueues
              .filter((queue) => queue.recentFailures.length > 0)
              .map((queue) => (
                <section key={queue.name} className={styles.card}>
                  <h3 className={styles.cardTitle}>
                    {t('failures', { name: queue.name.toLowerCase() })}
                  </h3>
                  <ul className={styles.list}>
                    {queue.recentFailures.map((job) => (
                      <li key={job.id} className={styles.failure}>
                        <p className={styles.breakable}>
                          {t('failure', {
                            name: job.name,
                            count: job.attemptsMade,
                            reason: job.reason,
                          })}
                          {job.failedAt ? ` · ${format.date(job.failedAt)}` : ''}
                        </p>
                        <button
                          type="button"
                          className={styles.secondary}
                          disabled={isBusy}
                          onClick={() => void retry(queue.name, job.id)}
                        >
                          {t('retry')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            <AdminOutcome outcome={outcome} />
          </>
        )}
      </AdminLoadView>
    </div>
  );
}

/** What startEncryptionKeyRotation answers. */
type StartKeyRotationResult = AdminStartEncryptionKeyRotationMutation;

type RotationState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'queued'; jobId: string; activeKeyId: string }
  | Exclude<AdminLoad<never>, { kind: 'loading' | 'ready' }>;

/** Re-encrypting every stored value under the active key, queued as a job. */
function EncryptionKeysCard() {
  const t = useTranslations('admin.services.encryption');
  const admin = useTranslations('admin');
  const [state, setState] = useState<RotationState>({ kind: 'idle' });
  const start = async () => {
    setState({ kind: 'busy' });
    try {
      const { startEncryptionKeyRotation: queued } =
        await adminRequest<StartKeyRotationResult>(START_KEY_ROTATION);
      setState({ kind: 'queued', ...queued });
    } catch (failure) {
      setState(failureOf(failure));
    }
  };
  return (
    <section className={styles.card} aria-labelledby="admin-encryption-title">
      <h3 id="admin-encryption-title" className={styles.cardTitle}>
        {t('title')}
      </h3>
      <p>{t('explain')}</p>
      <p className={styles.hint}>{t('activeKeyUnknown')}</p>
      <button
        type="button"
        className={styles.secondary}
        disabled={state.kind === 'busy'}
        onClick={() => void start()}
      >
        {t('start')}
      </button>
      <p role="status" aria-live="polite" className={styles.outcome} data-testid="admin-rotation">
        {state.kind === 'queued'
          ? t('queued', { jobId: state.jobId, keyId: state.activeKeyId })
          : state.kind === 'offline'
            ? admin('offline')
            : state.kind === 'forbidden'
              ? admin('forAdmins')
              : state.kind === 'failed'
                ? t('failed', { code: state.code })
                : ''}
      </p>
    </section>
  );
}

/** OpenAI, SMTP, Google sign-in and Web Push: configured, reachable, last error. */
export function AdminServicesSection() {
  const t = useTranslations('admin.services');
  const format = useAdminFormat();
  const [load, reload] = useAdminQuery<AdminExternalServicesQuery>(ADMIN_SERVICES);
  return (
    <div className={styles.stack}>
      <RefreshButton onClick={reload} />
      <AdminLoadView load={load} onRetry={reload}>
        {(data) => (
          <ul className={styles.list} data-testid="admin-services">
            {data.adminExternalServices.map((service) => (
              <li key={service.name} className={styles.card}>
                <div className={styles.rowHead}>
                  <h3 className={styles.cardTitle}>{t(SERVICE_LABEL[service.name])}</h3>
                  <span className={styles.badges}>
                    <span className={service.isConfigured ? styles.badge : styles.badgeMuted}>
                      {service.isConfigured ? t('configured') : t('notConfigured')}
                    </span>
                    <span
                      className={
                        service.isReachable === false ? styles.badgeWarning : styles.badgeMuted
                      }
                    >
                      {service.isReachable === null
                        ? t('notChecked')
                        : service.isReachable
                          ? t('reachable')
                          : t('unreachable')}
                    </span>
                  </span>
                </div>
                <p className={styles.muted}>{service.mode}</p>
                <p className={styles.breakable}>
                  {service.lastError
                    ? service.lastErrorAt
                      ? t('lastErrorAt', {
                          date: format.date(service.lastErrorAt),
                          reason: service.lastError,
                        })
                      : t('lastError', { reason: service.lastError })
                    : t('noError')}
                </p>
                <p className={styles.hint}>
                  {t('checkedAt', { date: format.date(service.checkedAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </AdminLoadView>
      <EncryptionKeysCard />
    </div>
  );
}

/** Table sizes and row estimates, and the slowest statements when they can be read. */
export function AdminDatabaseSection() {
  const t = useTranslations('admin.database');
  const format = useAdminFormat();
  const [load, reload] = useAdminQuery<AdminDatabaseQuery>(ADMIN_DATABASE);
  return (
    <div className={styles.stack}>
      <RefreshButton onClick={reload} />
      <AdminLoadView load={load} onRetry={reload}>
        {({ adminDatabase: database }) => (
          <>
            <p>
              {t('kind', {
                name: database.kind === 'pglite' ? t('embedded') : t('postgres'),
                size: format.bytes(database.totalBytes),
              })}
            </p>
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="admin-tables">
                <caption className={styles.caption}>{t('tables')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table')}</th>
                    <th scope="col">{t('size')}</th>
                    <th scope="col">{t('rows')}</th>
                  </tr>
                </thead>
                <tbody>
                  {database.tables.map((table) => (
                    <tr key={table.name}>
                      <th scope="row" className={styles.mono}>
                        {table.name}
                      </th>
                      <td>{format.bytes(table.totalBytes)}</td>
                      <td>{format.count(table.rowEstimate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <section className={styles.card}>
              <h3 className={styles.cardTitle}>{t('slow')}</h3>
              {database.isStatementStatisticsAvailable ? (
                <ol className={styles.list}>
                  {database.slowStatements.map((statement, index) => (
                    <li key={index} className={styles.stackTight}>
                      <code className={styles.code}>{statement.query}</code>
                      <span className={styles.hint}>
                        {t('statement', {
                          calls: statement.calls,
                          ms: format.decimal(statement.meanMs),
                        })}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className={styles.muted}>
                  {t('noStatements', { reason: database.statementStatisticsNote ?? '—' })}
                </p>
              )}
            </section>
          </>
        )}
      </AdminLoadView>
    </div>
  );
}
