'use client';

import { formatDecimal, localDateOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { AccountPicker } from '@/features/money-accounts/account-picker';
import { apiRequest, syncAndWait, useSyncStatus } from '@/features/sync/sync-runtime';
import { paceDatabase, type RecurringRecord } from '@/lib/db';
import type { CategoryOption } from '@/lib/budget/use-category-options';
import type { RecurringFrequency } from '@/lib/graphql/generated';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { minorOf } from '@/lib/sync/mappers';
import {
  RECURRING_CREATE,
  RECURRING_END,
  RECURRING_UPCOMING,
  RECURRING_UPDATE,
  type RecurringUpcomingData,
  type UpcomingOccurrence,
} from './recurring.operations';
import { mirroredRecurring } from './recurring-sync';
import styles from './transactions.module.css';
import own from './recurring.module.css';

const UPCOMING_DAYS = 30;
const FREQUENCIES: readonly RecurringFrequency[] = [
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'LAST_DAY_OF_MONTH',
  'YEARLY',
];
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** The days each month has in a leap year: a yearly day must be one of them (29 February is). */
const LEAP_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day after `date` (YYYY-MM-DD). */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** A weekday's name (0 Sunday … 6 Saturday); 1 January 2023 was a Sunday. */
const weekdayName = (weekday: number, locale: string) =>
  formatLocalDate(`2023-01-${pad(weekday + 1)}`, locale, { weekday: 'long' });

const monthName = (month: number, locale: string) =>
  formatLocalDate(`2024-${pad(month)}-01`, locale, { month: 'long' });

/** False while the device is offline (the browser says so, or the last sync could not reach the API). */
function useIsOnline(): boolean {
  const status = useSyncStatus();
  const [isOnline, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return isOnline && status.phase !== 'offline';
}

/**
 * Recurring expenses: the list (as this device mirrors it from `changes`, so it reads offline), a
 * new one, changing one from a date on, ending one (online; the server posts the occurrences), and
 * what the next days' occurrences do to each day's budget (online: the server computes it).
 */
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
  const today = localDateOf(new Date(), timeZone);
  const [todayYear, todayMonth, todayDay] = today.split('-').map(Number);
  const items = useLiveQuery(() => mirroredRecurring(paceDatabase()), []) ?? null;
  const isOnline = useIsOnline();
  const [upcoming, setUpcoming] = useState<UpcomingOccurrence[] | null>(null);
  const [upcomingOffline, setUpcomingOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? 'flex');
  const [frequency, setFrequency] = useState<RecurringFrequency>('MONTHLY');
  const [interval, setEvery] = useState('1');
  const [day, setDay] = useState(String(todayDay ?? 1));
  const [weekday, setWeekday] = useState(
    String(new Date(Date.UTC(todayYear ?? 1970, (todayMonth ?? 1) - 1, todayDay ?? 1)).getUTCDay()),
  );
  const [month, setMonth] = useState(String(todayMonth ?? 1));
  const [startOn, setStartOn] = useState(today);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [changing, setChanging] = useState<string | null>(null);

  const names = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);
  const categoryName = useCallback(
    (categoryId: string) => names.get(categoryId) ?? categoryId,
    [names],
  );

  const explain = useCallback((failure: unknown) => explainFailure(t, failure), [t]);
  // The names of accounts besides the default one, to say where a rule books.
  const accountNames = useLiveQuery(
    async () =>
      new Map(
        (await paceDatabase().moneyAccounts.toArray())
          .filter((a) => !a.isDefault)
          .map((a) => [a.id, a.name]),
      ),
    [],
  );

  /** The next days' occurrences: the server computes their effect, so only online. */
  const load = useCallback(async () => {
    try {
      const next = await apiRequest<RecurringUpcomingData>(RECURRING_UPCOMING, {
        days: UPCOMING_DAYS,
      });
      setUpcoming(next.upcomingRecurring);
      setUpcomingOffline(false);
    } catch (failure) {
      if (failure instanceof NetworkUnavailableError) setUpcomingOffline(true);
      else setError(explain(failure));
    }
  }, [explain]);

  // Loaded again once the connection is back.
  useEffect(() => {
    if (isOnline) void load();
  }, [load, isOnline]);

  /** After a write: the server's answer reaches this device's list, and the next days again. */
  const refresh = useCallback(async () => {
    setError(null);
    await Promise.all([load(), syncAndWait()]);
  }, [load]);

  /** The schedule in words, e.g. "Every 2 weeks on Monday". */
  function schedule(item: RecurringRecord): string {
    const every = { interval: item.interval };
    switch (item.frequency) {
      case 'DAILY':
        return t('recurring.schedule.DAILY', every);
      case 'WEEKLY':
        return t('recurring.schedule.WEEKLY', {
          ...every,
          weekday: weekdayName(item.dayNumber, locale),
        });
      case 'LAST_DAY_OF_MONTH':
        return t('recurring.schedule.LAST_DAY_OF_MONTH', every);
      case 'YEARLY':
        return t('recurring.schedule.YEARLY', {
          ...every,
          date: formatLocalDate(
            `2024-${pad(item.monthOfYear ?? 1)}-${pad(item.dayNumber)}`,
            locale,
            {
              month: 'long',
              day: 'numeric',
            },
          ),
        });
      case 'MONTHLY':
        return t('recurring.schedule.MONTHLY', { ...every, day: item.dayNumber });
    }
  }

  /** What the new schedule's form says before it is sent: an error, or null and the input. */
  function validate():
    | { error: string }
    | { error: null; minor: number; everyN: number; dayNumber?: number; monthOfYear?: number } {
    const minor = parseAmountInput(amount, currency, locale);
    if (minor === null) return { error: t('recurring.invalidAmount') };
    const everyN = Number(interval);
    if (!Number.isInteger(everyN) || everyN < 1 || everyN > 366) {
      return { error: t('recurring.invalidInterval') };
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startOn)) return { error: t('recurring.invalidStart') };
    if (frequency === 'DAILY' || frequency === 'LAST_DAY_OF_MONTH') {
      return { error: null, minor, everyN };
    }
    if (frequency === 'WEEKLY') return { error: null, minor, everyN, dayNumber: Number(weekday) };
    const dayNumber = Number(day);
    if (!Number.isInteger(dayNumber) || dayNumber < 1 || dayNumber > 31) {
      return { error: t('recurring.invalidDay') };
    }
    if (frequency === 'MONTHLY') return { error: null, minor, everyN, dayNumber };
    const monthOfYear = Number(month);
    if (dayNumber > (LEAP_MONTH_DAYS[monthOfYear - 1] ?? 31)) {
      return {
        error: t('recurring.invalidYearDay', {
          month: monthName(monthOfYear, locale),
          day: dayNumber,
        }),
      };
    }
    return { error: null, minor, everyN, dayNumber, monthOfYear };
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = validate();
    if (checked.error !== null) {
      setError(checked.error);
      return;
    }
    try {
      await apiRequest(RECURRING_CREATE, {
        input: {
          id: crypto.randomUUID(),
          amount: formatDecimal(checked.minor, currency),
          categoryId,
          frequency,
          interval: checked.everyN,
          startOn,
          ...(checked.dayNumber === undefined ? {} : { dayNumber: checked.dayNumber }),
          ...(checked.monthOfYear === undefined ? {} : { monthOfYear: checked.monthOfYear }),
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(accountId ? { accountId } : {}),
        },
      });
      setAmount('');
      setDescription('');
      await refresh();
    } catch (failure) {
      setError(explain(failure));
    }
  }

  async function end(item: RecurringRecord) {
    try {
      await apiRequest(RECURRING_END, { id: item.id });
      await refresh();
    } catch (failure) {
      setError(explain(failure));
    }
  }

  /** A hint under the day fields: where a day the month lacks falls. */
  const dayNumber = Number(day);
  let hint: string | null = null;
  if (frequency === 'LAST_DAY_OF_MONTH') hint = t('recurring.lastDayHint');
  else if (frequency === 'MONTHLY' && dayNumber > 28 && dayNumber <= 31) {
    hint = t('recurring.shortMonths', { day: dayNumber });
  } else if (frequency === 'YEARLY' && Number(month) === 2 && dayNumber === 29) {
    hint = t('recurring.leapDay');
  }
  const intervalLabel = {
    DAILY: t('recurring.intervalDays'),
    WEEKLY: t('recurring.intervalWeeks'),
    MONTHLY: t('recurring.intervalMonths'),
    LAST_DAY_OF_MONTH: t('recurring.intervalMonths'),
    YEARLY: t('recurring.intervalYears'),
  }[frequency];

  return (
    <section aria-labelledby={`${id}-title`} className={styles.card}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('recurring.title')}
      </h2>
      {isOnline ? null : (
        <p className={own.offline} data-testid="recurring-offline">
          {t('recurring.offlineList')}
        </p>
      )}
      {items === null && !error ? <p role="status">{t('loading')}</p> : null}
      {items && items.length === 0 ? <p className={styles.muted}>{t('recurring.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className={styles.rows} data-testid="recurring-list">
          {items.map((item) => (
            <li key={item.id} className={styles.row} data-testid="recurring-rule">
              <span className={styles.rowName}>
                {item.description || categoryName(item.categoryId)}
                <span className={styles.muted}>
                  {schedule(item)}
                  {item.accountId && accountNames?.has(item.accountId)
                    ? ` · ${accountNames.get(item.accountId)}`
                    : ''}
                  {item.endOn
                    ? ` · ${t('recurring.endsOn', { date: formatLocalDate(item.endOn, locale) })}`
                    : ''}
                </span>
              </span>
              <span className={styles.amount}>
                {formatMoney(item.amountMinor, item.currency, locale)}
              </span>
              {item.endOn && item.endOn < today ? null : (
                <span className={styles.rowActions}>
                  <button
                    type="button"
                    aria-expanded={changing === item.id}
                    aria-label={t('recurring.changeLabel', {
                      name: item.description || categoryName(item.categoryId),
                    })}
                    onClick={() => setChanging(changing === item.id ? null : item.id)}
                  >
                    {t('recurring.change')}
                  </button>
                  {item.endOn ? null : (
                    <button type="button" onClick={() => void end(item)}>
                      {t('recurring.end')}
                    </button>
                  )}
                </span>
              )}
              {changing === item.id ? (
                <ChangeFromDate
                  item={item}
                  today={today}
                  categories={categories}
                  currency={currency}
                  name={item.description || categoryName(item.categoryId)}
                  onClose={() => setChanging(null)}
                  onChanged={refresh}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby={`${id}-upcoming`} className={own.section}>
        <h3 id={`${id}-upcoming`} className={own.subtitle}>
          {t('recurring.upcomingTitle', { days: UPCOMING_DAYS })}
        </h3>
        {upcomingOffline ? (
          <p className={styles.muted} data-testid="recurring-upcoming-offline">
            {t('recurring.upcomingOffline')}
          </p>
        ) : null}
        {upcoming && upcoming.length === 0 && !upcomingOffline ? (
          <p className={styles.muted}>{t('recurring.upcomingEmpty', { days: UPCOMING_DAYS })}</p>
        ) : null}
        {upcoming && upcoming.length > 0 && !upcomingOffline ? (
          <ul className={own.upcoming} data-testid="recurring-upcoming">
            {upcoming.map((occurrence) => (
              <li
                key={`${occurrence.recurringTransaction.id}:${occurrence.date}`}
                className={own.occurrence}
                data-testid="recurring-occurrence"
              >
                <span className={own.when}>
                  <time dateTime={occurrence.date}>{formatLocalDate(occurrence.date, locale)}</time>
                </span>
                <span className={own.name}>
                  {occurrence.description || categoryName(occurrence.categoryId)}
                </span>
                <span className={own.amount}>
                  {formatMoney(minorOf(occurrence.amount), occurrence.amount.currency, locale)}
                </span>
                <span className={own.effect}>
                  <Effect occurrence={occurrence} category={categoryName(occurrence.categoryId)} />
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <form
        className={own.form}
        aria-labelledby={`${id}-new`}
        onSubmit={(event) => void create(event)}
        noValidate
      >
        <h3 id={`${id}-new`} className={`${own.subtitle} ${own.wide}`}>
          {t('recurring.newTitle')}
        </h3>
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
          <label htmlFor={`${id}-freq`}>{t('recurring.frequencyLabel')}</label>
          <select
            id={`${id}-freq`}
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as RecurringFrequency)}
          >
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`recurring.frequency.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-interval`}>{intervalLabel}</label>
          <input
            id={`${id}-interval`}
            type="number"
            inputMode="numeric"
            min={1}
            max={366}
            value={interval}
            onChange={(e) => setEvery(e.target.value)}
          />
        </div>
        {frequency === 'WEEKLY' ? (
          <div className={styles.field}>
            <label htmlFor={`${id}-weekday`}>{t('recurring.weekday')}</label>
            <select
              id={`${id}-weekday`}
              value={weekday}
              onChange={(e) => setWeekday(e.target.value)}
            >
              {WEEKDAYS.map((w) => (
                <option key={w} value={w}>
                  {weekdayName(w, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {frequency === 'YEARLY' ? (
          <div className={styles.field}>
            <label htmlFor={`${id}-month`}>{t('recurring.month')}</label>
            <select id={`${id}-month`} value={month} onChange={(e) => setMonth(e.target.value)}>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {monthName(m, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {frequency === 'MONTHLY' || frequency === 'YEARLY' ? (
          <div className={styles.field}>
            <label htmlFor={`${id}-day`}>{t('recurring.day')}</label>
            <input
              id={`${id}-day`}
              type="number"
              inputMode="numeric"
              min={1}
              max={31}
              value={day}
              aria-describedby={hint ? `${id}-hint` : undefined}
              onChange={(e) => setDay(e.target.value)}
            />
          </div>
        ) : null}
        <div className={styles.field}>
          <label htmlFor={`${id}-start`}>{t('recurring.startOn')}</label>
          <input
            id={`${id}-start`}
            type="date"
            value={startOn}
            onChange={(e) => setStartOn(e.target.value)}
          />
        </div>
        <AccountPicker value={accountId} onChange={setAccountId} />
        {hint ? (
          <p id={`${id}-hint`} className={`${own.hint} ${own.wide}`}>
            {hint}
          </p>
        ) : null}
        <div className={`${styles.actions} ${own.wide}`}>
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

/** Why a recurring write failed, in words: offline, an archived account, or the error's code. */
function explainFailure(t: ReturnType<typeof useTranslations<'transactions'>>, failure: unknown) {
  if (failure instanceof NetworkUnavailableError) return t('recurring.offline');
  if (failure instanceof GraphqlRequestError && failure.reason === 'RECURRING_ACCOUNT_ARCHIVED')
    return t('recurring.accountArchived');
  return t('recurring.failed', {
    code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
  });
}

/** What an upcoming occurrence does to its day's budget, in words. */
function Effect({ occurrence, category }: { occurrence: UpcomingOccurrence; category: string }) {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const { effect } = occurrence;
  if (!effect) return <span className={styles.muted}>{t('recurring.noPlan')}</span>;
  const money = (m: { amount: string; currency: string }) =>
    formatMoney(minorOf(m), m.currency, locale);
  const covered = minorOf(effect.coveredFromLaterDays);
  const uncovered = minorOf(effect.uncovered);
  const parts: { text: string; short: boolean }[] = [];
  if (covered === 0 && uncovered === 0) {
    parts.push({
      text: t('recurring.leaves', { amount: money(effect.categoryRemainingAfter), category }),
      short: false,
    });
  }
  if (covered > 0) {
    parts.push({
      text: t('recurring.covered', { amount: money(effect.coveredFromLaterDays) }),
      short: false,
    });
  }
  if (uncovered > 0) {
    parts.push({
      text: t('recurring.uncovered', { amount: money(effect.uncovered) }),
      short: true,
    });
  }
  return (
    <>
      {parts.map((part, index) => (
        <span key={part.text} className={part.short ? own.short : undefined}>
          {index > 0 ? ' · ' : ''}
          {part.text}
        </span>
      ))}
    </>
  );
}

/** "Change from a date": the rule's amount, description and category from a local day on. */
function ChangeFromDate({
  item,
  today,
  categories,
  currency,
  name,
  onClose,
  onChanged,
}: {
  item: RecurringRecord;
  today: string;
  categories: readonly CategoryOption[];
  currency: string;
  name: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('transactions');
  const locale = useLocale();
  const id = useId();
  const earliest =
    item.postedThrough && item.postedThrough >= today ? dayAfter(item.postedThrough) : today;
  const [from, setFrom] = useState(earliest < item.startOn ? item.startOn : earliest);
  const [amount, setAmount] = useState(formatDecimal(item.amountMinor, item.currency));
  const [description, setDescription] = useState(item.description);
  const [categoryId, setCategoryId] = useState(item.categoryId);
  const [accountId, setAccountId] = useState<string | null>(item.accountId ?? null);
  const [message, setMessage] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, currency, locale);
    if (minor === null) {
      setMessage(t('recurring.invalidAmount'));
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) {
      setMessage(t('recurring.invalidFrom'));
      return;
    }
    try {
      await apiRequest(RECURRING_UPDATE, {
        input: {
          id: item.id,
          from,
          amount: formatDecimal(minor, currency),
          description: description.trim(),
          categoryId,
          // Null keeps the rule's account: only a new choice is sent.
          ...(accountId && accountId !== (item.accountId ?? null) ? { accountId } : {}),
        },
      });
      setMessage(null);
      onClose();
      await onChanged();
    } catch (failure) {
      let text: string;
      if (failure instanceof GraphqlRequestError && failure.reason === 'RECURRING_HISTORY_LOCKED') {
        text = item.postedThrough
          ? t('recurring.locked', { date: formatLocalDate(item.postedThrough, locale) })
          : t('recurring.lockedUnknown');
      } else {
        text = explainFailure(t, failure);
      }
      setMessage(text);
    }
  }

  return (
    <form
      className={own.change}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h4 id={`${id}-title`} className={own.changeTitle}>
        {t('recurring.changeLabel', { name })}
      </h4>
      <div className={styles.field}>
        <label htmlFor={`${id}-from`}>{t('recurring.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          aria-describedby={`${id}-from-hint`}
          onChange={(e) => setFrom(e.target.value)}
        />
        <span id={`${id}-from-hint`} className={own.hint}>
          {item.postedThrough
            ? t('recurring.fromHint', { date: formatLocalDate(item.postedThrough, locale) })
            : t('recurring.fromHintNone')}
        </span>
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
        <label htmlFor={`${id}-desc`}>{t('recurring.description')}</label>
        <input
          id={`${id}-desc`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-cat`}>{t('edit.category')}</label>
        <select id={`${id}-cat`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <AccountPicker value={accountId} onChange={setAccountId} />
      {message ? (
        <p role="alert" className={`${styles.error} ${own.wide}`}>
          {message}
        </p>
      ) : null}
      <div className={`${styles.actions} ${own.wide}`}>
        <button type="submit" className={styles.primary}>
          {t('recurring.changeSave')}
        </button>
        <button type="button" onClick={onClose}>
          {t('recurring.cancel')}
        </button>
      </div>
    </form>
  );
}
