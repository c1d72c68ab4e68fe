/**
 * The settings a plan keeps for the next month: a frozen copy of the input minus month and first
 * day, so a later change to the caller's objects cannot reach the plan.
 */
import type {
  BillInput,
  HabitsInput,
  PlanGoalInput,
  PlanInput,
  PlanSettings,
  PlanUserCategoryInput,
} from './types';

// Copies are written as literals of one shape each: freezing such objects is cheap, while
// freezing spread copies (`{ ...item }`) costs about a microsecond apiece.
const copyBill = (b: BillInput): BillInput =>
  Object.freeze({
    name: b.name,
    amountMinor: b.amountMinor,
    dueDay: b.dueDay,
    categoryId: b.categoryId,
  });

const copyGoal = (g: PlanGoalInput): PlanGoalInput =>
  Object.freeze({
    id: g.id,
    name: g.name,
    targetMinor: g.targetMinor,
    savedMinor: g.savedMinor,
    targetOn: g.targetOn,
    status: g.status,
    priority: g.priority,
  });

const copyUserCategory = (u: PlanUserCategoryInput): PlanUserCategoryInput =>
  Object.freeze({
    id: u.id,
    name: u.name,
    behaviour: u.behaviour,
    priority: u.priority,
    monthlyMinor: u.monthlyMinor,
  });

function copyHabits(h: HabitsInput | undefined): HabitsInput | undefined {
  if (h === undefined) return undefined;
  const days = h.spendingDaysPerMonth;
  return Object.freeze({
    diningPerMonth: h.diningPerMonth,
    coffeePerWeek: h.coffeePerWeek,
    travelPerYear: h.travelPerYear,
    spendingDaysPerMonth: days === undefined ? undefined : Object.freeze({ ...days }),
  });
}

/** A frozen copy of the settings, so a later change to the caller's input cannot reach the plan. */
export function settingsOf(input: PlanInput): PlanSettings {
  const list = <T>(
    items: readonly T[] | undefined,
    copy: (item: T) => T,
  ): readonly T[] | undefined => (items === undefined ? undefined : Object.freeze(items.map(copy)));
  return Object.freeze({
    userId: input.userId,
    currency: input.currency,
    region: input.region,
    timeZone: input.timeZone,
    incomeMinor: input.incomeMinor,
    additionalIncomeMinor: input.additionalIncomeMinor,
    bills: list(input.bills, copyBill),
    savingsTargetMinor: input.savingsTargetMinor,
    habits: copyHabits(input.habits),
    goals: list(input.goals, copyGoal),
    userCategories: list(input.userCategories, copyUserCategory),
    surplusToGoals: input.surplusToGoals,
    profiles: input.profiles,
  });
}
