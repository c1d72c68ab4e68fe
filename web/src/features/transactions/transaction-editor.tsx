'use client';

import { formatDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { parseAmountInput } from '@/lib/format/money';
import { editTransaction } from '@/lib/sync';
import styles from './transactions.module.css';

/** Edits one transaction in place; the change is queued like any other. */
export function TransactionEditor({
  transaction,
  categories,
  onDone,
}: {
  transaction: TransactionRecord;
  categories: readonly CategoryOption[];
  onDone: () => void;
}) {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const id = useId();
  const [amount, setAmount] = useState(
    formatDecimal(transaction.amountMinor, transaction.currency),
  );
  const [categoryId, setCategoryId] = useState(transaction.categoryId);
  const [note, setNote] = useState(transaction.note ?? '');
  const [bookedOn, setBookedOn] = useState(transaction.bookedOn);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, transaction.currency, locale);
    if (minor === null) {
      setError(t('edit.invalidAmount'));
      return;
    }
    await editTransaction(paceDatabase(), transaction.id, {
      ...(minor !== transaction.amountMinor ? { amountMinor: minor } : {}),
      ...(categoryId !== transaction.categoryId ? { categoryId } : {}),
      ...(note !== (transaction.note ?? '') ? { note } : {}),
      ...(bookedOn !== transaction.bookedOn ? { bookedOn } : {}),
    });
    onDone();
  }

  const options = categories.some((c) => c.id === transaction.categoryId)
    ? categories
    : [{ id: transaction.categoryId, name: transaction.categoryId }, ...categories];

  return (
    <form
      className={styles.editor}
      onSubmit={(event) => void save(event)}
      aria-label={t('edit.title')}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-amount`}>{t('edit.amount')}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-category`}>{t('edit.category')}</label>
        <select
          id={`${id}-category`}
          value={categoryId}
          onChange={(event) => setCategoryId(event.target.value)}
        >
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-note`}>{t('edit.note')}</label>
        <input id={`${id}-note`} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-date`}>{t('edit.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={bookedOn}
          onChange={(event) => setBookedOn(event.target.value)}
        />
      </div>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary}>
          {t('edit.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
