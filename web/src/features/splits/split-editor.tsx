'use client';

import { formatDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { formatMoney, parseAmountInput } from '@/lib/format/money';
import { addSplit, editSplit, type SplitPartDraft } from './split-outbox';
import { leftToAssign, splitEvenly } from './split-evenly';
import { MAX_PARTS, MIN_PARTS, checkDraft, type DraftRow } from './split-draft';
import styles from './splits.module.css';

export interface SplitEditorProps {
  currency: string;
  categories: readonly CategoryOption[];
  totalMinor: number;
  /** The rows to start from; an empty one is a row still to fill. */
  parts: readonly Partial<SplitPartDraft>[];
  /** The split being edited; a new split when absent. */
  splitId?: string;
  /** A new split takes the place of this plain transaction (same day and payee). */
  replaces?: TransactionRecord;
  /** A new split's local day when it replaces nothing. */
  bookedOn?: string;
  onDone: () => void;
}

let rowKeys = 0;
const rowOf = (part: Partial<SplitPartDraft>, currency: string): DraftRow => ({
  key: (rowKeys += 1),
  ...(part.id ? { id: part.id } : {}),
  categoryId: part.categoryId ?? '',
  amount: part.amountMinor !== undefined ? formatDecimal(part.amountMinor, currency) : '',
});

/**
 * One payment over several categories: rows of category and amount, a live "left to assign"
 * figure and "split evenly". Saved through the outbox like any other write (offline too).
 */
export function SplitEditor(props: SplitEditorProps) {
  const { currency, categories, onDone } = props;
  const t = useTranslations('splits');
  const locale = useLocale();
  const id = useId();
  const [total, setTotal] = useState(formatDecimal(props.totalMinor, currency));
  const [rows, setRows] = useState<DraftRow[]>(() => {
    const given = props.parts.map((part) => rowOf(part, currency));
    while (given.length < MIN_PARTS) given.push(rowOf({}, currency));
    return given;
  });
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLFieldSetElement>(null);

  const parse = (text: string) => (text.trim() ? parseAmountInput(text, currency, locale) : null);
  const totalMinor = parse(total);
  const left =
    totalMinor === null
      ? null
      : leftToAssign(
          totalMinor,
          rows.map((r) => parse(r.amount)),
        );
  const change = (key: number, patch: Partial<DraftRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function addRow() {
    setRows((current) => [...current, rowOf({}, currency)]);
    // Focus the new row's category, so the keyboard carries on where the person is.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLSelectElement>('.part-new select')?.focus(),
    );
  }

  function removeRow(index: number) {
    setRows((current) => current.filter((_, i) => i !== index));
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('input')?.focus());
  }

  function evenly() {
    if (totalMinor === null) return setError(t('errors.total'));
    const amounts = splitEvenly(totalMinor, rows.length);
    setRows((current) =>
      current.map((row, index) => ({
        ...row,
        amount: formatDecimal(amounts[index] ?? 0, currency),
      })),
    );
    setError(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(totalMinor, rows, parse);
    if (!checked.ok) return setError(t(`errors.${checked.problem}`));
    const db = paceDatabase();
    if (props.splitId) await editSplit(db, props.splitId, checked.value);
    else
      await addSplit(db, {
        ...checked.value,
        currency,
        bookedOn: props.replaces?.bookedOn ?? props.bookedOn ?? '',
        payee: props.replaces?.merchant ?? props.replaces?.note ?? null,
        replaces: props.replaces ?? null,
      });
    onDone();
  }

  const options = [{ id: '', name: t('chooseCategory') }, ...categories];
  return (
    <form className={styles.editor} onSubmit={(event) => void save(event)} aria-label={t('title')}>
      <div className={styles.field}>
        <label htmlFor={`${id}-total`}>{t('total')}</label>
        <input
          className={styles.input}
          id={`${id}-total`}
          inputMode="decimal"
          value={total}
          onChange={(event) => setTotal(event.target.value)}
        />
      </div>
      <fieldset className={styles.parts} ref={list}>
        <legend>{t('parts')}</legend>
        {rows.map((row, index) => (
          <div
            key={row.key}
            className={`${styles.part} ${index === rows.length - 1 ? 'part-new' : ''}`}
            data-testid="split-part"
          >
            <div className={styles.field}>
              <label htmlFor={`${id}-c-${row.key}`}>{t('category', { number: index + 1 })}</label>
              <select
                className={styles.input}
                id={`${id}-c-${row.key}`}
                value={row.categoryId}
                onChange={(event) => change(row.key, { categoryId: event.target.value })}
              >
                {options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-a-${row.key}`}>{t('amount', { number: index + 1 })}</label>
              <input
                className={styles.input}
                id={`${id}-a-${row.key}`}
                inputMode="decimal"
                value={row.amount}
                onChange={(event) => change(row.key, { amount: event.target.value })}
              />
            </div>
            <button
              type="button"
              className={styles.button}
              onClick={() => removeRow(index)}
              disabled={rows.length <= MIN_PARTS}
              aria-label={t('remove', { number: index + 1 })}
            >
              ×
            </button>
          </div>
        ))}
      </fieldset>
      <p
        role="status"
        aria-live="polite"
        data-testid="split-left"
        className={`${styles.left} ${left === 0 ? styles.done : left !== null && left < 0 ? styles.over : ''}`}
      >
        {left === null
          ? t('errors.total')
          : left === 0
            ? t('assigned')
            : left > 0
              ? t('left', { amount: formatMoney(left, currency, locale) })
              : t('over', { amount: formatMoney(-left, currency, locale) })}
      </p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          onClick={addRow}
          disabled={rows.length >= MAX_PARTS}
        >
          {t('add')}
        </button>
        <button type="button" className={styles.button} onClick={evenly}>
          {t('evenly')}
        </button>
        <button type="submit" className={styles.primary}>
          {t('save')}
        </button>
        <button type="button" className={styles.button} onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
