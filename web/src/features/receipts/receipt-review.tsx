'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { AccountPicker } from '@/features/money-accounts';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import { parseAmountInput } from '@/lib/format/money';
import type { DraftFieldName, ReceiptDraft } from './receipt-draft';
import styles from './receipts.module.css';

/** What the person confirmed: one expense. */
export interface ConfirmedReceipt {
  merchant: string;
  bookedOn: string;
  amountMinor: number;
  currency: string;
  categoryId: string;
  description: string;
  /** The money account it was paid from; null: the default account. */
  accountId: string | null;
}

const CURRENCY_RE = /^[A-Z]{3}$/;

/**
 * The review: the photo beside what was read from it. Fields the reader was unsure of are marked
 * (in words and colour) and every field can be corrected before the receipt becomes a transaction.
 */
export function ReceiptReview({
  draft,
  imageUrl,
  categories,
  budgetCurrency,
  isOnDevice,
  isBusy,
  error,
  onConfirm,
  onDiscard,
}: {
  draft: ReceiptDraft;
  imageUrl: string | null;
  categories: readonly CategoryOption[];
  /** Expenses are booked in the budget's currency only. */
  budgetCurrency: string;
  isOnDevice: boolean;
  isBusy: boolean;
  error: string | null;
  onConfirm: (receipt: ConfirmedReceipt) => void;
  onDiscard: () => void;
}) {
  const t = useTranslations('receipts.review');
  const locale = useLocale();
  const id = useId();
  const known = categories.some((c) => c.id === draft.categoryId);
  const [merchant, setMerchant] = useState(draft.merchant);
  const [bookedOn, setBookedOn] = useState(draft.date);
  const [amount, setAmount] = useState(draft.amount);
  const [currency, setCurrency] = useState(draft.currency);
  const [categoryId, setCategoryId] = useState(known ? draft.categoryId : '');
  const [description, setDescription] = useState('');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const review = new Set<DraftFieldName>(draft.review);
  if (!known) review.add('category');
  const isOtherCurrency = draft.currency !== budgetCurrency;
  if (isOtherCurrency) review.add('currency');

  // The capture card this replaces had the focus: bring it to the review.
  useEffect(() => title.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    const minor = CURRENCY_RE.test(code) ? parseAmountInput(amount, code, locale) : null;
    const issue = !merchant.trim()
      ? t('invalid.merchant')
      : !/^\d{4}-\d{2}-\d{2}$/.test(bookedOn)
        ? t('invalid.date')
        : !CURRENCY_RE.test(code)
          ? t('invalid.currency')
          : minor === null
            ? t('invalid.amount')
            : !categoryId
              ? t('invalid.category')
              : null;
    setProblem(issue);
    if (issue !== null || minor === null) return;
    onConfirm({
      merchant: merchant.trim(),
      bookedOn,
      amountMinor: minor,
      currency: code,
      categoryId,
      description: description.trim(),
      accountId,
    });
  }

  const field = (name: DraftFieldName, label: string, control: (ids: string) => ReactNode) => {
    const flagged = review.has(name);
    const hintId = `${id}-${name}-hint`;
    return (
      <div
        className={flagged ? `${styles.field} ${styles.flagged}` : styles.field}
        data-review={flagged || undefined}
      >
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control(flagged ? hintId : '')}
        {flagged ? (
          <span id={hintId} className={styles.flagText}>
            {name === 'currency' && isOtherCurrency
              ? t('otherCurrency', { currency: budgetCurrency })
              : t('check')}
          </span>
        ) : null}
      </div>
    );
  };

  const shown = problem ?? error;
  return (
    <section className={styles.review} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle} ref={title} tabIndex={-1}>
        {t('title')}
      </h2>
      <div className={styles.reviewBody}>
        <figure className={styles.photo}>
          {imageUrl ? (
            // A blob: URL of the person's own photo: next/image cannot optimise it.
            <img src={imageUrl} alt={t('photo')} />
          ) : (
            <p className={styles.muted}>{t('noPhoto')}</p>
          )}
        </figure>
        <form className={styles.form} onSubmit={submit} noValidate aria-label={t('title')}>
          <p className={styles.muted}>{isOnDevice ? t('onDevice') : t('intro')}</p>
          {field('merchant', t('merchant'), (hint) => (
            <input
              id={`${id}-merchant`}
              className={styles.input}
              value={merchant}
              autoComplete="off"
              aria-describedby={hint || undefined}
              onChange={(event) => setMerchant(event.target.value)}
            />
          ))}
          {field('date', t('date'), (hint) => (
            <input
              id={`${id}-date`}
              className={styles.input}
              type="date"
              value={bookedOn}
              aria-describedby={hint || undefined}
              onChange={(event) => setBookedOn(event.target.value)}
            />
          ))}
          {field('total', t('amount'), (hint) => (
            <input
              id={`${id}-total`}
              className={styles.input}
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              aria-describedby={hint || undefined}
              onChange={(event) => setAmount(event.target.value)}
            />
          ))}
          {field('currency', t('currency'), (hint) => (
            <input
              id={`${id}-currency`}
              className={`${styles.input} ${styles.short}`}
              value={currency}
              maxLength={3}
              autoComplete="off"
              autoCapitalize="characters"
              aria-describedby={hint || undefined}
              onChange={(event) => setCurrency(event.target.value.toUpperCase())}
            />
          ))}
          {field('category', t('category'), (hint) => (
            <select
              id={`${id}-category`}
              className={styles.input}
              value={categoryId}
              aria-describedby={hint || undefined}
              onChange={(event) => setCategoryId(event.target.value)}
            >
              <option value="">{t('chooseCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ))}
          <AccountPicker value={accountId} onChange={setAccountId} />
          <div className={styles.field}>
            <label htmlFor={`${id}-note`}>{t('note')}</label>
            <input
              id={`${id}-note`}
              className={styles.input}
              value={description}
              autoComplete="off"
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <p className={styles.error} role="alert">
            {shown}
          </p>
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={isBusy}>
              {t('confirm')}
            </button>
            <button type="button" className={styles.button} disabled={isBusy} onClick={onDiscard}>
              {t('discard')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
