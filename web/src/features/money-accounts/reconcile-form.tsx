'use client';

import { formatDecimal, parseDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { paceDatabase, type MoneyAccountRecord } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import { DateField, MoneyField } from './money-field';
import { parseSignedAmount } from './money-input';
import { apiRequest } from '@/features/sync/sync-runtime';
import type { ReconcileAccountMutation } from '@/lib/graphql/generated';
import { moneyAccountRecordOf } from './money-account-sync';
import { RECONCILE_ACCOUNT } from './money-account.operations';
import styles from './accounts.module.css';

/** Checks an account against a statement (online: the server keeps every check). */
export function ReconcileForm({
  accounts,
  currency,
  today,
}: {
  accounts: readonly MoneyAccountRecord[];
  currency: string;
  today: string;
}) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  const id = useId();
  const [accountId, setAccountId] = useState('');
  const [balance, setBalance] = useState('');
  const [on, setOn] = useState(today);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const chosen = accountId || accounts[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseSignedAmount(balance, currency, locale);
    if (!chosen || minor === null) return setMessage({ error: true, text: t('errors.amount') });
    try {
      const answer = await apiRequest<ReconcileAccountMutation>(RECONCILE_ACCOUNT, {
        accountId: chosen,
        statementBalance: formatDecimal(minor, currency),
        on: on || today,
      });
      const { reconciliation, account } = answer.reconcileAccount;
      await paceDatabase().moneyAccounts.put(moneyAccountRecordOf(account));
      const difference = parseDecimal(reconciliation.difference.amount, currency);
      setMessage(
        reconciliation.isReconciled
          ? { error: false, text: t('reconcile.matched') }
          : {
              error: true,
              text: t('reconcile.difference', {
                amount: formatMoney(difference, currency, locale),
              }),
            },
      );
    } catch {
      setMessage({ error: true, text: t('reconcile.offline') });
    }
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('reconcile.title')}
      </h2>
      <p className={styles.muted}>{t('reconcile.intro')}</p>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <label className={styles.field}>
          {t('reconcile.account')}
          <select
            className={styles.input}
            value={chosen}
            onChange={(e) => setAccountId(e.target.value)}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <MoneyField
          label={t('reconcile.balance', { currency })}
          value={balance}
          onChange={setBalance}
          isRequired
        />
        <DateField label={t('reconcile.on')} value={on} onChange={setOn} />
        <button type="submit" className={styles.button}>
          {t('reconcile.submit')}
        </button>
      </form>
      <p role="status" className={message?.error ? styles.error : styles.done}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
