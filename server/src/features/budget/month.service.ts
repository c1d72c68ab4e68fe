import { randomUUID } from 'node:crypto';
import {
  computeMonth,
  generatePlan,
  localDateOf,
  monthOf,
  type KnownCategory,
  type LedgerTransaction,
  type LocalDate,
  type LocalMonth,
  type MonthState,
  type PlanGoalInput,
  type PlanSettings,
} from '@pace/engine';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { AdjustmentRepository } from './adjustment.repository';
import { applyAdjustments } from './adjustment.rules';
import type { TransactionAlertEvent } from './alert.events';
import type { GoalSavings } from './alert.rules';
import type { TransactionAlertService } from './alert.service';
import { BudgetError, withEngineErrors } from './budget.errors';
import type { BudgetUpdateCause, BudgetUpdatedEvent } from './budget.events';
import type { BudgetRepository, MonthSnapshotRecord, StoredMonth } from './budget.repository';
import type { BudgetPlanRow, BudgetSettingsRow } from './budget.table';
import type { CategoryRepository } from './category.repository';
import { largeTransactionThresholdOf } from './large-transaction.rules';
import { closeMonthBefore, type MonthCloseHandler } from './month-close.service';
import {
  diffMonthStates,
  diffSnapshots,
  snapshotOf,
  type MonthDiff,
  type MonthSnapshot,
} from './month-snapshot.rules';

const DAY_MS = 86_400_000;

/**
 * Reads what the engine needs of a user's ledger of one local month (the transactions feature
 * provides it): the non-deleted expenses summed per (day, category, currency), without ids. The
 * engine only ever adds expenses up per day and category, so the month computes the same.
 */
export type MonthLedgerReader = (
  db: Db,
  userId: string,
  month: LocalMonth,
  /** `excluding`: the ledger without that transaction. */
  options?: { excluding?: string },
) => Promise<LedgerTransaction[]>;

export interface WriteContext {
  settings: BudgetSettingsRow;
  now: Date;
  today: LocalDate;
  /** Ids of the user's own categories (set by `write`), so a ledger write may book on them. */
  userCategoryIds?: ReadonlySet<string>;
  /**
   * Set by `write`: starts the reads that recomputing `month` needs, with the ledger read
   * without transaction `transactionId`, so they travel with the write's own statement instead
   * of a round trip after it. The recompute uses them when the write's ledger change touches
   * that transaction only; the read ledger plus the change, before and after, gives both months.
   */
  prefetch?: (month: LocalMonth, transactionId: string) => void;
}

/**
 * What a ledger write changed: the transactions it touched as they were (`before`) and as they
 * are now (`after`); a new or deleted one is only on one side. The ledger before the write is the
 * ledger after it minus `after` plus `before`, so the month before the write is computed in
 * memory instead of read back from a stored snapshot.
 */
export interface LedgerChange {
  before: readonly LedgerTransaction[];
  after: readonly LedgerTransaction[];
}

export interface WriteOutcome<T> {
  value: T;
  /** Months whose ledger or plan changed; empty when the write changed nothing (a replay). */
  months: LocalMonth[];
  cause: BudgetUpdateCause;
  transactionId?: string;
  ledgerChange?: LedgerChange;
}

/** What recomputing a month reads, besides the settings. */
interface MonthInputs {
  ensured: { plan: BudgetPlanRow; created: boolean } | null;
  ledger: LedgerTransaction[];
  categories: KnownCategory[];
  adjustments: Awaited<ReturnType<AdjustmentRepository['listLive']>>;
  stored: MonthSnapshotRecord | null;
}

/** Reads started early by `WriteContext.prefetch`: the ledger lacks `transactionId`. */
interface Prefetched {
  transactionId: string;
  inputs: Promise<MonthInputs>;
}

interface RecomputeCause {
  /**
   * 'write': the month's inputs changed: bump the plan's revision (stored snapshots go stale).
   * 'read': nothing changed: store the result as the month's snapshot for later reads.
   */
  mode: 'write' | 'read';
  cause: BudgetUpdateCause;
  transactionId?: string;
  ledgerChange?: LedgerChange;
  alerts?: TransactionAlertEvent[];
  /** The user's categories when the write did not change them (read with the lock). */
  categories?: KnownCategory[];
  prefetched?: Prefetched;
}

