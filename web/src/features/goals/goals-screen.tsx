'use client';

import { formatDecimal, goalProgress, localDateOf, parseDecimal } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { paceDatabase, type GoalRecord } from '@/lib/db';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { addTransaction, createGoal, deleteGoal, editGoal } from '@/lib/sync';
import { apiRequest, syncNow, useSyncStatus } from '@/features/sync/sync-runtime';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
// The entry cards alone: importing a feature's index would bring its whole screen into Goals.
import { HabitsEntry } from '@/features/habits/habits-entry';
import { InstallmentsEntry } from '@/features/installments/installments-entry';
import { AccountsEntry } from '@/features/money-accounts/accounts-entry';
import { AccountPicker } from '@/features/money-accounts/account-picker';
import styles from './goals.module.css';

const MILESTONES = [25, 50, 75, 90, 100] as const;

/** This month's plan made again from today: it then reserves a share for every active dated goal. */
const RESERVE_FROM_TODAY = `mutation ReserveFromToday { regeneratePlan(input: {}) { plan { month categories { id amount { amount } } } } }`;
type ReserveResult = {
  regeneratePlan: { plan: { categories: { id: string; amount: { amount: string } }[] } };
};

/**
 * Goals with what this device's ledger says they hold: expenses on goal:<id>, and the transfers a
 * month's close books there from the month's leftovers.
 */
