'use client';

import { addDays, localDateOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { sessionTransport } from '@/features/auth';
import { paceDatabase } from '@/lib/db';
import { formatLocalDate } from '@/lib/format/money';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { currencyOptions } from './currency-options';
import { mirroredExchangeRates } from './exchange-rate-sync';
import {
  EXCHANGE_RATES,
  RATES_BUDGET,
  SET_EXCHANGE_RATE,
  type ExchangeRateView,
} from './currency.operations';
import styles from './currency.module.css';

type ErrorKey = 'rate' | 'offline' | 'unknown';

function errorKeyOf(error: unknown): ErrorKey {
  if (error instanceof NetworkUnavailableError) return 'offline';
  if (error instanceof GraphqlRequestError && error.reason === 'EXCHANGE_RATE_INVALID')
    return 'rate';
  return 'unknown';
}

/** A rate typed with a decimal comma or point ("0,0062", "0.0062"), as the API reads it. */
function rateText(typed: string): string {
  return typed.trim().replace(/\s/g, '').replace(',', '.');
}

/** Settings: enter the rate of a currency on a day (it wins over the ECB's), and see the last month's. */
export function ExchangeRatesSection() {
  const t = useTranslations('currency.rates');
  const locale = useLocale();
  const id = useId();
  // The device's mirror when this tab synced it; otherwise (Settings does not sync) the API's.
  const mirrored = useLiveQuery(() => paceDatabase().settings.get('budget'));
  const [fetched, setFetched] = useState<{ currency: string; timeZone: string } | null>(null);
  useEffect(() => {
    if (mirrored !== undefined || fetched) return;
    void sessionTransport()<{ budgetSettings: { currency: string; timeZone: string } | null }>(
      RATES_BUDGET,
    )
      .then((data) => setFetched(data.budgetSettings))
      .catch(() => undefined);
  }, [mirrored, fetched]);
  const settings = mirrored ?? fetched;
  const budgetCurrency = settings?.currency ?? null;
  const today = settings ? localDateOf(new Date(), settings.timeZone) : null;
  const options = useMemo(
    () =>
      budgetCurrency
        ? currencyOptions(budgetCurrency, locale).filter((o) => o.code !== budgetCurrency)
        : [],
    [budgetCurrency, locale],
  );
  const [currency, setCurrency] = useState<string | null>(null);
  const chosen = currency ?? options[0]?.code ?? null;
  const [rateOn, setRateOn] = useState<string | null>(null);
  const [rate, setRate] = useState('');
  const [rates, setRates] = useState<ExchangeRateView[] | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);

  // Bumped after a save, so the list is read again.
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!chosen || !today || !budgetCurrency) return;
    // A late answer for a currency no longer chosen is dropped.
    let isCurrent = true;
    sessionTransport()<{ exchangeRates: ExchangeRateView[] }>(EXCHANGE_RATES, {
      currency: chosen,
      from: addDays(today, -30),
      to: today,
    }).then(
      (data) => {
        if (isCurrent) setRates([...data.exchangeRates].reverse());
      },
      async (failure: unknown) => {
        if (!isCurrent) return;
        setError(errorKeyOf(failure));
        if (!(failure instanceof NetworkUnavailableError)) return;
        // Offline: the rates this person entered, as the device mirrored them from sync.
        const mirroredRates = await mirroredExchangeRates(paceDatabase(), {
          currency: chosen,
          quote: budgetCurrency,
          from: addDays(today, -30),
          to: today,
        });
        if (isCurrent)
          setRates(
            mirroredRates.map((row) => ({ ...row, source: 'MANUAL' as const, enteredByYou: true })),
          );
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [chosen, today, budgetCurrency, revision]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !today) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await sessionTransport()(SET_EXCHANGE_RATE, {
        input: { fromCurrency: chosen, rateOn: rateOn ?? today, rate: rateText(rate) },
      });
      setSaved(true);
      setRate('');
      setRevision((value) => value + 1);
    } catch (failure) {
      setError(errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!budgetCurrency || !today || !chosen) return null;
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.hint}>{t('lead', { currency: budgetCurrency })}</p>
      <form className={styles.row} onSubmit={(event) => void save(event)} aria-label={t('add')}>
        <div className={styles.field}>
          <label htmlFor={`${id}-currency`}>{t('currency')}</label>
          <select
            id={`${id}-currency`}
            className={styles.input}
            value={chosen}
            onChange={(event) => {
              setCurrency(event.target.value);
              setRates(null);
            }}
          >
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-date`}>{t('date')}</label>
          <input
            id={`${id}-date`}
            className={styles.input}
            type="date"
            value={rateOn ?? today}
            max={today}
            onChange={(event) => setRateOn(event.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-rate`}>
            {t('rate', { currency: chosen, total: budgetCurrency })}
          </label>
          <input
            id={`${id}-rate`}
            className={styles.input}
            inputMode="decimal"
            required
            value={rate}
            onChange={(event) => setRate(event.target.value)}
            aria-invalid={error === 'rate' ? true : undefined}
          />
        </div>
        <button type="submit" className={styles.primary} disabled={isBusy}>
          {t('save')}
        </button>
      </form>
      {error ? (
        <p className={styles.error} role="alert">
          {t(`errors.${error}`)}
        </p>
      ) : isSaved ? (
        <p role="status" className={styles.notice}>
          {t('saved')}
        </p>
      ) : null}
      {rates && rates.length > 0 ? (
        <ul className={styles.list} aria-label={t('recent', { currency: chosen })}>
          {rates.map((row) => (
            <li key={`${row.rateOn}-${row.source}-${row.fromCurrency}`}>
              {t('line', {
                date: formatLocalDate(row.rateOn, locale),
                currency: row.fromCurrency,
                rate: row.rate,
                total: row.toCurrency,
              })}{' '}
              <span className={styles.hint}>
                {t(
                  row.source === 'MANUAL' && !row.enteredByYou
                    ? 'source.MEMBER'
                    : `source.${row.source}`,
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : rates ? (
        <p className={styles.hint}>{t('none', { currency: chosen })}</p>
      ) : null}
    </section>
  );
}