/**
 * The one path of every budget write: lock the user's settings row (so a user's writes and their
 * change numbers are serialised), write, recompute each affected month with the engine in the same
 * transaction, store its snapshot, and after commit publish budgetUpdated to the user's devices.
 */
export class BudgetMonthService {
  constructor(
    private readonly deps: {
      db: Db;
      repository: BudgetRepository;
      categories: CategoryRepository;
      adjustments: AdjustmentRepository;
      alerts: TransactionAlertService;
      ledger: MonthLedgerReader;
      pubsub: PubSub;
      clock: Clock;
      /** The goals a plan made now reserves for (the goals feature provides them). */
      planGoals?: (db: Db, userId: string) => Promise<PlanGoalInput[]>;
      /** The goals a ledger change touched, saved before and after it (the goals feature). */
      goalSavings?: (db: Db, userId: string, change: LedgerChange) => Promise<GoalSavings[]>;
      /** Acts on the finished month's close before the next plan is made (the goals feature). */
      closeMonth?: MonthCloseHandler;
      /** Told of each user the scheduled plan job skips because their plan failed (log, metric, audit). */
      onPlanSkipped?: (skip: { userId: string; code: string }) => Promise<void> | void;
    },
  ) {}

  /** The user's plan settings with their goals as they stand: what a plan made now is made of. */
  async planSettingsOf(tx: Db, settings: BudgetSettingsRow): Promise<PlanSettings> {
    const goals = this.deps.planGoals ? await this.deps.planGoals(tx, settings.userId) : [];
    return goals.length > 0 ? { ...settings.planSettings, goals } : settings.planSettings;
  }

  todayOf(timeZone: string, now = this.deps.clock.now()): LocalDate {
    return localDateOf(now, timeZone);
  }

  async todayForUser(userId: string): Promise<LocalDate> {
    const settings = await this.deps.repository.findSettings(userId);
    if (!settings) throw new BudgetError('ONBOARDING_REQUIRED');
    return this.todayOf(settings.timeZone);
  }

  async write<T>(
    userId: string,
    work: (tx: Db, context: WriteContext) => Promise<WriteOutcome<T>>,
  ): Promise<T> {
    const events: BudgetUpdatedEvent[] = [];
    const alerts: TransactionAlertEvent[] = [];
    const value = await this.deps.db.transaction(async (tx) => {
      const repository = this.deps.repository.with(tx);
      // One round trip: the category list is queued behind the lock on the same connection.
      const [settings, categories] = await Promise.all([
        repository.lockSettings(userId),
        this.deps.categories.with(tx).list(userId),
      ]);
      if (!settings) throw new BudgetError('ONBOARDING_REQUIRED');
      const now = this.deps.clock.now();
      const today = this.todayOf(settings.timeZone, now);
      const prefetched = new Map<LocalMonth, Prefetched>();
      const outcome = await work(tx, {
        settings,
        now,
        today,
        userCategoryIds: new Set(categories.map((c) => c.id)),
        prefetch: (month, transactionId) => {
          if (prefetched.has(month)) return;
          const inputs = this.readInputs(tx, { settings, now, today }, month, {
            touch: true,
            categories,
            excluding: transactionId,
          });
          // Awaited by the recompute; a write that fails first never reads it.
          inputs.catch(() => undefined);
          prefetched.set(month, { transactionId, inputs });
        },
      });
      const context = {
        settings:
          outcome.cause === 'settings'
            ? ((await repository.findSettings(userId)) ?? settings)
            : settings,
        now,
        today,
      };
      for (const month of [...new Set(outcome.months)].sort()) {
        const event = await this.recompute(tx, context, month, {
          ...outcome,
          mode: 'write',
          alerts,
          categories: outcome.cause === 'transaction' ? categories : undefined,
          prefetched: prefetched.get(month),
        });
        if (event) events.push(event.event);
      }
      if (outcome.cause === 'transaction' && outcome.ledgerChange && this.deps.goalSavings) {
        const goals = await this.deps.goalSavings(tx, userId, outcome.ledgerChange);
        alerts.push(
          ...(await this.deps.alerts.detectGoalMilestones(tx, {
            userId,
            goals,
            now,
            today,
            currency: settings.currency,
            transactionId: outcome.transactionId ?? null,
          })),
        );
      }
      return outcome.value;
    });
    // Issued together, in order, on one connection: one round trip.
    await Promise.all([this.publish(events), this.deps.alerts.publish(alerts)]);
    return value;
  }

