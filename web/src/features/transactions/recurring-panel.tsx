'use client';

import { formatDecimal, localDateOf } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { apiRequest, syncAndWait } from '@/features/sync/sync-runtime';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import type { RecurringListQuery } from '@/lib/graphql/generated';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { minorOf } from '@/lib/sync/mappers';
import { RECURRING_CREATE, RECURRING_END, RECURRING_LIST } from './recurring.operations';
import styles from './transactions.module.css';

type Recurring = RecurringListQuery['recurringTransactions'][number];

/** Recurring expenses: the list, a new one, and ending one (online; the server posts them). */
export function RecurringPanel({
  categories,
  currency,
  timeZone,
}: {
  categories: readonly CategoryOption[];
  currency: string;
  timeZone: string;
}) {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const id = useId();
  const [items, setItems] = useState<Recurring[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? 'flex');
  const [day, setDay] = useState('1');

  const explain = useCallback(
    (failure: unknown) =>
      failure instanceof NetworkUnavailableError
        ? t('recurring.offline')
        : t('recurring.failed', {
            code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
          }),
    [t],
  );

  const load = useCallback(async () => {
    try {
      const data = await apiRequest<RecurringListQuery>(RECURRING_LIST);
      setItems(data.recurringTransactions);
      setError(null);
    } catch (failure) {
      setError(explain(failure));
    }
  }, [explain]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, currency, locale);
    const dayNumber = Number(day);
    if (minor === null || !Number.isInteger(dayNumber) || dayNumber < 1 || dayNumber > 31) {
      setError(t('recurring.invalid'));
      return;
    }
    try {
      await apiRequest(RECURRING_CREATE, {
        input: {
          id: crypto.randomUUID(),
          amount: formatDecimal(minor, currency),
          categoryId,
          dayNumber,
          frequency: 'MONTHLY',
          startOn: localDateOf(new Date(), timeZone),
          ...(description.trim() ? { description: description.trim() } : {}),
        },
      });
      setAmount('');
      setDescription('');
      await load();
      await syncAndWait();
    } catch (failure) {
      setError(explain(failure));
    }
  }

  async function end(item: Recurring) {
    try {
      await apiRequest(RECURRING_END, { id: item.id });
      await load();
    } catch (failure) {
      setError(explain(failure));
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className={styles.card}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('recurring.title')}
      </h2>
      {items === null && !error ? <p role="status">{t('loading')}</p> : null}
      {items && items.length === 0 ? <p className={styles.muted}>{t('recurring.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className={styles.rows}>
          {items.map((item) => (
            <li key={item.id} className={styles.row}>
              <span className={styles.rowName}>
                {item.description || item.categoryId}
                <span className={styles.muted}>
                  {t('recurring.monthly', { day: item.dayNumber })}
                  {item.endOn
                    ? ` · ${t('recurring.endsOn', { date: formatLocalDate(item.endOn, locale) })}`
                    : ''}
                </span>
              </span>
              <span className={styles.amount}>
                {formatMoney(minorOf(item.amount), item.amount.currency, locale)}
              </span>
              {item.endOn ? null : (
                <span className={styles.rowActions}>
                  <button type="button" onClick={() => void end(item)}>
                    {t('recurring.end')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <form className={styles.editor} onSubmit={(event) => void create(event)}>
        <div className={styles.field}>
          <label htmlFor={`${id}-desc`}>{t('recurring.description')}</label>
          <input
            id={`${id}-desc`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-amount`}>{t('edit.amount')}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-cat`}>{t('edit.category')}</label>
          <select
            id={`${id}-cat`}
            value={categoryId}
            onChange={(e) => setCategoryId(e.target.value)}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-day`}>{t('recurring.day')}</label>
          <input
            id={`${id}-day`}
            type="number"
            min={1}
            max={31}
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.primary}>
            {t('recurring.create')}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </section>
  );
}
