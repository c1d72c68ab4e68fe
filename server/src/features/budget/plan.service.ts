import { randomUUID } from 'node:crypto';
import {
  CATEGORY_TAXONOMY,
  generatePlan,
  isValidTimeZone,
  monthOf,
  regeneratePlan,
  type LocalDate,
  type LocalMonth,
  type PlanGoalInput,
  type PlanSettings,
  type RolloverMode,
} from '@pace/engine';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { parseAmount } from '../../graphql/money.type';
import { BudgetError, withEngineErrors } from './budget.errors';
import type { CategoryRepository } from './category.repository';
import type { BudgetRepository } from './budget.repository';
import type { BudgetPlanRow, BudgetSettingsRow } from './budget.table';
import type { BudgetMonthService } from './month.service';
import {
  billsOf,
  habitsOf,
  mergeSettings,
  regionOf,
  type SettingsText,
} from './plan-settings.rules';

export interface OnboardingRequest extends SettingsText {
  id?: string | null;
  currency: string;
  income: string;
  bills: SettingsText['bills'];
  rollover?: RolloverMode | null;
  goals?: readonly OnboardingGoalText[] | null;
}

/** A savings goal given at onboarding, as the wire has it. */
export interface OnboardingGoalText {
  id?: string | null;
  name: string;
  target: string;
  targetOn?: LocalDate | null;
  priority?: number | null;
}

/**
 * Goals made with the first plan (the goals feature provides it): `resolve` checks them as
 * createGoal does and gives them as the plan needs them (nothing saved yet); `insert` stores them
 * in onboarding's transaction.
 */
export interface OnboardingGoals {
  resolve(
    goals: readonly OnboardingGoalText[],
    context: { currency: string; today: LocalDate },
  ): PlanGoalInput[];
  insert(tx: Db, userId: string, goals: readonly PlanGoalInput[], now: Date): Promise<void>;
}

export interface SettingsUpdate extends SettingsText {
  baseVersion?: number | null;
  rollover?: RolloverMode | null;
  largeTransactionThreshold?: string | null;
}

export interface OnboardingResult {
  settings: BudgetSettingsRow;
  plan: BudgetPlanRow | null;
  alreadyCompleted: boolean;
}

/** A category the user can book on: the plan's, then the remaining built-ins. */
export interface CategoryEntry {
  id: string;
  name: string;
  behaviour: string;
  priority: string;
  monthlyMinor: number;
  isInPlan: boolean;
}

