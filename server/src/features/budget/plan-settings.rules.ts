import { normaliseRegion, type BillInput, type HabitsInput, type PlanSettings } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import { BudgetError } from './budget.errors';

interface BillText {
  name: string;
  amount: string;
  dueDay?: number | null;
  categoryId?: string | null;
}

interface HabitsText {
  diningPerMonth?: number | null;
  coffeePerWeek?: number | null;
  travelPerYear?: number | null;
}

/** Wire bills → engine bills (amounts parsed exactly in the budget currency). */
export function billsOf(bills: readonly BillText[], currency: string): BillInput[] {
  return bills.map((bill, index) => ({
    name: bill.name,
    amountMinor: parseAmount(bill.amount, currency, { field: `bills[${index}].amount` }),
    ...(bill.dueDay != null ? { dueDay: bill.dueDay } : {}),
    ...(bill.categoryId ? { categoryId: bill.categoryId } : {}),
  }));
}

export function habitsOf(habits: HabitsText): HabitsInput {
  return {
    ...(habits.diningPerMonth != null ? { diningPerMonth: habits.diningPerMonth } : {}),
    ...(habits.coffeePerWeek != null ? { coffeePerWeek: habits.coffeePerWeek } : {}),
    ...(habits.travelPerYear != null ? { travelPerYear: habits.travelPerYear } : {}),
  };
}

export interface SettingsText {
  region?: string | null;
  timeZone?: string | null;
  income?: string | null;
  additionalIncome?: string | null;
  bills?: readonly BillText[] | null;
  savingsTarget?: string | null;
  habits?: HabitsText | null;
  surplusToGoals?: boolean | null;
}

/** An ISO 3166 region code from the wire, upper-cased (`us-ca` is `US-CA`); BAD_USER_INPUT otherwise. */
export function regionOf(text: string): string {
  const region = normaliseRegion(text);
  if (region === undefined)
    throw new BudgetError('BUDGET_INPUT_INVALID', {
      message: 'region must be an ISO 3166 code such as US or US-CA.',
    });
  return region;
}

/** Applies wire changes to engine plan settings; absent fields keep their value. */
export function mergeSettings(base: PlanSettings, changes: SettingsText): PlanSettings {
  const { currency } = base;
  const amount = (text: string, field: string) => parseAmount(text, currency, { field });
  return {
    ...base,
    ...(changes.region != null ? { region: regionOf(changes.region) } : {}),
    ...(changes.timeZone != null ? { timeZone: changes.timeZone } : {}),
    ...(changes.income != null ? { incomeMinor: amount(changes.income, 'income') } : {}),
    ...(changes.additionalIncome != null
      ? { additionalIncomeMinor: amount(changes.additionalIncome, 'additionalIncome') }
      : {}),
    ...(changes.bills != null ? { bills: billsOf(changes.bills, currency) } : {}),
    ...(changes.savingsTarget != null
      ? { savingsTargetMinor: amount(changes.savingsTarget, 'savingsTarget') }
      : {}),
    ...(changes.habits != null ? { habits: habitsOf(changes.habits) } : {}),
    ...(changes.surplusToGoals != null ? { surplusToGoals: changes.surplusToGoals } : {}),
  };
}