  /**
   * Recomputes a month inside a transaction holding the user's lock; returns the event to publish
   * and, unless a ledger write diffed it on the engine's arrays, the month as a snapshot; null
   * when the month has no plan.
   */
  async recompute(
    tx: Db,
    context: WriteContext,
    month: LocalMonth,
    cause: RecomputeCause,
  ): Promise<{ event: BudgetUpdatedEvent; snapshot: MonthSnapshot | null } | null> {
    const repository = this.deps.repository.with(tx);
    const { settings } = context;
    const { ledgerChange } = cause;
    const write = cause.mode === 'write';
    const prefetched =
      ledgerChange && cause.prefetched && touchesOnly(ledgerChange, cause.prefetched.transactionId)
        ? cause.prefetched
        : null;
    const {
      ensured,
      ledger: read,
      categories,
      adjustments,
      stored,
    } = await (prefetched?.inputs ??
      this.readInputs(tx, context, month, {
        touch: write,
        categories: cause.categories,
        stored: write && !ledgerChange,
      }));
    // The ledger after the write, and (for a ledger write) before it.
    const ledger = prefetched ? adjustLedger(read, ledgerChange?.after ?? [], [], month) : read;
    if (!ensured) return null;
    const { plan, created } = ensured;
    const adjusted = applyAdjustments(plan.plan, adjustments);
    const options = { rollover: settings.rollover, categories };
    const state = withEngineErrors(() =>
      computeMonth(adjusted.plan, ledger, context.today, options),
    );
    // A ledger write diffs against the month computed without it (same plan and manual moves),
    // on the engine's arrays; other writes against the snapshot a read last stored.
    let previous: MonthState | null = null;
    let snapshot: MonthSnapshot | null = null;
    let diff: MonthDiff;
    if (write && ledgerChange && !created) {
      previous = withEngineErrors(() =>
        computeMonth(
          adjusted.plan,
          prefetched
            ? adjustLedger(read, ledgerChange.before, [], month)
            : adjustLedger(read, ledgerChange.before, ledgerChange.after, month),
          context.today,
          options,
        ),
      );
      diff = diffMonthStates(previous, state);
    } else {
      snapshot = snapshotOf(state, adjusted.moves);
      const before = write && !created && stored?.planId === plan.id ? stored.snapshot : null;
      diff = diffSnapshots(before, snapshot);
    }
    if (cause.cause === 'transaction' && cause.alerts) {
      const input = {
        userId: settings.userId,
        previous,
        state,
        transactionId: cause.transactionId ?? null,
        transaction:
          (cause.transactionId &&
            ledgerChange?.after.find(
              (t) => t.id === cause.transactionId && monthOf(t.bookedOn) === month,
            )) ||
          null,
        now: context.now,
        largeThresholdMinor: largeTransactionThresholdOf(settings),
      };
      cause.alerts.push(...(await this.deps.alerts.detect(tx, input)));
    }
    if (!write && snapshot)
      await repository.saveSnapshot({
        userId: settings.userId,
        month,
        planId: plan.id,
        planRevision: plan.revision,
        computedFor: context.today,
        snapshot,
        computedAt: context.now,
      });
    const event: BudgetUpdatedEvent = {
      userId: settings.userId,
      month,
      currency: state.currency,
      cause: cause.cause,
      transactionId: cause.transactionId ?? null,
      totals: { ...state.totals },
      categoryNames: Object.fromEntries(state.categories.map((c) => [c.id, c.name])),
      days: [...diff.days],
      categories: [...diff.categories],
      movesAdded: [...diff.movesAdded],
      movesUndone: [...diff.movesUndone],
    };
    return { event, snapshot };
  }

