'use client';

import { addDays, daysInMonth, parseDecimal, weekdayOf, type DayView } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { useLocalMonth } from '@/lib/budget/use-local-month';
import { paceDatabase } from '@/lib/db';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { adjustBudget, undoAdjustment } from '@/lib/sync';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { StatusPill } from '@/ui/status-pill';
import { statusOf } from '@/features/today/status-words';
import { MoveExplanation } from './move-explanation';
import styles from './month.module.css';

type DayState = 'green' | 'yellow' | 'red' | 'future' | 'unplanned';

function dayStateOf(day: DayView | undefined, today: string, firstDay: number): DayState {
  if (!day || day.day < firstDay) return 'unplanned';
  if (day.date > today) return 'future';
  if (day.categories.some((c) => c.status === 'red')) return 'red';
  if (day.categories.some((c) => c.status === 'yellow')) return 'yellow';
  return 'green';
}

const SYMBOL: Record<DayState, string> = {
  green: '✓',
  yellow: '!',
  red: '✕',
  future: '',
  unplanned: '',
};

/** The month: a calendar of day statuses; a day's allocations, spending and rebalances. */
export function MonthScreen() {
  const t = useTranslations('month');
  const locale = useLocale();
  const view = useLocalMonth();
  const [selected, setSelected] = useState<string | null>(null);

  if (view.kind === 'loading')
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  if (view.kind !== 'ready')
    return (
      <div className={styles.stack}>
        <h1 className={styles.title}>{t('title')}</h1>
        <SyncStatusBar />
        <section className={styles.card} role={view.kind === 'error' ? 'alert' : undefined}>
          <p>{view.kind === 'error' ? t('error') : t('empty')}</p>
        </section>
      </div>
    );

  const { state, plan, month, today, names, manualMoves } = view;
  const currency = plan.currency;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const count = daysInMonth(month);
  const first = `${month}-01`;
  const lead = (weekdayOf(first) + 6) % 7; // weeks start on Monday
  const days = state.days;
  const selectedDate = selected ?? (today.startsWith(month) ? today : first);
  const selectedDay = days.find((d) => d.date === selectedDate);
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    formatLocalDate(addDays('2026-03-02', i), locale, { weekday: 'short' }),
  );
  const moves = state.moves.filter(
    (m) => `${month}-${String(m.onDay).padStart(2, '0')}` === selectedDate,
  );
  const dayNumber = Number(selectedDate.slice(8, 10));
  const manualOfDay = manualMoves.filter((m) => m.fromDay === dayNumber || m.toDay === dayNumber);

  return (
    <div className={styles.stack}>
      <header>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.muted}>
          {formatLocalDate(first, locale, { month: 'long', year: 'numeric' })} ·{' '}
          {t('totals', {
            spent: money(state.totals.spentMinor),
            planned: money(state.totals.plannedMinor),
          })}
        </p>
      </header>
      <SyncStatusBar />

      <section aria-labelledby="calendar-title" className={styles.card}>
        <h2 id="calendar-title" className={styles.cardTitle}>
          {t('calendar')}
        </h2>
        <div className={styles.weekdays} aria-hidden="true">
          {weekdays.map((w) => (
            <span key={w}>{w}</span>
          ))}
        </div>
        <ol className={styles.grid} data-testid="month-calendar">
          {Array.from({ length: lead }, (_, i) => (
            <li key={`lead-${i}`} aria-hidden="true" />
          ))}
          {Array.from({ length: count }, (_, i) => {
            const date = `${month}-${String(i + 1).padStart(2, '0')}`;
            const day = days[i];
            const dayState = dayStateOf(day, today, state.firstDay);
            return (
              <li key={date}>
                <button
                  type="button"
                  className={styles.day}
                  data-state={dayState}
                  data-today={date === today || undefined}
                  aria-pressed={date === selectedDate}
                  aria-label={`${formatLocalDate(date, locale, { weekday: 'long', day: 'numeric', month: 'long' })}: ${t(`dayState.${dayState}`)}`}
                  onClick={() => setSelected(date)}
                >
                  <span>{i + 1}</span>
                  <span className={styles.symbol} aria-hidden="true">
                    {SYMBOL[dayState]}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <ul className={styles.legend}>
          {(['green', 'yellow', 'red', 'future'] as const).map((s) => (
            <li key={s} data-state={s}>
              <span className={styles.swatch} data-state={s} aria-hidden="true">
                {SYMBOL[s]}
              </span>
              {t(`dayState.${s}`)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="day-title" className={styles.card} data-testid="month-day">
        <h2 id="day-title" className={styles.cardTitle}>
          {formatLocalDate(selectedDate, locale, {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
          })}
        </h2>
        {selectedDay ? (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('day.category')}</th>
                  <th scope="col">{t('day.allocation')}</th>
                  <th scope="col">{t('day.spent')}</th>
                  <th scope="col">{t('day.status')}</th>
                </tr>
              </thead>
              <tbody>
                {selectedDay.categories
                  .filter((c) => c.allocationMinor !== 0 || c.spentMinor !== 0)
                  .map((cell) => {
                    const status = statusOf(cell.status);
                    return (
                      <tr key={cell.categoryId}>
                        <th scope="row">{names.get(cell.categoryId) ?? cell.categoryId}</th>
                        <td>{money(cell.allocationMinor)}</td>
                        <td>{money(cell.spentMinor)}</td>
                        <td>
                          <StatusPill tone={status.tone}>{t(`status.${status.key}`)}</StatusPill>
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={styles.muted}>{t('day.unplanned')}</p>
        )}
        <h3 className={styles.subTitle}>{t('day.moves')}</h3>
        {moves.length === 0 && manualOfDay.length === 0 ? (
          <p className={styles.muted}>{t('day.noMoves')}</p>
        ) : (
          <ul className={styles.moves} data-testid="month-moves">
            {moves.map((move, index) => (
              <li key={`${move.reason}-${move.fromCategoryId}-${move.toCategoryId}-${index}`}>
                <MoveExplanation move={move} month={month} currency={currency} names={names} />
              </li>
            ))}
            {manualOfDay.map((move) => (
              <li key={move.id}>
                <MoveExplanation
                  move={{ ...move, reason: 'manual', onDay: Math.min(move.fromDay, move.toDay) }}
                  month={month}
                  currency={currency}
                  names={names}
                />{' '}
                <button
                  type="button"
                  className={styles.link}
                  onClick={() => void undoAdjustment(paceDatabase(), move.id)}
                >
                  {t('manual.undo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ManualMoveForm
        month={month}
        today={today}
        currency={currency}
        categories={plan.categories.map((c) => ({
          id: c.id,
          name: names.get(c.id) ?? c.name,
          spendable: c.behaviour !== 'fixed' && c.priority !== 'sacred',
        }))}
      />
    </div>
  );
}

function ManualMoveForm({
  month,
  today,
  currency,
  categories,
}: {
  month: string;
  today: string;
  currency: string;
  categories: { id: string; name: string; spendable: boolean }[];
}) {
  const t = useTranslations('month');
  const locale = useLocale();
  const id = useId();
  // Flex gives by default, to the first day-to-day category.
  const [from, setFrom] = useState(
    categories.find((c) => c.id === 'flex')?.id ?? categories[0]?.id ?? '',
  );
  const [to, setTo] = useState(
    categories.find((c) => c.id !== 'flex' && c.spendable)?.id ?? categories[1]?.id ?? '',
  );
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState(today.startsWith(month) ? today : `${month}-01`);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, currency, locale);
    if (minor === null || from === to) {
      setMessage(t('manual.invalid'));
      return;
    }
    await adjustBudget(paceDatabase(), {
      amountMinor: minor,
      currency,
      month,
      fromCategoryId: from,
      toCategoryId: to,
      fromOn: on,
      toOn: on,
    });
    setAmount('');
    setMessage(t('manual.done', { amount: formatMoney(minor, currency, locale) }));
  }

  // Keeps the wire form valid for parseDecimal's sake in the hint.
  const example = formatMoney(parseDecimal('10', currency), currency, locale);
  return (
    <section aria-labelledby="manual-title" className={styles.card}>
      <h2 id="manual-title" className={styles.cardTitle}>
        {t('manual.title')}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)}>
        <div className={styles.field}>
          <label htmlFor={`${id}-from`}>{t('manual.from')}</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-to`}>{t('manual.to')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-amount`}>{t('manual.amount', { example })}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-on`}>{t('manual.day')}</label>
          <input
            id={`${id}-on`}
            type="date"
            min={today}
            max={`${month}-${String(daysInMonth(month)).padStart(2, '0')}`}
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
        </div>
        <button type="submit" className={styles.primary}>
          {t('manual.submit')}
        </button>
        <p role="status" className={styles.muted}>
          {message}
        </p>
      </form>
    </section>
  );
}
