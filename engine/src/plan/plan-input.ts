/**
 * Validation of plan input: every amount a non-negative safe integer, the month, zone, currency and
 * first day real, habits non-negative integers. Throws EngineError; returns derived facts.
 */
import { EngineError } from '../errors';
import { assertMinor } from '../money/money';
import { minorDigitsOf } from '../money/currencies';
import { epochDayOf, parseLocalDate, parseLocalMonth, daysInMonth } from '../time/calendar';
import { assertTimeZone } from '../time/zone';
import type { HabitsInput, PlanInput } from './types';
import type { PlanSpan } from './days';

/** Facts derived from a valid input. */
export interface CheckedInput {
  readonly incomeMinor: number;
  readonly span: PlanSpan;
  readonly startsOn: string;
}

function checkCount(value: number | undefined, field: string): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new EngineError('INPUT_INVALID', `${field} must be a whole number ≥ 0`, { field, value });
  }
}

function checkHabits(habits: HabitsInput): void {
  checkCount(habits.diningPerMonth, 'habits.diningPerMonth');
  checkCount(habits.coffeePerWeek, 'habits.coffeePerWeek');
  checkCount(habits.travelPerYear, 'habits.travelPerYear');
  for (const [id, days] of Object.entries(habits.spendingDaysPerMonth ?? {})) {
    checkCount(days, `habits.spendingDaysPerMonth.${id}`);
  }
}

function checkStart(input: PlanInput): { firstDay: number; startsOn: string } {
  if (input.startsOn === undefined) return { firstDay: 1, startsOn: `${input.month}-01` };
  const parts = parseLocalDate(input.startsOn);
  if (input.startsOn.slice(0, 7) !== input.month) {
    throw new EngineError('DATE_INVALID', `startsOn ${input.startsOn} is not in ${input.month}`, {
      startsOn: input.startsOn,
      month: input.month,
    });
  }
  return { firstDay: parts.day, startsOn: input.startsOn };
}

/** Validates a plan input and derives the monthly income and the plan span. */
export function checkPlanInput(input: PlanInput): CheckedInput {
  if (typeof input.userId !== 'string' || input.userId.length === 0) {
    throw new EngineError('INPUT_INVALID', 'userId is required', { field: 'userId' });
  }
  const month = parseLocalMonth(input.month);
  minorDigitsOf(input.currency);
  assertTimeZone(input.timeZone);
  assertMinor(input.incomeMinor, 'incomeMinor', { nonNegative: true });
  assertMinor(input.additionalIncomeMinor ?? 0, 'additionalIncomeMinor', { nonNegative: true });
  const incomeMinor = input.incomeMinor + (input.additionalIncomeMinor ?? 0);
  assertMinor(incomeMinor, 'income');
  checkHabits(input.habits ?? {});
  const { firstDay, startsOn } = checkStart(input);
  const span: PlanSpan = {
    daysInMonth: daysInMonth(input.month),
    firstDay,
    monthEpochDay: epochDayOf({ ...month, day: 1 }),
  };
  return { incomeMinor, span, startsOn };
}
