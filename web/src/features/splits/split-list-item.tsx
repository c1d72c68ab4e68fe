'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import { paceDatabase } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import { SplitEditor } from './split-editor';
import { removeSplit } from './split-outbox';
import { useSplit } from './use-split';
import styles from './splits.module.css';

export interface SplitListItemProps {
  splitId: string;
  categories: readonly CategoryOption[];
  names: ReadonlyMap<string, string>;
  /**
   * Class names of the list the item sits in (row, rowName, muted, amount, pending, rowActions),
   * so it looks like its neighbours.
   */
  classes: Readonly<Record<string, string>>;
  pendingLabel: string;
}

/** A split payment in the ledger list: one payment with its parts beneath, edited as a whole. */
export function SplitListItem({
  splitId,
  categories,
  names,
  classes,
  pendingLabel,
}: SplitListItemProps) {
  const t = useTranslations('splits');
  const locale = useLocale();
  const split = useSplit(splitId);
  const [editing, setEditing] = useState(false);
  if (!split || split.parts.length === 0) return null;
  const name = split.record?.payee ?? split.parts[0]?.merchant ?? t('payment');
  const pending = split.record?.pending === 1 || split.parts.some((part) => part.pending === 1);

  return (
    <li className={classes.row} data-testid="split-row">
      {editing ? (
        <SplitEditor
          splitId={splitId}
          currency={split.currency}
          categories={categories}
          totalMinor={split.totalMinor}
          parts={split.parts.map((part) => ({
            id: part.id,
            categoryId: part.categoryId,
            amountMinor: part.amountMinor,
            note: part.note,
          }))}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          <span className={classes.rowName}>
            {name}
            <span className={classes.muted}>{t('partCount', { count: split.parts.length })}</span>
          </span>
          <span className={classes.amount}>
            {formatMoney(-split.totalMinor, split.currency, locale)}
          </span>
          {pending ? <span className={classes.pending}>{pendingLabel}</span> : null}
          <span className={classes.rowActions}>
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={t('editLabel', { name })}
            >
              {t('edit')}
            </button>
            <button
              type="button"
              onClick={() => void removeSplit(paceDatabase(), splitId)}
              aria-label={t('deleteLabel', { name })}
            >
              {t('delete')}
            </button>
          </span>
          <ul className={styles.partList} aria-label={t('partsOf', { name })}>
            {split.parts.map((part) => (
              <li key={part.id} data-testid="split-part-line">
                <span>
                  {names.get(part.categoryId) ?? part.categoryId}
                  {part.note ? <span className={classes.muted}> · {part.note}</span> : null}
                </span>
                <span className={styles.partAmount}>
                  {formatMoney(-part.amountMinor, part.currency, locale)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
