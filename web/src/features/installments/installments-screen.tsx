'use client';

import { formatDecimal } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { paceDatabase } from '@/lib/db';
import { parseAmountInput } from '@/lib/format/money';
import type { InstallmentPlanQuery } from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { InstallmentResult } from './installment-result';
import { INSTALLMENT_PLAN } from './installments.operations';
import styles from './installments.module.css';

type Plan = InstallmentPlanQuery['installmentPlan'];

const APR_RE = /^\d{1,3}([.,]\d{1,4})?$/;
const MAX_APR = 100;
const MAX_MONTHS = 600;

/** The APR as typed ("7,99" or "7.99") in the wire form, or null when it is not 0–100 %. */
function aprOf(text: string): string | null {
  const trimmed = text.trim();
  if (!APR_RE.test(trimmed)) return null;
  const wire = trimmed.replace(',', '.');
  return Number(wire) <= MAX_APR ? wire : null;
}

function monthsOf(text: string): number | null {
  const months = Number(text.trim());
  return /^\d+$/.test(text.trim()) && months >= 1 && months <= MAX_MONTHS ? months : null;
}

/**
 * The installment calculator: the amount, APR, number of months and first payment of a loan give
 * the monthly payment, the interest, a verdict against the person's plan and the schedule. The
 * server computes it (it reads the plan's income and debts), so it needs a connection.
 */
export function InstallmentsScreen() {
  const t = useTranslations('installments');
  const locale = useLocale();
  const id = useId();
  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'));
  const sync = useSyncStatus();
  const isOffline = sync.phase === 'offline';
  const [amount, setAmount] = useState('');
  const [apr, setApr] = useState('');
  const [months, setMonths] = useState('12');
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const currency = settings?.currency;

  async function calculate(event: FormEvent) {
    event.preventDefault();
    if (!currency) return;
    const principalMinor = parseAmountInput(amount, currency, locale);
    const wireApr = aprOf(apr);
    const count = monthsOf(months);
    const problem =
      principalMinor === null
        ? t('form.invalidAmount')
        : wireApr === null
          ? t('form.invalidApr')
          : count === null
            ? t('form.invalidMonths')
            : null;
    if (problem !== null || principalMinor === null || wireApr === null || count === null) {
      setError(problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const data = await apiRequest<InstallmentPlanQuery>(INSTALLMENT_PLAN, {
        input: {
          principal: formatDecimal(principalMinor, currency),
          apr: wireApr,
          months: count,
          ...(start ? { firstPaymentOn: start } : {}),
        },
      });
      setPlan(data.installmentPlan);
    } catch (failure) {
      setPlan(null);
      setError(
        failure instanceof NetworkUnavailableError
          ? t('offline')
          : t('failed', {
              code: failure instanceof GraphqlRequestError ? (failure.reason ?? failure.code) : '—',
            }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.muted}>{t('intro')}</p>
      {isOffline ? (
        <p role="status" className={styles.notice} data-testid="installments-offline">
          {t('offline')}
        </p>
      ) : null}
      {settings === undefined ? null : !currency ? (
        <p className={styles.muted}>{t('noPlan')}</p>
      ) : (
        <form
          className={styles.card}
          aria-labelledby={`${id}-form`}
          onSubmit={(event) => void calculate(event)}
          noValidate
        >
          <h2 id={`${id}-form`} className={styles.cardTitle}>
            {t('form.title')}
          </h2>
          <div className={styles.grid}>
            <div className={styles.field}>
              <label htmlFor={`${id}-amount`}>{t('form.amount', { currency })}</label>
              <input
                id={`${id}-amount`}
                className={styles.input}
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-apr`}>{t('form.apr')}</label>
              <input
                id={`${id}-apr`}
                className={styles.input}
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={`${id}-apr-hint`}
                value={apr}
                onChange={(e) => setApr(e.target.value)}
              />
              <span id={`${id}-apr-hint`} className={styles.hint}>
                {t('form.aprHint')}
              </span>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-months`}>{t('form.months')}</label>
              <input
                id={`${id}-months`}
                className={styles.input}
                inputMode="numeric"
                autoComplete="off"
                aria-describedby={`${id}-months-hint`}
                value={months}
                onChange={(e) => setMonths(e.target.value)}
              />
              <span id={`${id}-months-hint`} className={styles.hint}>
                {t('form.monthsHint')}
              </span>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-start`}>{t('form.start')}</label>
              <input
                id={`${id}-start`}
                className={styles.input}
                type="date"
                aria-describedby={`${id}-start-hint`}
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
              <span id={`${id}-start-hint`} className={styles.hint}>
                {t('form.startHint')}
              </span>
            </div>
          </div>
          {error ? (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          ) : null}
          <div>
            <button type="submit" className={styles.primary} disabled={busy || isOffline}>
              {busy ? t('form.busy') : t('form.submit')}
            </button>
          </div>
        </form>
      )}
      {plan && currency ? <InstallmentResult plan={plan} currency={currency} /> : null}
    </div>
  );
}
