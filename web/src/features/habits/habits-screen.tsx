'use client';

import { addDays, computeHabitStats, localDateOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { paceDatabase, type HabitRecord, type MoodRecord } from '@/lib/db';
import { formatLocalDate } from '@/lib/format/money';
import {
  archiveHabit,
  createHabit,
  editHabit,
  pullWellbeing,
  recordMood,
  setCheckIn,
} from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { ChallengesSection } from '@/features/challenges';
import { correlationSentence } from './correlation-words';
import styles from './habits.module.css';

const SCORES = [1, 2, 3, 4, 5] as const;
/** Moods kept on the device and shown: the last eight weeks. */
const MOOD_DAYS = 56;
const MOST_TIMES = { daily: 1, weekly: 7, monthly: 31 } as const;

const CORRELATION = `query MoodCorrelation { moodSpendingCorrelation { status pairedDays neededDays coefficient strength } }`;
interface Correlation {
  status: 'REPORTED' | 'NOT_ENOUGH_DAYS' | 'NO_VARIATION';
  pairedDays: number;
  neededDays: number;
  coefficient: number | null;
  strength: 'VERY_WEAK' | 'WEAK' | 'MODERATE' | 'STRONG' | 'VERY_STRONG' | null;
}

/** The person's local day: the budget's time zone once known, else this device's. */
function useToday(): string | undefined {
  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'), [], null);
  if (settings === null) return undefined;
  const zone = settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return localDateOf(new Date(), zone);
}

export function HabitsScreen() {
  const t = useTranslations('habits');
  const today = useToday();
  const habits = useLiveQuery(() => paceDatabase().habits.toArray());
  const moods = useLiveQuery(() => paceDatabase().moods.toArray());
  const status = useSyncStatus();
  const online = status.phase !== 'offline';
  const [refreshFailed, setRefreshFailed] = useState(false);

  // Habits and moods are read whole from the server when the screen opens (and on reconnecting).
  useEffect(() => {
    if (!today || !online) return;
    let stopped = false;
    pullWellbeing(paceDatabase(), apiRequest, addDays(today, -(MOOD_DAYS - 1))).then(
      () => !stopped && setRefreshFailed(false),
      () => !stopped && setRefreshFailed(true),
    );
    return () => {
      stopped = true;
    };
  }, [today, online]);

  if (habits === undefined || moods === undefined || today === undefined)
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  const active = habits
    .filter((h) => !h.archivedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const archived = habits.filter((h) => h.archivedAt);
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <SyncStatusBar />
      {refreshFailed ? <p className={styles.muted}>{t('refreshFailed')}</p> : null}
      <MoodCard today={today} moods={moods} online={online} />
      <section aria-labelledby="habits-title" className={styles.section}>
        <h2 id="habits-title" className={styles.sectionTitle}>
          {t('habitsTitle')}
        </h2>
        {active.length === 0 ? (
          <p className={`${styles.card} ${styles.muted}`}>{t('empty')}</p>
        ) : (
          <ul className={styles.list}>
            {active.map((habit) => (
              <HabitCard key={habit.id} habit={habit} today={today} />
            ))}
          </ul>
        )}
      </section>
      <section className={styles.card} aria-labelledby="new-habit-title">
        <h2 id="new-habit-title" className={styles.cardTitle}>
          {t('create.title')}
        </h2>
        <HabitForm today={today} onDone={() => undefined} />
      </section>
      {archived.length > 0 ? (
        <details className={styles.card}>
          <summary>{t('archived.title', { count: archived.length })}</summary>
          <ul className={styles.list}>
            {archived.map((habit) => (
              <li key={habit.id} className={styles.row}>
                <span>{habit.name}</span>
                <button
                  type="button"
                  className={styles.secondary}
                  onClick={() => void archiveHabit(paceDatabase(), habit.id, false)}
                >
                  {t('archived.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ChallengesSection />
    </div>
  );
}

function MoodCard({
  today,
  moods,
  online,
}: {
  today: string;
  moods: MoodRecord[];
  online: boolean;
}) {
  const t = useTranslations('habits.mood');
  const locale = useLocale();
  const byDay = new Map(moods.map((m) => [m.on, m]));
  const current = byDay.get(today);
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i - 13));

  async function choose(score: number) {
    await recordMood(paceDatabase(), { on: today, score, label: current?.label });
  }

  return (
    <section className={styles.card} aria-labelledby="mood-title" data-testid="mood">
      <div className={styles.head}>
        <h2 id="mood-title" className={styles.cardTitle}>
          {t('title')}
        </h2>
        {current?.pending ? <span className={styles.pending}>{t('pending')}</span> : null}
      </div>
      <div className={styles.scores} role="group" aria-label={t('scale')}>
        {SCORES.map((score) => (
          <button
            key={score}
            type="button"
            aria-pressed={current?.score === score}
            className={styles.score}
            onClick={() => void choose(score)}
          >
            <span aria-hidden="true" className={styles.scoreNumber}>
              {score}
            </span>
            <span>{t(`score.${score}`)}</span>
          </button>
        ))}
      </div>
      {current ? (
        <MoodLabelForm key={current.on} mood={current} />
      ) : (
        <p className={styles.muted}>{t('prompt')}</p>
      )}
      <figure className={styles.figure}>
        <figcaption className={styles.muted}>{t('lastDays')}</figcaption>
        <ol className={styles.strip}>
          {days.map((day) => {
            const mood = byDay.get(day);
            const name = formatLocalDate(day, locale);
            return (
              <li
                key={day}
                className={styles.stripDay}
                aria-label={
                  mood
                    ? t('dayScore', { day: name, score: t(`score.${mood.score}`) })
                    : t('dayNone', { day: name })
                }
              >
                <span
                  className={styles.stripBar}
                  data-score={mood?.score ?? 0}
                  style={{ blockSize: `${((mood?.score ?? 0) / 5) * 100}%` }}
                />
              </li>
            );
          })}
        </ol>
      </figure>
      <CorrelationNote
        online={online}
        synced={moods
          .filter((m) => !m.pending)
          .map((m) => `${m.on}:${m.score}`)
          .join()}
      />
    </section>
  );
}

/** The word for today's mood, kept with its score. */
function MoodLabelForm({ mood }: { mood: MoodRecord }) {
  const t = useTranslations('habits.mood');
  // What the person typed, until saved; otherwise the stored word (which a refresh may bring).
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const labelId = useId();
  const label = draft ?? mood.label ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    await recordMood(paceDatabase(), { on: mood.on, score: mood.score, label });
    setDraft(null);
    setSaved(true);
  }

  return (
    <form className={styles.inline} onSubmit={(event) => void save(event)}>
      <div className={styles.field}>
        <label htmlFor={labelId}>{t('label')}</label>
        <input
          id={labelId}
          maxLength={40}
          value={label}
          onChange={(e) => {
            setDraft(e.target.value);
            setSaved(false);
          }}
        />
      </div>
      <button type="submit" className={styles.secondary}>
        {t('saveLabel')}
      </button>
      <p role="status" className={styles.muted}>
        {saved ? t('saved') : ''}
      </p>
    </form>
  );
}

/** What mood and discretionary spending have in common, read from the server (needs a connection). */
function CorrelationNote({
  online,
  synced,
}: {
  online: boolean;
  /** The moods the server holds, as this device knows them: read again when they change. */
  synced: string;
}) {
  const t = useTranslations('habits.correlation');
  const [result, setResult] = useState<Correlation | null | 'failed'>(null);
  useEffect(() => {
    if (!online) return;
    let stopped = false;
    apiRequest<{ moodSpendingCorrelation: Correlation }>(CORRELATION).then(
      (data) => !stopped && setResult(data.moodSpendingCorrelation),
      () => !stopped && setResult('failed'),
    );
    return () => {
      stopped = true;
    };
  }, [online, synced]);

  let text: string;
  if (!online) text = t('offline');
  else if (result === null) text = t('loading');
  else if (result === 'failed') text = t('failed');
  else text = correlationSentence(result, t);
  return (
    <p className={styles.note} data-testid="mood-correlation">
      <strong>{t('title')}</strong> {text}
    </p>
  );
}

function HabitCard({ habit, today }: { habit: HabitRecord; today: string }) {
  const t = useTranslations('habits');
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const stats = computeHabitStats({
    frequency: habit.frequency,
    timesPerPeriod: habit.timesPerPeriod,
    startedOn: habit.startedOn,
    checkIns: habit.checkIns,
    today,
  });
  const done = habit.checkIns.includes(today);
  const week = Array.from({ length: 7 }, (_, i) => addDays(today, i - 6)).filter(
    (day) => day >= habit.startedOn,
  );
  const db = paceDatabase();

  if (editing)
    return (
      <li className={styles.card}>
        <HabitForm habit={habit} today={today} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className={styles.card} data-testid="habit">
      <div className={styles.head}>
        <h3 className={styles.cardTitle}>{habit.name}</h3>
        {habit.pending ? <span className={styles.pending}>{t('pending')}</span> : null}
      </div>
      <p className={styles.muted}>
        {t(`frequency.${habit.frequency}`, { count: habit.timesPerPeriod })}
      </p>
      <button
        type="button"
        aria-pressed={done}
        className={done ? styles.doneButton : styles.primary}
        onClick={() => void setCheckIn(db, habit.id, today, !done)}
      >
        {done ? t('doneToday') : t('markDone')}
      </button>
      <p data-testid="habit-streak">
        {t(`streak.${habit.frequency}`, { count: stats.currentStreak })}
        {' · '}
        {stats.completionRate === null
          ? t('rateNone')
          : t('rate', { percent: Math.round(stats.completionRate * 100) })}
        {stats.longestStreak > stats.currentStreak
          ? ` · ${t(`best.${habit.frequency}`, { count: stats.longestStreak })}`
          : ''}
      </p>
      {habit.frequency !== 'daily' ? (
        <p className={styles.muted}>
          {t('thisPeriod', { done: stats.checkInsThisPeriod, needed: habit.timesPerPeriod })}
        </p>
      ) : null}
      <fieldset className={styles.week}>
        <legend className={styles.muted}>{t('lastWeek')}</legend>
        {week.map((day) => {
          const checked = habit.checkIns.includes(day);
          return (
            <button
              key={day}
              type="button"
              aria-pressed={checked}
              className={styles.weekDay}
              aria-label={t(checked ? 'dayDone' : 'dayNotDone', {
                day: formatLocalDate(day, locale, {
                  weekday: 'long',
                  day: 'numeric',
                  month: 'long',
                }),
              })}
              onClick={() => void setCheckIn(db, habit.id, day, !checked)}
            >
              <span aria-hidden="true">{formatLocalDate(day, locale, { weekday: 'narrow' })}</span>
              <span aria-hidden="true" className={styles.tick}>
                {checked ? '✓' : ''}
              </span>
            </button>
          );
        })}
      </fieldset>
      <div className={styles.actions}>
        <button type="button" className={styles.secondary} onClick={() => setEditing(true)}>
          {t('edit')}
        </button>
        <button
          type="button"
          className={styles.secondary}
          onClick={() => void archiveHabit(db, habit.id, true)}
        >
          {t('archive')}
        </button>
      </div>
    </li>
  );
}

function HabitForm({
  habit,
  today,
  onDone,
}: {
  habit?: HabitRecord;
  today: string;
  onDone: () => void;
}) {
  const t = useTranslations('habits.create');
  const id = useId();
  const [name, setName] = useState(habit?.name ?? '');
  const [frequency, setFrequency] = useState<HabitRecord['frequency']>(habit?.frequency ?? 'daily');
  const [times, setTimes] = useState(String(habit?.timesPerPeriod ?? 1));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const timesPerPeriod = frequency === 'daily' ? 1 : Number.parseInt(times, 10);
    const most = MOST_TIMES[frequency];
    if (
      !name.trim() ||
      name.trim().length > 80 ||
      !Number.isInteger(timesPerPeriod) ||
      timesPerPeriod < 1 ||
      timesPerPeriod > most
    ) {
      setError(t('invalid', { most }));
      return;
    }
    setError(null);
    const db = paceDatabase();
    if (habit) await editHabit(db, habit.id, { name, frequency, timesPerPeriod });
    else await createHabit(db, { name, frequency, timesPerPeriod, today });
    setName('');
    setTimes('1');
    onDone();
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>{t('name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          placeholder={t('placeholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-frequency`}>{t('frequency')}</label>
        <select
          id={`${id}-frequency`}
          value={frequency}
          onChange={(e) => setFrequency(e.target.value as HabitRecord['frequency'])}
        >
          <option value="daily">{t('daily')}</option>
          <option value="weekly">{t('weekly')}</option>
          <option value="monthly">{t('monthly')}</option>
        </select>
      </div>
      {frequency !== 'daily' ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-times`}>{t('times')}</label>
          <input
            id={`${id}-times`}
            inputMode="numeric"
            value={times}
            onChange={(e) => setTimes(e.target.value)}
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary}>
          {habit ? t('save') : t('submit')}
        </button>
        {habit ? (
          <button type="button" className={styles.secondary} onClick={onDone}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