  /** Independent reads, sent together (pipelined on the transaction's connection). */
  private async readInputs(
    tx: Db,
    context: WriteContext,
    month: LocalMonth,
    options: {
      touch: boolean;
      categories?: KnownCategory[] | undefined;
      stored?: boolean;
      excluding?: string;
    },
  ): Promise<MonthInputs> {
    const { userId } = context.settings;
    const [ensured, ledger, categories, adjustments, stored] = await Promise.all([
      this.ensurePlan(tx, context, month, { touch: options.touch }),
      this.deps.ledger(tx, userId, month, { excluding: options.excluding }),
      options.categories ?? this.deps.categories.with(tx).list(userId),
      this.deps.adjustments.with(tx).listLive(userId, month),
      options.stored ? this.deps.repository.with(tx).findSnapshot(userId, month) : null,
    ]);
    return {
      ensured,
      ledger,
      categories: categories as KnownCategory[],
      adjustments,
      stored,
    };
  }

  /**
   * The month's plan; the current month's plan is made from the settings when it does not exist
   * yet (domain §3.9: a new month starts with a new plan from the same settings).
   */
  async ensurePlan(
    tx: Db,
    context: WriteContext,
    month: LocalMonth,
    options: { touch?: boolean } = {},
  ): Promise<{ plan: BudgetPlanRow; created: boolean } | null> {
    const repository = this.deps.repository.with(tx);
    const { userId } = context.settings;
    const existing = options.touch
      ? await repository.touchPlan(userId, month)
      : await repository.findPlan(userId, month);
    if (existing) return { plan: existing, created: false };
    if (month !== monthOf(context.today)) return null;
    // The month before closes first, so the plan reserves for goals as the close left them.
    await closeMonthBefore({ ...this.deps, onClose: this.deps.closeMonth }, tx, context, month);
    const settings = await this.planSettingsOf(tx, context.settings);
    const plan = withEngineErrors(() => generatePlan({ ...settings, month }));
    const inserted = await repository.insertPlan({
      id: randomUUID(),
      userId: context.settings.userId,
      month,
      plan,
      createdAt: context.now,
    });
    return { plan: inserted, created: true };
  }

  /**
   * The month as of today. A snapshot computed for another day is refreshed under the user's
   * lock, so a read never overwrites the result of a concurrent write. A stored snapshot always
   * belongs to the month's current plan: replacing a plan recomputes it in the same transaction,
   * and deleting one deletes its snapshot.
   */
  async readMonth(
    userId: string,
    month: LocalMonth,
    known?: { settings: BudgetSettingsRow; stored?: StoredMonth | null },
  ): Promise<MonthSnapshot | null> {
    const { repository } = this.deps;
    const settings = known?.settings ?? (await repository.findSettings(userId));
    if (!settings) throw new BudgetError('ONBOARDING_REQUIRED');
    const today = this.todayOf(settings.timeZone);
    const stored =
      known?.stored !== undefined ? known.stored : await repository.findMonth(userId, month);
    if (!stored && month !== monthOf(today)) return null;
    if (stored && isFresh(stored, today)) return stored.snapshot.snapshot;
    return this.deps.db.transaction(async (tx) => {
      const locked = await repository.with(tx).lockSettings(userId);
      if (!locked) throw new BudgetError('ONBOARDING_REQUIRED');
      const now = this.deps.clock.now();
      const computed = await this.recompute(
        tx,
        { settings: locked, now, today: this.todayOf(locked.timeZone, now) },
        month,
        { mode: 'read', cause: 'plan' },
      );
      return computed?.snapshot ?? null;
    });
  }

  /**
   * The month computed by the engine from its plan (with manual moves) and ledger, once per
   * scenario with that scenario's expenses added to the ledger (what-if: nothing is written or
   * stored). Null when the month has no plan yet; a missing current plan is not created here.
   */
  async previewMonth(
    userId: string,
    month: LocalMonth,
    scenarios: readonly (readonly LedgerTransaction[])[],
  ): Promise<{ today: LocalDate; states: MonthState[] } | null> {
    const { repository, db } = this.deps;
    const settings = await repository.findSettings(userId);
    if (!settings) throw new BudgetError('ONBOARDING_REQUIRED');
    const [plan, ledger, categories, adjustments] = await Promise.all([
      repository.findPlan(userId, month),
      this.deps.ledger(db, userId, month),
      this.deps.categories.list(userId),
      this.deps.adjustments.listLive(userId, month),
    ]);
    if (!plan) return null;
    const today = this.todayOf(settings.timeZone);
    const adjusted = applyAdjustments(plan.plan, adjustments);
    const options = {
      rollover: settings.rollover,
      categories: categories as KnownCategory[],
    };
    const states = scenarios.map((extra) =>
      withEngineErrors(() => computeMonth(adjusted.plan, [...ledger, ...extra], today, options)),
    );
    return { today, states };
  }

