'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { currencyOptions, DeviceRateHint } from '@/features/currency';
import { AccountPicker } from '@/features/money-accounts';
import { paceDatabase } from '@/lib/db';
import { formatMoney, parseAmountInput } from '@/lib/format/money';
import { addTransaction } from '@/lib/sync';
import styles from './today.module.css';

export interface QuickAddCategory {
  id: string;
  name: string;
}

/**
 * Quick add in two taps: type the amount, tap the category (a note is optional). The expense is
 * written to the device at once and queued for the server, on the account picked (the default
 * account unless the person has another one and picks it). "Paid in" another currency queues the
 * amount as paid; the server converts it at the day's rate, and until then the device counts its
 * own conversion with the rates it synced, or says it has none (docs/currencies.md §5).
 */
export function QuickAdd({
  categories,
  currency,
  today,
}: {
  categories: readonly QuickAddCategory[];
  currency: string;
  today: string;
}) {
  const t = useTranslations('today');
  const tc = useTranslations('currency');
  const locale = useLocale();
  // Kept after an add, like the account: a trip abroad pays in one currency for days.
  const [paidCurrency, setPaidCurrency] = useState(currency);
  const options = useMemo(() => currencyOptions(currency, locale), [currency, locale]);
  const isForeign = paidCurrency !== currency;
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  // Kept after an add: several expenses in a row are usually paid the same way.
  const [accountId, setAccountId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const amountId = useId();
  const noteId = useId();
  const paidId = useId();
  const errorId = useId();

  async function add(categoryId: string, name: string) {
    const minor = parseAmountInput(amount, paidCurrency, locale);
    if (minor === null) {
      setError(t('quickAdd.invalidAmount'));
      setDone(null);
      return;
    }
    setError(null);
    await addTransaction(paceDatabase(), {
      amountMinor: minor,
      currency,
      ...(isForeign ? { paid: { amountMinor: minor, currency: paidCurrency } } : {}),
      categoryId,
      bookedOn: today,
      note,
      accountId,
    });
    setAmount('');
    setNote('');
    setDone(
      t('quickAdd.added', { amount: formatMoney(minor, paidCurrency, locale), category: name }),
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const first = categories[0];
    if (first) void add(first.id, first.name);
  };

  return (
    <section aria-labelledby="quick-add-title" className={styles.card}>
      <h2 id="quick-add-title" className={styles.cardTitle}>
        {t('quickAdd.title')}
      </h2>
      <form className={styles.quickAdd} onSubmit={onSubmit} noValidate>
        <div className={styles.field}>
          <label htmlFor={amountId}>{t('quickAdd.amount', { currency: paidCurrency })}</label>
          <input
            id={amountId}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => {
              setAmount(event.target.value);
              setDone(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={styles.amountInput}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={paidId}>{tc('paidIn')}</label>
          <select
            id={paidId}
            value={paidCurrency}
            onChange={(event) => {
              setPaidCurrency(event.target.value);
              setDone(null);
            }}
            aria-describedby={isForeign ? `${paidId}-hint` : undefined}
          >
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
          {isForeign ? (
            <DeviceRateHint
              id={`${paidId}-hint`}
              className={styles.hint}
              paidCurrency={paidCurrency}
              budgetCurrency={currency}
              bookedOn={today}
            />
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={noteId}>{t('quickAdd.note')}</label>
          <input
            id={noteId}
            name="note"
            autoComplete="off"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <AccountPicker value={accountId} onChange={setAccountId} />
        <fieldset className={styles.chips}>
          <legend>{t('quickAdd.category')}</legend>
          {categories.map((category) => (
            <button
              key={category.id}
              type="button"
              className={styles.chip}
              onClick={() => void add(category.id, category.name)}
            >
              {category.name}
            </button>
          ))}
        </fieldset>
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
        <p className={styles.done} role="status">
          {done}
        </p>
      </form>
    </section>
  );
}
