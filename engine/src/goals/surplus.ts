/**
 * Surplus rollover into goals (docs/goals.md, "Surplus rollover"): what a finished month left
 * unspent, and how it is shared among active goals by priority.
 *
 * Decisions: the surplus is the unspent money of the categories that are neither fixed nor sacred
 * (Flex included), less every overspend no donor covered; unspent bill money (a bill may still be
 * paid) and unspent savings or goal money (it is the saving itself) are not surplus. Goals are
 * served most important first (`priority` 1 first, then id), each up to what it still needs.
 */
import type { CategoryMonthView } from '../month/month-views';
import { EngineError } from '../errors';
import { assertMinor } from '../money/money';
import type { GoalStatus } from './goals';

/** The figures of a finished month the surplus is read from. */
export interface FinishedMonth {
  readonly daysInMonth: number;
  readonly finishedDays: number;
  readonly categories: readonly Pick<
    CategoryMonthView,
    'id' | 'behaviour' | 'priority' | 'allocationMinor' | 'spentMinor' | 'uncoveredMinor'
  >[];
}

/** A goal as the surplus split needs it. */
export interface SurplusGoal {
  readonly id: string;
  readonly targetMinor: number;
  readonly savedMinor: number;
  readonly status: GoalStatus;
  /** 1 is the most important; absent ranks after every number. */
  readonly priority?: number;
}

/** What one goal receives. */
export interface SurplusShare {
  readonly goalId: string;
  readonly amountMinor: number;
}

/** The surplus split: shares in the order they were served, what moved and what stays. */
export interface SurplusSplit {
  readonly shares: readonly SurplusShare[];
  readonly movedMinor: number;
  readonly leftMinor: number;
}

/**
 * Unspent money of a finished month's non-fixed, non-sacred categories, less overspend no donor
 * covered (anywhere), floored at 0.
 */
export function monthSurplusMinor(month: FinishedMonth): number {
  if (month.finishedDays < month.daysInMonth) {
    throw new EngineError('INPUT_INVALID', 'Only a finished month has a surplus', {
      finishedDays: month.finishedDays,
      daysInMonth: month.daysInMonth,
    });
  }
  let surplus = 0;
  for (const c of month.categories) {
    const isSpendable = c.behaviour !== 'fixed' && c.priority !== 'sacred';
    // A spendable category's own uncovered overspend is already below zero in allocation − spent.
    surplus += isSpendable ? c.allocationMinor - c.spentMinor : -c.uncoveredMinor;
  }
  return Math.max(0, surplus);
}

function mostImportantFirst(a: SurplusGoal, b: SurplusGoal): number {
  const rank = (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER);
  if (rank !== 0) return rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Shares `surplusMinor` among active goals, most important first, each up to target − saved;
 * Σ shares = min(surplus, Σ needed) and what no goal needs is left.
 */
export function splitSurplusToGoals(
  surplusMinor: number,
  goals: readonly SurplusGoal[],
): SurplusSplit {
  assertMinor(surplusMinor, 'surplusMinor', { nonNegative: true });
  const seen = new Set<string>();
  for (const goal of goals) {
    assertMinor(goal.targetMinor, 'targetMinor', { nonNegative: true });
    assertMinor(goal.savedMinor, 'savedMinor', { nonNegative: true });
    if (goal.id.length === 0 || seen.has(goal.id)) {
      throw new EngineError('INPUT_INVALID', 'Goal ids must be unique and non-empty', {
        id: goal.id,
      });
    }
    seen.add(goal.id);
  }
  let left = surplusMinor;
  const shares: SurplusShare[] = [];
  for (const goal of goals.filter((g) => g.status === 'active').sort(mostImportantFirst)) {
    const amountMinor = Math.min(left, Math.max(0, goal.targetMinor - goal.savedMinor));
    if (amountMinor === 0) continue;
    shares.push({ goalId: goal.id, amountMinor });
    left -= amountMinor;
  }
  return { shares, movedMinor: surplusMinor - left, leftMinor: left };
}
