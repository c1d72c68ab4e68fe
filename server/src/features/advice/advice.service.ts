import { and, eq } from 'drizzle-orm';
import {
  adviceLabelOf,
  goalMonthsLeft,
  type Advice,
  type AdviceFacts,
  type LocalDate,
} from '@pace/engine';
import type { Db } from '../../infra/db/database';
import type { BudgetQueryService } from '../budget';
import type { GoalService } from '../goals';
import type { HabitService } from '../habits';
import { rulesAdvisor, type Advisor } from './advisors';
import { adviceDaily, type AdviceRow } from './advice.table';

/** Longest error text kept as the reason the AI advisor was not used. */
const MAX_REASON = 200;

/**
 * The day's advice (premium): facts computed from the month, goals, habits and mood; written by
 * the configured advisor (an OpenAI-compatible model, or the rule-based one) once per local day
 * and kept, so it reads the same all day and costs one model call. When the model fails or
 * answers out of shape, the rule-based advice is served and stored with the reason.
 */
export class AdviceService {
  constructor(
    private readonly deps: {
      db: Db;
      budget: BudgetQueryService;
      goals: GoalService;
      habits: HabitService;
      /** The person's language for the model (a BCP 47 locale). */
      localeOf: (userId: string) => Promise<string>;
      /** Today in the budget's time zone (ONBOARDING_REQUIRED without a budget). */
      todayOf: (userId: string) => Promise<LocalDate>;
      advisor: Advisor;
      now: () => Date;
      onFallback?: (error: unknown) => void;
    },
  ) {}

  /** Today's advice (written on its first read), or the one stored for an earlier day. */
  async forDate(userId: string, date: LocalDate | null | undefined): Promise<AdviceRow | null> {
    if (date == null) return this.today(userId);
    const today = await this.deps.todayOf(userId);
    if (date === today) return this.today(userId);
    return date < today ? this.find(userId, date) : null;
  }

  async today(userId: string): Promise<AdviceRow> {
    const facts = await this.facts(userId);
    const cached = await this.find(userId, facts.today);
    if (cached) return cached;
    const { advisor } = this.deps;
    let row: AdviceRow;
    try {
      const advice = await advisor.advise(facts, await this.deps.localeOf(userId));
      row = this.rowOf(userId, facts.today, advisor, advice, null);
    } catch (error) {
      if (advisor.source === 'rules') throw error;
      this.deps.onFallback?.(error);
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);
      row = this.rowOf(
        userId,
        facts.today,
        rulesAdvisor,
        await rulesAdvisor.advise(facts, ''),
        reason,
      );
    }
    // Two requests at once: the first stored wins, both answer with it.
    await this.deps.db.insert(adviceDaily).values(row).onConflictDoNothing();
    return (await this.find(userId, facts.today)) ?? row;
  }

  /** The facts an advisor is given (also what the person may read about how advice is made). */
  async facts(userId: string): Promise<AdviceFacts> {
    const [dashboard, goals, habits] = await Promise.all([
      this.deps.budget.getDashboard(userId),
      this.deps.goals.list(userId),
      this.deps.habits.list(userId, false),
    ]);
    const { snapshot } = dashboard;
    const correlation = (await this.deps.habits.correlation(userId, null, null)).result;
    const pace = new Map(dashboard.pace.map((p) => [p.categoryId, p]));
    const todayNumber = Number(snapshot.today.slice(8, 10));
    const finished = snapshot.days.filter((d) => d.isFinished);
    return {
      currency: snapshot.currency,
      month: snapshot.month,
      today: snapshot.today,
      dayOfMonth: todayNumber,
      daysInMonth: snapshot.daysInMonth,
      plannedMinor: snapshot.totals.plannedMinor,
      spentMinor: snapshot.totals.spentMinor,
      deficitMinor: snapshot.totals.deficitMinor,
      daysJudged: finished.length,
      daysWithinBudget: finished.filter((d) => d.cells.every((c) => c.status !== 'red')).length,
      categories: snapshot.categories
        .filter((c) => c.priority !== 'sacred' && c.behaviour !== 'fixed')
        .map((c) => ({
          id: c.id,
          label: adviceLabelOf(c.id),
          priority: c.priority,
          planMinor: c.planMinor,
          spentMinor: c.spentMinor,
          paceLevel: pace.get(c.id)?.level ?? 'none',
          paceRatio: pace.get(c.id)?.ratio ?? null,
          runOutOn: pace.get(c.id)?.runOutOn ?? null,
        })),
      goals: goals
        .filter((g) => g.row.status === 'active')
        .map((g) => ({
          priority: g.row.priority,
          percent: g.progress.percent,
          monthsLeft: g.row.targetOn ? goalMonthsLeft(g.row.targetOn, snapshot.month) : null,
        })),
      habits: habits.map((h) => ({
        currentStreak: h.stats.currentStreak,
        frequency: h.row.frequency,
      })),
      mood: correlation.isReported
        ? { strength: correlation.strength, direction: correlation.direction }
        : null,
    };
  }

  private async find(userId: string, on: LocalDate): Promise<AdviceRow | null> {
    const [row] = await this.deps.db
      .select()
      .from(adviceDaily)
      .where(and(eq(adviceDaily.userId, userId), eq(adviceDaily.on, on)));
    return row ?? null;
  }

  private rowOf(
    userId: string,
    on: LocalDate,
    advisor: Advisor,
    advice: Advice,
    fallbackReason: string | null,
  ): AdviceRow {
    return {
      userId,
      on,
      source: advisor.source,
      model: advisor.model,
      fallbackReason,
      advice,
      createdAt: this.deps.now(),
    };
  }
}
