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
import { TagChips, TagInput } from './tag-input';
import tagStyles from './tags.module.css';
import { useTagSuggestions } from './use-tag-suggestions';
import { SplitListItem } from '@/features/splits';
import { PaidAmountNote } from '@/features/currency';
import { RuleSuggestionOffer } from '@/features/rules/rule-suggestion';
import { RulesEntry } from '@/features/rules/rules-entry';
import { ManageTagsLink } from '@/features/tags';
import { BookedBy, MemberFilter, type BookedByFilter } from '@/features/households';

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
  const [payee, setPayee] = useState('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [tagMatch, setTagMatch] = useState<'any' | 'all'>('any');
  const [bookedBy, setBookedBy] = useState<BookedByFilter | null>(null);
  const tTags = useTranslations('tags');
  const tagSuggestions = useTagSuggestions();
  const moreFilters = useRef<HTMLDetailsElement>(null);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  // The transaction just recategorised: a rule doing it next time is offered.
  const [suggestFor, setSuggestFor] = useState<string | null>(null);
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
      payee: payee.trim(),
      note: note.trim(),
      tags,
      tagMatch,
      bookedBy,
    }),
    [text, categoryId, from, to, min, max, money, locale, payee, note, tags, tagMatch, bookedBy],
  );

  /** A tag chip in the list: filter by that tag too (and show the filters holding it). */
  function pickTag(tag: string) {
    setTags((current) => (current.includes(tag) ? current : [...current, tag]));
    setLimit(PAGE);
    if (moreFilters.current) moreFilters.current.open = true;
  }
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
  const filtered =
    filters !== NO_FILTERS &&
    (text ||
      categoryId ||
      from ||
      to ||
      min ||
      max ||
      payee ||
      note ||
      tags.length > 0 ||
      bookedBy);

  return (
    <div className={styles.stack}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('title')}</h1>
        <button type="button" className={styles.more} onClick={() => void exportCsv()}>
          {t('export')}
        </button>
      </div>
      <SyncStatusBar />
      {suggestFor ? (
        <RuleSuggestionOffer
          key={suggestFor}
          transactionId={suggestFor}
          onClose={() => setSuggestFor(null)}
        />
      ) : null}

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
        <details className={styles.moreFilters} ref={moreFilters}>
          <summary>{t('filters.more')}</summary>
          <div className={styles.filters}>
            <div className={styles.field}>
              <label htmlFor={`${id}-payee`}>{tTags('payee')}</label>
              <input
                id={`${id}-payee`}
                type="search"
                value={payee}
                onChange={(e) => setPayee(e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-note`}>{tTags('note')}</label>
              <input
                id={`${id}-note`}
                type="search"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <TagInput
              label={tTags('label')}
              value={tags}
              onChange={setTags}
              suggestions={tagSuggestions}
            />
            <ManageTagsLink className={tagStyles.manage} />
            <fieldset className={tagStyles.match}>
              <legend>{tTags('match')}</legend>
              <label>
                <input
                  type="radio"
                  name={`${id}-match`}
                  checked={tagMatch === 'any'}
                  onChange={() => setTagMatch('any')}
                />
                {tTags('matchAny')}
              </label>
              <label>
                <input
                  type="radio"
                  name={`${id}-match`}
                  checked={tagMatch === 'all'}
                  onChange={() => setTagMatch('all')}
                />
                {tTags('matchAll')}
              </label>
            </fieldset>
            <MemberFilter value={bookedBy} onChange={setBookedBy} className={styles.field} />
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
                {group.rows.map((row) =>
                  row.splitId ? (
                    // A split payment shows once, with its parts, where its first part falls.
                    group.rows.find((r) => r.splitId === row.splitId) === row ? (
                      <SplitListItem
                        key={row.splitId}
                        splitId={row.splitId}
                        categories={categories}
                        names={names}
                        classes={styles}
                        pendingLabel={t('pending')}
                      />
                    ) : null
                  ) : (
                    <li key={row.id} className={styles.row} data-testid="transaction-row">
                      {editing === row.id ? (
                        <TransactionEditor
                          transaction={row}
                          categories={categories}
                          onDone={() => setEditing(null)}
                          onRecategorised={setSuggestFor}
                        />
                      ) : (
                        <>
                          <span className={styles.rowName}>
                            {row.note ??
                              row.merchant ??
                              names.get(row.categoryId) ??
                              row.categoryId}
                            <span className={styles.muted}>
                              {names.get(row.categoryId) ?? row.categoryId}
                            </span>
                          </span>
                          <PaidAmountNote transaction={row} />
                          <BookedBy memberId={row.memberId} />
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
                          <TagChips tags={row.tags} onPick={pickTag} />
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
                  ),
                )}
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
      <RulesEntry />
    </div>
  );
}
