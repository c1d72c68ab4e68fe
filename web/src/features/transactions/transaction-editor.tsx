'use client';

import { formatDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { parseAmountInput } from '@/lib/format/money';
import { editTransaction } from '@/lib/sync';
import styles from './transactions.module.css';
import { TagInput } from './tag-input';
import { useTagSuggestions } from './use-tag-suggestions';
import { SplitEditor } from '@/features/splits';
import { amountPatchOf, PaidCurrencyField } from '@/features/currency';
import { AccountPicker } from '@/features/money-accounts/account-picker';

/** Edits one transaction in place; the change is queued like any other. */
export function TransactionEditor({
  transaction,
  categories,
  onDone,
  onRecategorised,
}: {
  transaction: TransactionRecord;
  categories: readonly CategoryOption[];
  onDone: () => void;
  /** Told when the save moved the transaction to another category (the rules feature offers a rule). */
  onRecategorised?: (transactionId: string) => void;
}) {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const id = useId();
  // Paid in another currency: the amount edited is the one paid (docs/currencies.md).
  const [paidCurrency, setPaidCurrency] = useState(
    transaction.originalCurrency ?? transaction.currency,
  );
  const [amount, setAmount] = useState(
    formatDecimal(
      transaction.originalAmountMinor ?? transaction.amountMinor,
      transaction.originalCurrency ?? transaction.currency,
    ),
  );
  const [categoryId, setCategoryId] = useState(transaction.categoryId);
  const [note, setNote] = useState(transaction.note ?? '');
  const [bookedOn, setBookedOn] = useState(transaction.bookedOn);
  const [tags, setTags] = useState<string[]>(transaction.tags ?? []);
  const [accountId, setAccountId] = useState<string | null>(transaction.accountId ?? null);
  const tagSuggestions = useTagSuggestions();
  const tTags = useTranslations('tags');
  const [error, setError] = useState<string | null>(null);
  const [splitting, setSplitting] = useState(false);
  const tSplits = useTranslations('splits');

  async function save(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, paidCurrency, locale);
    if (minor === null) {
      setError(t('edit.invalidAmount'));
      return;
    }
    await editTransaction(paceDatabase(), transaction.id, {
      ...amountPatchOf(transaction, paidCurrency, minor),
      ...(categoryId !== transaction.categoryId ? { categoryId } : {}),
      ...(note !== (transaction.note ?? '') ? { note } : {}),
      ...(bookedOn !== transaction.bookedOn ? { bookedOn } : {}),
      ...(tags.join('\n') !== (transaction.tags ?? []).join('\n') ? { tags } : {}),
      ...(accountId && accountId !== (transaction.accountId ?? null) ? { accountId } : {}),
    });
    if (categoryId !== transaction.categoryId) onRecategorised?.(transaction.id);
    onDone();
  }

  const options = categories.some((c) => c.id === transaction.categoryId)
    ? categories
    : [{ id: transaction.categoryId, name: transaction.categoryId }, ...categories];

  if (splitting)
    return (
      <SplitEditor
        currency={transaction.currency}
        categories={categories}
        totalMinor={transaction.amountMinor}
        parts={[{ categoryId: transaction.categoryId, amountMinor: transaction.amountMinor }, {}]}
        replaces={transaction}
        onDone={onDone}
      />
    );

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
      <PaidCurrencyField
        id={`${id}-paid-currency`}
        transaction={transaction}
        value={paidCurrency}
        onChange={setPaidCurrency}
        isUnchanged={
          paidCurrency === (transaction.originalCurrency ?? transaction.currency) &&
          bookedOn === transaction.bookedOn &&
          parseAmountInput(amount, paidCurrency, locale) ===
            (transaction.originalAmountMinor ?? transaction.amountMinor)
        }
      />
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
      <TagInput
        label={tTags('label')}
        value={tags}
        onChange={setTags}
        suggestions={tagSuggestions}
      />
      <AccountPicker value={accountId} onChange={setAccountId} />
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary}>
          {t('edit.save')}
        </button>
        {transaction.direction === 'expense' && !transaction.splitId ? (
          <button type="button" onClick={() => setSplitting(true)} title={tSplits('splitHint')}>
            {tSplits('split')}
          </button>
        ) : null}
        <button type="button" onClick={onDone}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