export class PlanService {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      repository: BudgetRepository;
      categories: CategoryRepository;
      months: BudgetMonthService;
      /** The account's IANA zone, the default of the budget's zone. */
      profileTimeZone: (userId: string) => Promise<string | null>;
      /** Goals given at onboarding (the goals feature); without it onboarding refuses goals. */
      onboardingGoals?: OnboardingGoals;
      /** Told after onboarding commits, and again on each replay (it must be idempotent). */
      onOnboarded?: (userId: string) => Promise<void>;
    },
  ) {}

  /** Creates settings and the current month's plan once; a replay returns what exists. */
  async completeOnboarding(userId: string, input: OnboardingRequest): Promise<OnboardingResult> {
    const { repository, months } = this.deps;
    const existing = await repository.findSettings(userId);
    if (existing) {
      // A replay finishes what a crash after the commit may have left undone (e.g. a reward).
      await this.deps.onOnboarded?.(userId);
      return this.existingOnboarding(existing);
    }
    const timeZone = input.timeZone ?? (await this.deps.profileTimeZone(userId)) ?? 'UTC';
    if (!isValidTimeZone(timeZone)) throw new BudgetError('TIME_ZONE_INVALID', { timeZone });
    const settings: PlanSettings = {
      userId,
      currency: input.currency,
      ...(input.region ? { region: regionOf(input.region) } : {}),
      timeZone,
      incomeMinor: parseAmount(input.income, input.currency, { field: 'income' }),
      additionalIncomeMinor: input.additionalIncome
        ? parseAmount(input.additionalIncome, input.currency, { field: 'additionalIncome' })
        : 0,
      bills: billsOf(input.bills ?? [], input.currency),
      savingsTargetMinor: input.savingsTarget
        ? parseAmount(input.savingsTarget, input.currency, { field: 'savingsTarget' })
        : 0,
      habits: habitsOf(input.habits ?? {}),
      ...(input.surplusToGoals ? { surplusToGoals: true } : {}),
    };
    const now = this.deps.clock.now();
    const today = months.todayOf(timeZone, now);
    const goals = this.goalsOf(input, today);
    // A plan made mid-month starts today (domain §3.8); it reserves for the dated goals given.
    const plan = withEngineErrors(() =>
      generatePlan({
        ...settings,
        ...(goals.length > 0 ? { goals } : {}),
        month: monthOf(today),
        startsOn: today,
      }),
    );
    const outcome = await this.deps.db.transaction(async (tx) => {
      const budget = repository.with(tx);
      const row = await budget.insertSettings({
        userId,
        onboardingId: input.id ?? null,
        currency: input.currency,
        timeZone,
        planSettings: settings,
        rollover: input.rollover ?? 'spread',
        createdAt: now,
        updatedAt: now,
      });
      if (!row) return null;
      if (goals.length > 0) await this.deps.onboardingGoals?.insert(tx, userId, goals, now);
      const planRow = await budget.insertPlan({
        id: randomUUID(),
        userId,
        month: plan.month,
        plan,
        createdAt: now,
      });
      // Stored at once (as a read would): the new plan's first screen needs it.
      const computed = await months.recompute(tx, { settings: row, now, today }, plan.month, {
        mode: 'read',
        cause: 'plan',
      });
      return { settings: row, plan: planRow, events: computed ? [computed.event] : [] };
    });
    if (!outcome) return this.existingOnboarding(await this.getSettings(userId));
    await months.publish(outcome.events);
    await this.deps.onOnboarded?.(userId);
    return { settings: outcome.settings, plan: outcome.plan, alreadyCompleted: false };
  }

  /**
   * Regenerates the current month's plan from the current settings from today on; a stale
   * `baseVersion` (of the plan) returns the current plan and a conflict.
   */
  async regeneratePlan(
    userId: string,
    input: { baseVersion?: number | null },
  ): Promise<{ plan: BudgetPlanRow; conflict: boolean }> {
    return this.deps.months.write<{ plan: BudgetPlanRow; conflict: boolean }>(
      userId,
      async (tx, context) => {
        const month = monthOf(context.today);
        const current = (await this.deps.months.ensurePlan(tx, context, month))?.plan;
        if (!current) throw new BudgetError('PLAN_NOT_FOUND', { month });
        if (input.baseVersion != null && input.baseVersion !== current.version)
          return { value: { plan: current, conflict: true }, months: [], cause: 'plan' };
        const settings = await this.deps.months.planSettingsOf(tx, context.settings);
        const merged = withEngineErrors(() =>
          regeneratePlan(current.plan, { ...settings, month, startsOn: context.today }),
        );
        const row = await this.deps.repository
          .with(tx)
          .replacePlan(current.id, merged, context.now);
        return { value: { plan: row, conflict: false }, months: [month], cause: 'plan' };
      },
    );
  }

  /** Updates the settings; a stale `baseVersion` returns the current settings and a conflict. */
  async updatePlanSettings(
    userId: string,
    input: SettingsUpdate,
  ): Promise<{ settings: BudgetSettingsRow; conflict: boolean }> {
    let conflict = false;
    const settings = await this.deps.months.write(
      userId,
      async (tx, { settings: current, now, today }) => {
        if (input.baseVersion != null && input.baseVersion !== current.version) {
          conflict = true;
          return { value: current, months: [], cause: 'settings' };
        }
        if (input.timeZone != null && !isValidTimeZone(input.timeZone))
          throw new BudgetError('TIME_ZONE_INVALID', { timeZone: input.timeZone });
        const planSettings = mergeSettings(current.planSettings, input);
        const threshold =
          input.largeTransactionThreshold != null
            ? parseAmount(input.largeTransactionThreshold, current.currency, {
                field: 'largeTransactionThreshold',
              })
            : undefined;
        if (threshold !== undefined && threshold <= 0)
          throw new BudgetError('BUDGET_INPUT_INVALID', {
            message: 'largeTransactionThreshold must be more than zero.',
          });
        // Checked against the engine now, so settings that cannot make a plan are refused here.
        const { goals } = await this.deps.months.planSettingsOf(tx, current);
        withEngineErrors(() =>
          generatePlan({ ...planSettings, ...(goals ? { goals } : {}), month: monthOf(today) }),
        );
        const updated = await this.deps.repository.with(tx).updateSettings(userId, {
          planSettings,
          timeZone: planSettings.timeZone,
          ...(input.rollover ? { rollover: input.rollover } : {}),
          ...(threshold !== undefined ? { largeTransactionMinor: threshold } : {}),
          updatedAt: now,
        });
        return {
          value: updated,
          months: input.rollover ? [monthOf(today)] : [],
          cause: 'settings',
        };
      },
    );
    return { settings, conflict };
  }

  async getSettings(userId: string): Promise<BudgetSettingsRow> {
    const settings = await this.deps.repository.findSettings(userId);
    if (!settings) throw new BudgetError('ONBOARDING_REQUIRED');
    return settings;
  }

  async findSettings(userId: string): Promise<BudgetSettingsRow | null> {
    return this.deps.repository.findSettings(userId);
  }

  /** The plan of a month (default: the current one), or null before onboarding or for a month without one. */
  async findPlan(userId: string, month?: LocalMonth | null): Promise<BudgetPlanRow | null> {
    const settings = await this.deps.repository.findSettings(userId);
    if (!settings) return null;
    const target = month ?? monthOf(this.deps.months.todayOf(settings.timeZone));
    const plan = await this.deps.repository.findPlan(userId, target);
    if (plan || month) return plan;
    // A new month: reading it makes its plan (and its first snapshot).
    await this.deps.months.readMonth(userId, target);
    return this.deps.repository.findPlan(userId, target);
  }

  async listCategories(userId: string): Promise<CategoryEntry[]> {
    const plan = await this.findPlan(userId);
    const planned: CategoryEntry[] = (plan?.plan.categories ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      behaviour: c.behaviour,
      priority: c.priority,
      monthlyMinor: c.amountMinor,
      isInPlan: true,
    }));
    const inPlan = new Set(planned.map((c) => c.id));
    const own = (await this.deps.categories.list(userId))
      .filter((c) => !inPlan.has(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        behaviour: c.behaviour,
        priority: c.priority,
        monthlyMinor: 0,
        isInPlan: false,
      }));
    const others = CATEGORY_TAXONOMY.filter((c) => !inPlan.has(c.id)).map((c) => ({
      id: c.id,
      name: c.name,
      behaviour: c.behaviour,
      priority: c.priority,
      monthlyMinor: 0,
      isInPlan: false,
    }));
    return [...planned, ...own, ...others];
  }

  private goalsOf(input: OnboardingRequest, today: LocalDate): PlanGoalInput[] {
    const given = input.goals ?? [];
    if (given.length === 0) return [];
    if (!this.deps.onboardingGoals)
      throw new BudgetError('BUDGET_INPUT_INVALID', { message: 'goals are not accepted here.' });
    return this.deps.onboardingGoals.resolve(given, { currency: input.currency, today });
  }

  private async existingOnboarding(settings: BudgetSettingsRow): Promise<OnboardingResult> {
    return { settings, plan: await this.findPlan(settings.userId), alreadyCompleted: true };
  }
}
