'use client';

import { useLocale, useTranslations } from 'next-intl';
import { paceDatabase, type TransferRecord } from '@/lib/db';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import type { AccountBalance, NetWorthPoint } from './balances';
import { NewAccountForm, TransferForm } from './account-forms';
import { deleteTransfer, setAccountArchived } from './money-account-sync';
import { ReconcileForm } from './reconcile-form';
import { useAccounts } from './use-accounts';
import styles from './accounts.module.css';

/** Accounts with balances, transfers, statement checks and net worth (docs/accounts.md). */
export function AccountsScreen() {
  const t = useTranslations('accounts');
  const data = useAccounts();
  if (data === undefined)
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  const { settings, today } = data;
  if (!settings || !today)
    return (
      <div className={styles.stack}>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.muted}>{t('noBudget')}</p>
      </div>
    );
  const accounts = data.balances.map((b) => b.account);
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <SyncStatusBar />
      <AccountList balances={data.balances} />
      <TransferForm accounts={accounts} currency={settings.currency} today={today} />
      <TransferList transfers={data.transfers} balances={data.balances} />
      <NetWorthTable points={data.netWorth} currency={settings.currency} />
      <NewAccountForm currency={settings.currency} today={today} />
      {accounts.length > 0 ? (
        <ReconcileForm accounts={accounts} currency={settings.currency} today={today} />
      ) : null}
    </div>
  );
}

function AccountList({ balances }: { balances: readonly AccountBalance[] }) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  if (balances.length === 0)
    return (
      <section className={styles.card}>
        <p className={styles.muted}>{t('empty')}</p>
      </section>
    );
  return (
    <section className={styles.card} aria-labelledby="accounts-list-title">
      <h2 id="accounts-list-title" className={styles.cardTitle}>
        {t('list.title')}
      </h2>
      <ul className={styles.list}>
        {balances.map(({ account, balanceMinor }) => (
          <li key={account.id} className={styles.row} data-testid="money-account">
            <div>
              <span className={styles.name}>{account.name}</span>{' '}
              {account.pending ? <span className={styles.pending}>{t('pending')}</span> : null}
              <div className={styles.meta}>
                {t(`kind.${account.kind}`)}
                {account.isDefault ? ` · ${t('list.default')}` : ''}
                {account.isArchived ? ` · ${t('list.archived')}` : ''}
                {account.reconciledThrough
                  ? ` · ${t('list.reconciled', { date: formatLocalDate(account.reconciledThrough, locale) })}`
                  : ''}
              </div>
            </div>
            <div className={styles.amount}>
              <span
                data-testid="money-account-balance"
                className={balanceMinor < 0 ? `${styles.money} ${styles.negative}` : styles.money}
              >
                {formatMoney(balanceMinor, account.currency, locale)}
              </span>
              {account.isDefault ? null : (
                <div>
                  <button
                    type="button"
                    className={styles.button}
                    aria-label={
                      account.isArchived
                        ? t('list.unarchive', { name: account.name })
                        : t('list.archive', { name: account.name })
                    }
                    onClick={() =>
                      void setAccountArchived(paceDatabase(), account.id, !account.isArchived)
                    }
                  >
                    {account.isArchived ? t('list.unarchiveShort') : t('list.archiveShort')}
                  </button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TransferList({
  transfers,
  balances,
}: {
  transfers: readonly TransferRecord[];
  balances: readonly AccountBalance[];
}) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  if (transfers.length === 0) return null;
  const nameOf = (id: string) => balances.find((b) => b.account.id === id)?.account.name ?? '—';
  return (
    <section className={styles.card} aria-labelledby="transfers-title">
      <h2 id="transfers-title" className={styles.cardTitle}>
        {t('transfers.title')}
      </h2>
      <ul className={styles.list}>
        {transfers.slice(0, 20).map((transfer) => (
          <li key={transfer.id} className={styles.row} data-testid="transfer">
            <div>
              <span className={styles.name}>
                {t('transfers.line', {
                  from: nameOf(transfer.fromAccountId),
                  to: nameOf(transfer.toAccountId),
                })}
              </span>{' '}
              {transfer.pending ? <span className={styles.pending}>{t('pending')}</span> : null}
              <div className={styles.meta}>
                {formatLocalDate(transfer.bookedOn, locale)}
                {transfer.note ? ` · ${transfer.note}` : ''}
              </div>
            </div>
            <div className={styles.amount}>
              <span className={styles.money}>
                {formatMoney(transfer.amountMinor, transfer.currency, locale)}
              </span>
              <div>
                <button
                  type="button"
                  className={styles.button}
                  aria-label={t('transfers.deleteLabel', {
                    from: nameOf(transfer.fromAccountId),
                    to: nameOf(transfer.toAccountId),
                  })}
                  onClick={() => void deleteTransfer(paceDatabase(), transfer.id)}
                >
                  {t('transfers.delete')}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NetWorthTable({
  points,
  currency,
}: {
  points: readonly NetWorthPoint[];
  currency: string;
}) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  const largest = Math.max(1, ...points.map((p) => Math.abs(p.assetsMinor + p.liabilitiesMinor)));
  return (
    <section className={styles.card} aria-labelledby="net-worth-title">
      <h2 id="net-worth-title" className={styles.cardTitle}>
        {t('netWorth.title')}
      </h2>
      <p className={styles.muted}>{t('netWorth.intro')}</p>
      {/* Narrow screens scroll the table sideways inside the card, never the whole page. */}
      <div
        className={styles.tableScroll}
        role="region"
        aria-labelledby="net-worth-title"
        tabIndex={0}
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('netWorth.date')}</th>
              <th scope="col">{t('netWorth.assets')}</th>
              <th scope="col">{t('netWorth.liabilities')}</th>
              <th scope="col">{t('netWorth.total')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => {
              const total = p.assetsMinor + p.liabilitiesMinor;
              return (
                <tr key={p.on}>
                  <th scope="row">
                    {formatLocalDate(p.on, locale, {
                      day: 'numeric',
                      month: 'short',
                      year: 'numeric',
                    })}
                  </th>
                  <td>
                    <span className={styles.money}>
                      {formatMoney(p.assetsMinor, currency, locale)}
                    </span>
                  </td>
                  <td>
                    <span className={styles.money}>
                      {formatMoney(p.liabilitiesMinor, currency, locale)}
                    </span>
                  </td>
                  <td className={total < 0 ? styles.negative : undefined}>
                    <span className={styles.money}>{formatMoney(total, currency, locale)}</span>
                    <span
                      className={styles.bar}
                      aria-hidden="true"
                      style={{ inlineSize: `${Math.round((Math.abs(total) / largest) * 100)}%` }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