function useGoals() {
  return useLiveQuery(async () => {
    const db = paceDatabase();
    const [goals, settings] = await Promise.all([db.goals.toArray(), db.settings.get('budget')]);
    // What this month's plan (as this device holds it) reserves per goal category.
    const month = settings ? localDateOf(new Date(), settings.timeZone).slice(0, 7) : null;
    const plan = month ? await db.plan.get(month) : undefined;
    const reserved = new Map<string, number>();
    const categories = (plan?.plan as { categories?: { id: string; amountMinor: number }[] })
      ?.categories;
    for (const c of categories ?? []) reserved.set(c.id, c.amountMinor);
    const saved = new Map<string, number>();
    await db.transactions
      .filter((t) => t.categoryId.startsWith('goal:') && !t.deletedAt && t.direction !== 'income')
      .each((t) => saved.set(t.categoryId, (saved.get(t.categoryId) ?? 0) + t.amountMinor));
    return {
      settings,
      hasPlan: plan !== undefined,
      goals: goals
        .map((g) => ({
          ...g,
          savedMinor: saved.get(g.categoryId) ?? 0,
          reservedMinor: reserved.get(g.categoryId) ?? 0,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
  });
}

export function GoalsScreen() {
  const t = useTranslations('goals');
  const data = useGoals();
  const [editing, setEditing] = useState<string | null>(null);

  if (data === undefined)
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  const currency = data.settings?.currency;
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <SyncStatusBar />
      {data.goals.length === 0 ? (
        <section className={styles.card}>
          <p className={styles.muted}>{t('empty')}</p>
        </section>
      ) : (
        <ul className={styles.list}>
          {data.goals.map((goal) =>
            editing === goal.id ? (
              <li key={goal.id} className={styles.card}>
                <GoalForm goal={goal} currency={goal.currency} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <GoalCard
                key={goal.id}
                goal={goal}
                timeZone={data.settings?.timeZone ?? 'UTC'}
                reservedMinor={goal.reservedMinor}
                canReserve={data.hasPlan && goal.reservedMinor === 0}
                onEdit={() => setEditing(goal.id)}
              />
            ),
          )}
        </ul>
      )}
      {currency ? (
        <section className={styles.card} aria-labelledby="new-goal-title">
          <h2 id="new-goal-title" className={styles.cardTitle}>
            {t('create.title')}
          </h2>
          <GoalForm currency={currency} onDone={() => undefined} />
        </section>
      ) : (
        <p className={styles.muted}>{t('noPlan')}</p>
      )}
      <AccountsEntry />
      <HabitsEntry />
      <InstallmentsEntry />
    </div>
  );
}

function GoalCard({
  goal,
  timeZone,
  reservedMinor,
  canReserve,
  onEdit,
}: {
  goal: GoalRecord;
  timeZone: string;
  /** What this month's plan sets aside for the goal. */
  reservedMinor: number;
  /** This month's plan reserves nothing for the goal yet. */
  canReserve: boolean;
  onEdit: () => void;
}) {
  const t = useTranslations('goals');
  const locale = useLocale();
  const id = useId();
  const [amount, setAmount] = useState('');
  // Kept after a contribution: money for a goal usually comes from the same account.
  const [accountId, setAccountId] = useState<string | null>(null);
  const [moment, setMoment] = useState<string | null>(null);
  const progress = goalProgress({ targetMinor: goal.targetMinor, savedMinor: goal.savedMinor });
  const money = (minor: number) => formatMoney(minor, goal.currency, locale);

  async function contribute(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, goal.currency, locale);
    if (minor === null) return;
    const before = progress.percent;
    await addTransaction(paceDatabase(), {
      amountMinor: minor,
      currency: goal.currency,
      categoryId: goal.categoryId,
      bookedOn: localDateOf(new Date(), timeZone),
      note: goal.name,
      accountId,
    });
    setAmount('');
    const after = goalProgress({
      targetMinor: goal.targetMinor,
      savedMinor: goal.savedMinor + minor,
    });
    const crossed = MILESTONES.filter((m) => before < m && after.percent >= m).at(-1);
    setMoment(
      crossed
        ? t('milestone', { name: goal.name, milestone: crossed })
        : t('contributed', { amount: money(minor) }),
    );
  }

  return (
    <li className={styles.card} data-testid="goal">
      <div className={styles.head}>
        <h2 className={styles.cardTitle}>{goal.name}</h2>
        {goal.pending ? <span className={styles.pending}>{t('pending')}</span> : null}
      </div>
      <p>
        {t('progress', {
          saved: money(goal.savedMinor),
          target: money(goal.targetMinor),
          percent: progress.percent,
        })}
      </p>
      <div
        className={styles.bar}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-label={goal.name}
      >
        <span style={{ inlineSize: `${progress.percent}%` }} />
      </div>
      <p className={styles.muted}>
        {goal.targetOn
          ? t('targetOn', {
              date: formatLocalDate(goal.targetOn, locale, {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
              }),
            })
          : t('noDate')}
      </p>
      {reservedMinor > 0 ? <p>{t('reserved', { amount: money(reservedMinor) })}</p> : null}
      <form className={styles.inline} onSubmit={(event) => void contribute(event)}>
        <div className={styles.field}>
          <label htmlFor={`${id}-amount`}>{t('contribute.amount')}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <AccountPicker value={accountId} onChange={setAccountId} />
        <button type="submit" className={styles.primary}>
          {t('contribute.submit')}
        </button>
      </form>
      {canReserve && goal.status === 'active' && goal.targetOn ? (
        <ReserveOffer goal={goal} onReserved={setMoment} />
      ) : null}
      <p role="status" className={styles.moment}>
        {moment}
      </p>
      <div className={styles.actions}>
        <button type="button" onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" onClick={() => void deleteGoal(paceDatabase(), goal.id)}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

/**
 * Right after a dated goal is made, this month's plan reserves nothing for it (it was made
 * before): offers to make the plan again from today, so the days to come set aside part of what
 * the goal still needs. Needs the server (the plan is made there) and the goal to have reached it.
 */
function ReserveOffer({
  goal,
  onReserved,
}: {
  goal: GoalRecord;
  onReserved: (message: string) => void;
}) {
  const t = useTranslations('goals');
  const locale = useLocale();
  const sync = useSyncStatus();
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'done'>('idle');
  const offline = sync.phase === 'offline';
  const waiting = goal.pending === 1;

  async function reserve() {
    setState('busy');
    try {
      const data = await apiRequest<ReserveResult>(RESERVE_FROM_TODAY);
      const amount = data.regeneratePlan.plan.categories.find((c) => c.id === goal.categoryId)
        ?.amount.amount;
      const minor = amount ? parseDecimal(amount, goal.currency) : 0;
      onReserved(
        minor
          ? t('reserve.done', {
              name: goal.name,
              amount: formatMoney(minor, goal.currency, locale),
            })
          : t('reserve.nothing', { name: goal.name }),
      );
      // The new plan reaches this device with the next pull; the offer is done already.
      setState('done');
      syncNow();
    } catch {
      setState('failed');
    }
  }

  if (state === 'done') return null;
  return (
    <div className={styles.offer} role="group" aria-label={t('reserve.label', { name: goal.name })}>
      <p>{t('reserve.offer', { name: goal.name })}</p>
      <button
        type="button"
        className={styles.primary}
        disabled={state === 'busy' || offline || waiting}
        onClick={() => void reserve()}
      >
        {t('reserve.submit')}
      </button>
      {offline || waiting ? (
        <p className={styles.muted}>{t(offline ? 'reserve.offline' : 'reserve.waiting')}</p>
      ) : null}
      {state === 'failed' ? (
        <p role="alert" className={styles.error}>
          {t('reserve.failed')}
        </p>
      ) : null}
    </div>
  );
}

function GoalForm({
  goal,
  currency,
  onDone,
}: {
  goal?: GoalRecord;
  currency: string;
  onDone: () => void;
}) {
  const t = useTranslations('goals');
  const locale = useLocale();
  const id = useId();
  const [name, setName] = useState(goal?.name ?? '');
  const [target, setTarget] = useState(goal ? formatDecimal(goal.targetMinor, currency) : '');
  const [targetOn, setTargetOn] = useState(goal?.targetOn ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(target, currency, locale);
    if (!name.trim() || minor === null) {
      setError(t('create.invalid'));
      return;
    }
    setError(null);
    const db = paceDatabase();
    if (goal) {
      await editGoal(db, goal.id, {
        name: name.trim(),
        targetMinor: minor,
        targetOn: targetOn || null,
      });
    } else {
      await createGoal(db, {
        name: name.trim(),
        targetMinor: minor,
        currency,
        targetOn: targetOn || null,
      });
      setName('');
      setTarget('');
      setTargetOn('');
    }
    onDone();
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)}>
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>{t('create.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-target`}>{t('create.target', { currency })}</label>
        <input
          id={`${id}-target`}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-date`}>{t('create.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={targetOn}
          onChange={(e) => setTargetOn(e.target.value)}
        />
      </div>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary}>
          {goal ? t('create.save') : t('create.submit')}
        </button>
        {goal ? (
          <button type="button" onClick={onDone}>
            {t('create.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
