import { and, asc, desc, eq, gt, ne, or, sql } from 'drizzle-orm';
import type { Plan, PlanSettings, RolloverMode } from '@pace/engine';
import type { Db } from '../../infra/db/database';
import { preparedOn } from '../../infra/db/prepared';
import { decodeSnapshot, encodeSnapshot, type MonthSnapshot } from './month-snapshot.rules';
import {
  budgetMonthSnapshots,
  budgetPlans,
  budgetSettings,
  nextChangeSeq,
  type BudgetMonthSnapshotRow,
  type BudgetPlanRow,
  type BudgetSettingsRow,
} from './budget.table';

export interface SettingsChanges {
  timeZone?: string;
  planSettings?: PlanSettings;
  rollover?: RolloverMode;
  largeTransactionMinor?: number | null;
  updatedAt: Date;
}

/** A stored month snapshot, decoded. */
export type MonthSnapshotRecord = Omit<BudgetMonthSnapshotRow, 'snapshot'> & {
  snapshot: MonthSnapshot;
};

/** A month's plan and, when one was stored, its snapshot (fresh or not). */
export interface StoredMonth {
  month: string;
  planId: string;
  revision: number;
  snapshot: MonthSnapshotRecord | null;
}

function recordOf(row: BudgetMonthSnapshotRow): MonthSnapshotRecord {
  return { ...row, snapshot: decodeSnapshot(row.snapshot) };
}

function storedMonthOf(
  plan: { id: string; month: string; revision: number },
  snapshot: BudgetMonthSnapshotRow | null,
): StoredMonth {
  return {
    month: plan.month,
    planId: plan.id,
    revision: plan.revision,
    snapshot: snapshot ? recordOf(snapshot) : null,
  };
}

