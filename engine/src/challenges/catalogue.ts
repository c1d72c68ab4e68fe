/**
 * The challenge catalogue (domain §6): short commitments a person joins, judged from the ledger.
 *
 * Decisions: a cap is never a fixed amount (20 dollars and 20 yen are not the same challenge); it
 * is a share of the person's own plan for the watched categories over the challenge's days, fixed
 * when they join. A challenge starting on a weekend starts on the coming Saturday (on a Sunday, on
 * the Saturday just gone: the weekend in progress).
 */
import { EngineError } from '../errors';
import { multiplyDivideFloor } from '../money/money';
import { addDays, weekdayOf, type LocalDate } from '../time/calendar';
import type { Plan } from '../plan/types';

/**
 * What a challenge asks: no spending in some categories, spending in some categories under a cap,
 * or no spending at all outside a few allowed categories (bills, savings and goals never count).
 */
export type ChallengeKind = 'NO_SPEND_IN_CATEGORIES' | 'CAP_IN_CATEGORIES' | 'NO_SPEND_DAYS';

/** The day a challenge starts, from the day the person joins. */
export type ChallengeStartRule = 'TODAY' | 'WEEKEND';

/** One challenge of the catalogue. */
export interface ChallengeDefinition {
  /** Stable id; names and texts are looked up by it. */
  readonly id: string;
  readonly kind: ChallengeKind;
  /** English title (clients translate by id). */
  readonly title: string;
  /** Length in local days. */
  readonly days: number;
  readonly startRule: ChallengeStartRule;
  /** Watched categories; for NO_SPEND_DAYS, the categories still allowed. */
  readonly categoryIds: readonly string[];
  /** CAP_IN_CATEGORIES: the cap in basis points of the plan for the watched categories. */
  readonly capShareBps: number | null;
}

/** Basis points in a whole. */
const BASIS_POINTS = 10_000;

/** Every challenge a person can join, in the order they are shown. */
export const CHALLENGE_CATALOGUE: readonly ChallengeDefinition[] = [
  {
    id: 'no-spend-day',
    kind: 'NO_SPEND_DAYS',
    title: 'Spend nothing today',
    days: 1,
    startRule: 'TODAY',
    categoryIds: [],
    capShareBps: null,
  },
  {
    id: 'no-dining-out-7-days',
    kind: 'NO_SPEND_IN_CATEGORIES',
    title: 'No dining out for 7 days',
    days: 7,
    startRule: 'TODAY',
    categoryIds: ['dining_out'],
    capShareBps: null,
  },
  {
    id: 'coffee-half-plan-week',
    kind: 'CAP_IN_CATEGORIES',
    title: 'Coffee at half your plan this week',
    days: 7,
    startRule: 'TODAY',
    categoryIds: ['coffee'],
    capShareBps: 5_000,
  },
  {
    id: 'eating-out-under-plan-week',
    kind: 'CAP_IN_CATEGORIES',
    title: 'Eating out at three quarters of your plan this week',
    days: 7,
    startRule: 'TODAY',
    categoryIds: ['dining_out', 'delivery'],
    capShareBps: 7_500,
  },
  {
    id: 'no-delivery-weekend',
    kind: 'NO_SPEND_IN_CATEGORIES',
    title: 'No delivery this weekend',
    days: 2,
    startRule: 'WEEKEND',
    categoryIds: ['delivery'],
    capShareBps: null,
  },
  {
    id: 'groceries-only-3-days',
    kind: 'NO_SPEND_DAYS',
    title: 'Groceries only for 3 days',
    days: 3,
    startRule: 'TODAY',
    categoryIds: ['groceries'],
    capShareBps: null,
  },
];

/** Returns the catalogue entry with this id, or undefined. */
export function findChallenge(id: string): ChallengeDefinition | undefined {
  return CHALLENGE_CATALOGUE.find((challenge) => challenge.id === id);
}

/** The first local day of a challenge joined on `joinedOn`. */
export function challengeStartsOn(definition: ChallengeDefinition, joinedOn: LocalDate): LocalDate {
  switch (definition.startRule) {
    case 'TODAY':
      return joinedOn;
    case 'WEEKEND': {
      const weekday = weekdayOf(joinedOn);
      return weekday === 0 ? addDays(joinedOn, -1) : addDays(joinedOn, 6 - weekday);
    }
  }
}

/** The last local day of a challenge starting on `startsOn`. */
export function challengeEndsOn(definition: ChallengeDefinition, startsOn: LocalDate): LocalDate {
  return addDays(startsOn, definition.days - 1);
}

/**
 * The cap of a CAP_IN_CATEGORIES challenge in the plan's minor units: the plan's average daily
 * allocation of the watched categories (over the plan's days), times the challenge's days, times
 * its share, floored. Null when the plan gives those categories nothing (nothing to cap).
 */
export function challengeCapMinor(
  definition: ChallengeDefinition,
  plan: Pick<Plan, 'firstDay' | 'daysInMonth' | 'categories'>,
): number | null {
  if (definition.kind !== 'CAP_IN_CATEGORIES' || definition.capShareBps === null) {
    throw new EngineError('INPUT_INVALID', `${definition.id} has no cap`, { id: definition.id });
  }
  const watched = new Set(definition.categoryIds);
  let planned = 0;
  for (const category of plan.categories) {
    if (!watched.has(category.id)) continue;
    for (let day = plan.firstDay; day <= plan.daysInMonth; day += 1)
      planned += category.days[day - 1] ?? 0;
  }
  if (planned <= 0) return null;
  const planDays = plan.daysInMonth - plan.firstDay + 1;
  return multiplyDivideFloor(
    planned,
    definition.days * definition.capShareBps,
    planDays * BASIS_POINTS,
  );
}
