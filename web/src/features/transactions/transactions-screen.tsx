'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCategoryNames, useCategoryOptions } from '@/lib/budget/use-category-options';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { deleteTransaction, restoreTransaction } from '@/lib/sync';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { downloadText, transactionsCsv } from './export-csv';
import { ImportPanel } from './import-panel';
import { RecurringPanel } from './recurring-panel';
import { TransactionEditor } from './transaction-editor';
import {
  groupByDay,
  matches,
  NO_FILTERS,
  useTransactions,
  type TransactionFilters,
} from './use-transactions';
import styles from './transactions.module.css';

const PAGE = 50;

/** Every transaction on this device, by local day, with search, filters, edit and delete. */
export function TransactionsScreen() {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const id = useId();
  const categories = useCategoryOptions();
  const names = useCategoryNames();
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<TransactionRecord | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'), []);
  const money = settings?.currency ?? 'USD';
  const filters: TransactionFilters = useMemo(
    () => ({
      ...NO_FILTERS,
      text: text.trim(),
      categoryId,
      from,
      to,
      minMinor: parseAmountInput(min, money, locale),
      maxMinor: parseAmountInput(max, money, locale),
    }),
    [text, categoryId, from, to, min, max, money, locale],
  );
  const page = useTransactions(filters, limit);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !page?.hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((n) => n + PAGE);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [page?.hasMore]);

  async function remove(row: TransactionRecord) {
    await deleteTransaction(paceDatabase(), row.id);
    setDeleted(row);
  }

  async function exportCsv() {
    const rows = await paceDatabase()
      .transactions.orderBy('bookedOn')
      .filter((row) => matches(row, filters))
      .toArray();
    downloadText('pace-transactions.csv', transactionsCsv(rows));
  }

  async function undo() {
    if (!deleted) return;
    await restoreTransaction(paceDatabase(), deleted.id);
    setDeleted(null);
  }

  const groups = page ? groupByDay(page.rows) : [];
  const filtered = filters !== NO_FILTERS && (text || categoryId || from || to || min || max);

  return (
    <div className={styles.stack}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('title')}</h1>
        <button type="button" className={styles.more} onClick={() => void exportCsv()}>
          {t('export')}
        </button>
      </div>
      <SyncStatusBar />

      <section role="search" className={styles.search} aria-label={t('filters.label')}>
        <div className={styles.field}>
          <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <details className={styles.moreFilters}>
          <summary>{t('filters.more')}</summary>
          <div className={styles.filters}>
            <div className={styles.field}>
              <label htmlFor={`${id}-c`}>{t('filters.category')}</label>
              <select
                id={`${id}-c`}
                value={categoryId}
                onChange={(e) => setCategoryId(e.target.value)}
              >
                <option value="">{t('filters.allCategories')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-min`}>{t('filters.min')}</label>
              <input
                id={`${id}-min`}
                inputMode="decimal"
                value={min}
                onChange={(e) => setMin(e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-max`}>{t('filters.max')}</label>
              <input
                id={`${id}-max`}
                inputMode="decimal"
                value={max}
                onChange={(e) => setMax(e.target.value)}
              />
            </div>
          </div>
        </details>
      </section>

      <div role="status" className={styles.undo} aria-live="polite">
        {deleted ? (
          <>
            <span>{t('deleted')}</span>
            <button type="button" className={styles.link} onClick={() => void undo()}>
              {t('undo')}
            </button>
          </>
        ) : null}
      </div>

      {page === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : groups.length === 0 ? (
        <section className={styles.card}>
          <p className={styles.muted}>{filtered ? t('emptyFiltered') : t('empty')}</p>
        </section>
      ) : (
        <div className={styles.days} data-testid="transaction-list">
          {groups.map((group) => (
            <section key={group.day} aria-labelledby={`${id}-${group.day}`} className={styles.card}>
              <h2 id={`${id}-${group.day}`} className={styles.day}>
                {formatLocalDate(group.day, locale, {
                  weekday: 'long',
                  day: 'numeric',
                  month: 'long',
                })}
              </h2>
              <ul className={styles.rows}>
                {group.rows.map((row) => (
                  <li key={row.id} className={styles.row} data-testid="transaction-row">
                    {editing === row.id ? (
                      <TransactionEditor
                        transaction={row}
                        categories={categories}
                        onDone={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <span className={styles.rowName}>
                          {row.note ?? row.merchant ?? names.get(row.categoryId) ?? row.categoryId}
                          <span className={styles.muted}>
                            {names.get(row.categoryId) ?? row.categoryId}
                          </span>
                        </span>
                        <span className={styles.amount}>
                          {formatMoney(
                            row.direction === 'expense' ? -row.amountMinor : row.amountMinor,
                            row.currency,
                            locale,
                          )}
                        </span>
                        {row.pending ? (
                          <span className={styles.pending}>{t('pending')}</span>
                        ) : null}
                        <span className={styles.rowActions}>
                          <button
                            type="button"
                            onClick={() => setEditing(row.id)}
                            aria-label={t('editLabel', {
                              name: row.note ?? names.get(row.categoryId) ?? '',
                            })}
                          >
                            {t('edit.button')}
                          </button>
                          <button
                            type="button"
                            onClick={() => void remove(row)}
                            aria-label={t('deleteLabel', {
                              name: row.note ?? names.get(row.categoryId) ?? '',
                            })}
                          >
                            {t('delete')}
                          </button>
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {page.hasMore ? (
            <div ref={sentinel}>
              <button
                type="button"
                className={styles.more}
                onClick={() => setLimit((n) => n + PAGE)}
              >
                {t('more')}
              </button>
            </div>
          ) : null}
        </div>
      )}
      {settings ? (
        <RecurringPanel
          categories={categories}
          currency={settings.currency}
          timeZone={settings.timeZone}
        />
      ) : null}
      <ImportPanel />
    </div>
  );
}