/** Settings, plans and month snapshots; `with(tx)` binds it to a database transaction. */
export class BudgetRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): BudgetRepository {
    return new BudgetRepository(tx);
  }

  /** Locks the user's settings row: every write of a user's budget and ledger goes through here. */
  async lockSettings(userId: string): Promise<BudgetSettingsRow | null> {
    const query = preparedOn(this.db, 'budget.lockSettings', (db) =>
      db
        .select()
        .from(budgetSettings)
        .where(eq(budgetSettings.userId, sql.placeholder('user')))
        .for('update')
        .prepare('budget_lock_settings'),
    );
    const [row] = await query.execute({ user: userId });
    return row ?? null;
  }

  async findSettings(userId: string): Promise<BudgetSettingsRow | null> {
    const query = preparedOn(this.db, 'budget.settings', (db) =>
      db
        .select()
        .from(budgetSettings)
        .where(eq(budgetSettings.userId, sql.placeholder('user')))
        .prepare('budget_settings'),
    );
    const [row] = await query.execute({ user: userId });
    return row ?? null;
  }

  /**
   * The settings and, in the same round trip, the plan and stored snapshot of each of `months`
   * (the months "today" can be in, before the user's zone is known).
   */
  async findSettingsWithMonths(
    userId: string,
    months: readonly [string, string],
  ): Promise<{ settings: BudgetSettingsRow; months: StoredMonth[] } | null> {
    const query = preparedOn(this.db, 'budget.settingsWithMonths', (db) =>
      db
        .select({
          settings: budgetSettings,
          plan: { id: budgetPlans.id, month: budgetPlans.month, revision: budgetPlans.revision },
          snapshot: budgetMonthSnapshots,
        })
        .from(budgetSettings)
        .leftJoin(
          budgetPlans,
          and(
            eq(budgetPlans.userId, budgetSettings.userId),
            or(
              eq(budgetPlans.month, sql.placeholder('first')),
              eq(budgetPlans.month, sql.placeholder('second')),
            ),
          ),
        )
        .leftJoin(
          budgetMonthSnapshots,
          and(
            eq(budgetMonthSnapshots.userId, budgetPlans.userId),
            eq(budgetMonthSnapshots.month, budgetPlans.month),
          ),
        )
        .where(eq(budgetSettings.userId, sql.placeholder('user')))
        .prepare('budget_settings_with_months'),
    );
    const rows = await query.execute({ user: userId, first: months[0], second: months[1] });
    const [first] = rows;
    if (!first) return null;
    return {
      settings: first.settings,
      months: rows.flatMap(({ plan, snapshot }) => (plan ? [storedMonthOf(plan, snapshot)] : [])),
    };
  }

  /** A month's plan (id and revision) and its stored snapshot, in one round trip. */
  async findMonth(userId: string, month: string): Promise<StoredMonth | null> {
    const [row] = await this.db
      .select({
        plan: { id: budgetPlans.id, month: budgetPlans.month, revision: budgetPlans.revision },
        snapshot: budgetMonthSnapshots,
      })
      .from(budgetPlans)
      .leftJoin(
        budgetMonthSnapshots,
        and(
          eq(budgetMonthSnapshots.userId, budgetPlans.userId),
          eq(budgetMonthSnapshots.month, budgetPlans.month),
        ),
      )
      .where(and(eq(budgetPlans.userId, userId), eq(budgetPlans.month, month)));
    return row ? storedMonthOf(row.plan, row.snapshot) : null;
  }

  /**
   * The month's plan with its revision bumped (stored snapshots of it become stale), or null
   * when the month has no plan. Run by every write that recomputes the month.
   */
  async touchPlan(userId: string, month: string): Promise<BudgetPlanRow | null> {
    const query = preparedOn(this.db, 'budget.touchPlan', (db) =>
      db
        .update(budgetPlans)
        .set({ revision: sql`${budgetPlans.revision} + 1` })
        .where(
          and(
            eq(budgetPlans.userId, sql.placeholder('user')),
            eq(budgetPlans.month, sql.placeholder('month')),
          ),
        )
        .returning()
        .prepare('budget_touch_plan'),
    );
    const [row] = await query.execute({ user: userId, month });
    return row ?? null;
  }

  /** Returns null when the user already has settings (a concurrent onboarding won). */
  async insertSettings(
    row: Omit<BudgetSettingsRow, 'version' | 'changeSeq' | 'largeTransactionMinor'>,
  ): Promise<BudgetSettingsRow | null> {
    const [inserted] = await this.db
      .insert(budgetSettings)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted ?? null;
  }

  async updateSettings(userId: string, changes: SettingsChanges): Promise<BudgetSettingsRow> {
    const [row] = await this.db
      .update(budgetSettings)
      .set({ ...changes, version: sql`${budgetSettings.version} + 1`, changeSeq: nextChangeSeq() })
      .where(eq(budgetSettings.userId, userId))
      .returning();
    if (!row) throw new Error('settings row vanished under its lock');
    return row;
  }

  async findPlan(userId: string, month: string): Promise<BudgetPlanRow | null> {
    const query = preparedOn(this.db, 'budget.findPlan', (db) =>
      db
        .select()
        .from(budgetPlans)
        .where(
          and(
            eq(budgetPlans.userId, sql.placeholder('user')),
            eq(budgetPlans.month, sql.placeholder('month')),
          ),
        )
        .prepare('budget_find_plan'),
    );
    const [row] = await query.execute({ user: userId, month });
    return row ?? null;
  }

  async insertPlan(row: {
    id: string;
    userId: string;
    month: string;
    plan: Plan;
    createdAt: Date;
  }): Promise<BudgetPlanRow> {
    const [inserted] = await this.db
      .insert(budgetPlans)
      .values({ ...row, updatedAt: row.createdAt })
      .returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  /** Replaces a plan's content, with a new version and change number. */
  async replacePlan(id: string, plan: Plan, updatedAt: Date): Promise<BudgetPlanRow> {
    const [row] = await this.db
      .update(budgetPlans)
      .set({
        plan,
        updatedAt,
        version: sql`${budgetPlans.version} + 1`,
        changeSeq: nextChangeSeq(),
      })
      .where(eq(budgetPlans.id, id))
      .returning();
    if (!row) throw new Error('plan vanished under the user lock');
    return row;
  }

  async findSnapshot(userId: string, month: string): Promise<MonthSnapshotRecord | null> {
    const [row] = await this.db
      .select()
      .from(budgetMonthSnapshots)
      .where(and(eq(budgetMonthSnapshots.userId, userId), eq(budgetMonthSnapshots.month, month)));
    return row ? recordOf(row) : null;
  }

  async saveSnapshot(record: MonthSnapshotRecord): Promise<void> {
    const row: BudgetMonthSnapshotRow = { ...record, snapshot: encodeSnapshot(record.snapshot) };
    const { userId: _userId, month: _month, ...changes } = row;
    await this.db
      .insert(budgetMonthSnapshots)
      .values(row)
      .onConflictDoUpdate({
        target: [budgetMonthSnapshots.userId, budgetMonthSnapshots.month],
        set: changes,
      });
  }

  /** Plans written after change number `since`, oldest first. */
  async listPlansChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<BudgetPlanRow[]> {
    return this.db
      .select()
      .from(budgetPlans)
      .where(and(eq(budgetPlans.userId, userId), gt(budgetPlans.changeSeq, since)))
      .orderBy(asc(budgetPlans.changeSeq))
      .limit(limit);
  }

  async findSettingsChangedSince(userId: string, since: number): Promise<BudgetSettingsRow | null> {
    const [row] = await this.db
      .select()
      .from(budgetSettings)
      .where(and(eq(budgetSettings.userId, userId), gt(budgetSettings.changeSeq, since)));
    return row ?? null;
  }

  async findLatestPlan(userId: string): Promise<BudgetPlanRow | null> {
    const [row] = await this.db
      .select()
      .from(budgetPlans)
      .where(eq(budgetPlans.userId, userId))
      .orderBy(desc(budgetPlans.month))
      .limit(1);
    return row ?? null;
  }

  /** Every user with a budget, for the scheduled jobs. */
  async listUserIds(): Promise<string[]> {
    const rows = await this.db.select({ userId: budgetSettings.userId }).from(budgetSettings);
    return rows.map((r) => r.userId);
  }

  /** The plan settings of everyone else budgeting in a currency: the candidates of a peer group. */
  async listOtherPlanSettingsInCurrency(
    userId: string,
    currency: string,
  ): Promise<Array<{ userId: string; planSettings: PlanSettings }>> {
    return this.db
      .select({ userId: budgetSettings.userId, planSettings: budgetSettings.planSettings })
      .from(budgetSettings)
      .where(and(eq(budgetSettings.currency, currency), ne(budgetSettings.userId, userId)));
  }
}