  /** Today's date for the user and its month, reading settings and snapshot in one round trip. */
  async readCurrentMonth(
    userId: string,
  ): Promise<{ today: LocalDate; snapshot: MonthSnapshot | null }> {
    const now = this.deps.clock.now();
    // Every zone's today lies within a day of UTC's.
    const candidates = [
      monthOf(localDateOf(new Date(now.getTime() - DAY_MS), 'UTC')),
      monthOf(localDateOf(new Date(now.getTime() + DAY_MS), 'UTC')),
    ] as const;
    const found = await this.deps.repository.findSettingsWithMonths(userId, candidates);
    if (!found) throw new BudgetError('ONBOARDING_REQUIRED');
    const { settings, months } = found;
    const today = this.todayOf(settings.timeZone, now);
    const month = monthOf(today);
    const stored = months.find((m) => m.month === month) ?? null;
    return { today, snapshot: await this.readMonth(userId, month, { settings, stored }) };
  }

  /**
   * Domain §3.9: at each user's local month start their new month gets a plan from the same
   * settings. A user whose current month already has a plan is skipped, so running twice is safe.
   */
  async ensureCurrentPlans(): Promise<number> {
    let created = 0;
    // Each user on their own: one whose plan fails is reported and skipped, the others go on.
    for (const userId of await this.deps.repository.listUserIds()) {
      try {
        const month = monthOf(await this.todayForUser(userId));
        if (await this.deps.repository.findPlan(userId, month)) continue;
        await this.write(userId, () =>
          Promise.resolve({ value: null, months: [month], cause: 'plan' }),
        );
        created += 1;
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        await this.deps.onPlanSkipped?.({
          userId,
          code: typeof code === 'string' ? code : 'INTERNAL',
        });
      }
    }
    return created;
  }

  subscribe(userId: string): AsyncIterableIterator<BudgetUpdatedEvent> {
    return this.deps.pubsub.subscribe('budget.updated', userId);
  }

  async publish(events: BudgetUpdatedEvent[]): Promise<void> {
    await Promise.all(
      events.map((event) => this.deps.pubsub.publish('budget.updated', event.userId, event)),
    );
  }
}

/** A stored snapshot serves reads while its plan revision and local day are current. */
function isFresh(
  stored: StoredMonth,
  today: LocalDate,
): stored is StoredMonth & { snapshot: MonthSnapshotRecord } {
  const { snapshot } = stored;
  return (
    snapshot !== null &&
    snapshot.planId === stored.planId &&
    snapshot.planRevision === stored.revision &&
    snapshot.computedFor === today
  );
}

/** Whether a ledger change is about one transaction, `transactionId`, only. */
function touchesOnly(change: LedgerChange, transactionId: string): boolean {
  return [...change.before, ...change.after].every((t) => t.id === transactionId);
}

/**
 * A month's summed ledger with transactions added and others taken out (sums stay in reading
 * order); days and categories outside `month` and other than expenses do not count.
 */
function adjustLedger(
  sums: readonly LedgerTransaction[],
  add: readonly LedgerTransaction[],
  remove: readonly LedgerTransaction[],
  month: LocalMonth,
): LedgerTransaction[] {
  if (add.length === 0 && remove.length === 0) return [...sums];
  const key = (t: LedgerTransaction) => `${t.bookedOn}|${t.categoryId}|${t.currency ?? ''}`;
  const byKey = new Map(sums.map((t) => [key(t), { ...t }]));
  const apply = (t: LedgerTransaction, sign: 1 | -1) => {
    if (t.direction !== 'expense' || monthOf(t.bookedOn) !== month) return;
    const entry = byKey.get(key(t));
    if (entry) entry.amountMinor += sign * t.amountMinor;
    else if (sign > 0) byKey.set(key(t), { ...t, id: undefined });
  };
  for (const t of remove) apply(t, -1);
  for (const t of add) apply(t, 1);
  return [...byKey.values()].filter((t) => t.amountMinor > 0);
}
