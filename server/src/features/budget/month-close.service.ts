import {
  addMonths,
  computeMonth,
  monthSurplusMinor,
  type LocalDate,
  type LocalMonth,
} from '@pace/engine';
import type { Db } from '../../infra/db/database';
import type { AdjustmentRepository } from './adjustment.repository';
import { applyAdjustments } from './adjustment.rules';
import { withEngineErrors } from './budget.errors';
import type { BudgetRepository } from './budget.repository';
import type { BudgetSettingsRow } from './budget.table';
import type { CategoryRepository } from './category.repository';
import type { MonthLedgerReader } from './month.service';

/** A finished month as it closes, when the next month's plan is made. */
export interface MonthClose {
  userId: string;
  currency: string;
  timeZone: string;
  closedMonth: LocalMonth;
  /** The first day of the month whose plan is being made. */
  opensOn: LocalDate;
  /** What the finished month left unspent (engine `monthSurplusMinor`). */
  surplusMinor: number;
  now: Date;
}

/** Acts on a month's close inside the transaction that makes the next plan (the goals feature). */
export type MonthCloseHandler = (tx: Db, close: MonthClose) => Promise<void>;

export interface MonthCloseDeps {
  repository: BudgetRepository;
  categories: CategoryRepository;
  adjustments: AdjustmentRepository;
  ledger: MonthLedgerReader;
  onClose?: MonthCloseHandler;
}

/**
 * Month close (docs/goals.md, "Surplus rollover"): when `month`'s plan is about to be made and the
 * person chose `surplusToGoals`, the month before it — if it has a plan — is computed as finished
 * (with its manual moves and the rollover setting) and its surplus handed to `onClose`. It runs
 * only inside the transaction that inserts `month`'s plan, which happens once per month.
 */
export async function closeMonthBefore(
  deps: MonthCloseDeps,
  tx: Db,
  context: { settings: BudgetSettingsRow; now: Date; today: LocalDate },
  month: LocalMonth,
): Promise<void> {
  const { settings } = context;
  if (!deps.onClose || settings.planSettings.surplusToGoals !== true) return;
  const closedMonth = addMonths(month, -1);
  const { userId } = settings;
  const [plan, ledger, categories, adjustments] = await Promise.all([
    deps.repository.with(tx).findPlan(userId, closedMonth),
    deps.ledger(tx, userId, closedMonth),
    deps.categories.with(tx).list(userId),
    deps.adjustments.with(tx).listLive(userId, closedMonth),
  ]);
  if (!plan) return;
  const adjusted = applyAdjustments(plan.plan, adjustments);
  const state = withEngineErrors(() =>
    computeMonth(adjusted.plan, ledger, context.today, {
      rollover: settings.rollover,
      categories,
    }),
  );
  await deps.onClose(tx, {
    userId,
    currency: settings.currency,
    timeZone: settings.timeZone,
    closedMonth,
    opensOn: `${month}-01`,
    surplusMinor: withEngineErrors(() => monthSurplusMinor(state)),
    now: context.now,
  });
}
