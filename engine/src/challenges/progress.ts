/**
 * Progress of a challenge, computed from the ledger (domain §6: never taken from the client).
 *
 * Decisions: a day is kept once it is over (today can still break it, never keep it); spending
 * that breaks a challenge fails it on that day at once, even before the day ends; amounts count
 * only in the challenge's currency; for NO_SPEND_DAYS, bills, savings and goal contributions are
 * not spending (paying rent does not break a no-spend day).
 */
import { EngineError } from '../errors';
import { BILL_CATEGORY_PREFIX, GOAL_CATEGORY_PREFIX, findCategory } from '../categories/categories';
import { assertMinor } from '../money/money';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../time/calendar';
import type { LedgerTransaction } from '../month/types';
import { challengeEndsOn, type ChallengeDefinition } from './catalogue';

/** Where a participation stands. */
export type ChallengeStatus = 'ACTIVE' | 'COMPLETED' | 'FAILED';

/** What progress needs: the participation and the ledger of its days. */
export interface ChallengeProgressInput {
  readonly definition: ChallengeDefinition;
  readonly startsOn: LocalDate;
  /** The budget's currency: amounts in another are not counted. */
  readonly currency: string;
  /** CAP_IN_CATEGORIES: the cap fixed at join, in minor units. */
  readonly capMinor: number | null;
  /** Expenses (daily sums are enough) covering the challenge's days; other directions are ignored. */
  readonly ledger: readonly LedgerTransaction[];
  /** The person's local day. */
  readonly today: LocalDate;
}

/** A participation's progress as of today. */
export interface ChallengeProgress {
  readonly status: ChallengeStatus;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly daysTotal: number;
  /** Days of the challenge that are over (0 before it starts). */
  readonly daysElapsed: number;
  /** Days over on which the challenge still held. */
  readonly daysKept: number;
  /** Spending the challenge counts, from its first day to today (or its last day). */
  readonly usedMinor: number;
  readonly capMinor: number | null;
  /** The day the challenge broke, or null. */
  readonly failedOn: LocalDate | null;
}

/** Whether an expense in this category counts against a NO_SPEND_DAYS challenge. */
export function countsAsSpending(categoryId: string): boolean {
  if (categoryId.startsWith(BILL_CATEGORY_PREFIX) || categoryId.startsWith(GOAL_CATEGORY_PREFIX))
    return false;
  const category = findCategory(categoryId);
  return (
    category === undefined || (category.behaviour !== 'fixed' && category.priority !== 'sacred')
  );
}

function isCounted(definition: ChallengeDefinition, categoryId: string): boolean {
  const listed = definition.categoryIds.includes(categoryId);
  return definition.kind === 'NO_SPEND_DAYS' ? !listed && countsAsSpending(categoryId) : listed;
}

function checkInput(input: ChallengeProgressInput): void {
  if (!isLocalDate(input.startsOn) || !isLocalDate(input.today))
    throw new EngineError('DATE_INVALID', 'startsOn and today must be local dates', {
      startsOn: input.startsOn,
      today: input.today,
    });
  if (input.definition.kind === 'CAP_IN_CATEGORIES') {
    if (input.capMinor === null)
      throw new EngineError('INPUT_INVALID', 'A capped challenge needs its cap', {
        id: input.definition.id,
      });
    assertMinor(input.capMinor, 'capMinor', { nonNegative: true });
  }
}

/** Counted spending per local day of the challenge (index 0 is its first day). */
function spentByDay(input: ChallengeProgressInput, daysTotal: number): number[] {
  const spent = new Array<number>(daysTotal).fill(0);
  for (const row of input.ledger) {
    if (row.direction !== 'expense' || row.amountMinor <= 0) continue;
    if (row.currency !== undefined && row.currency !== input.currency) continue;
    if (!isCounted(input.definition, row.categoryId)) continue;
    const index = daysBetween(input.startsOn, row.bookedOn);
    if (index < 0 || index >= daysTotal || row.bookedOn > input.today) continue;
    spent[index] = (spent[index] ?? 0) + row.amountMinor;
  }
  return spent;
}

/** Computes a participation's progress from the ledger's daily sums, as of the person's today. */
export function computeChallengeProgress(input: ChallengeProgressInput): ChallengeProgress {
  checkInput(input);
  const { definition, startsOn, today } = input;
  const daysTotal = definition.days;
  const endsOn = challengeEndsOn(definition, startsOn);
  const spent = spentByDay(input, daysTotal);
  const capMinor = definition.kind === 'CAP_IN_CATEGORIES' ? input.capMinor : null;
  let usedMinor = 0;
  let failedIndex: number | null = null;
  for (const [index, amount] of spent.entries()) {
    usedMinor += amount;
    const broke = capMinor === null ? amount > 0 : usedMinor > capMinor;
    if (broke && failedIndex === null) failedIndex = index;
  }
  const daysElapsed = Math.min(daysTotal, Math.max(0, daysBetween(startsOn, today)));
  const daysKept = failedIndex === null ? daysElapsed : Math.min(daysElapsed, failedIndex);
  const status: ChallengeStatus =
    failedIndex !== null ? 'FAILED' : today > endsOn ? 'COMPLETED' : 'ACTIVE';
  return {
    status,
    startsOn,
    endsOn,
    daysTotal,
    daysElapsed,
    daysKept,
    usedMinor,
    capMinor,
    failedOn: failedIndex === null ? null : addDays(startsOn, failedIndex),
  };
}
