/**
 * What a person already repays each month, read from their plan and recurring expenses: the
 * plan's bills and the active monthly or weekly recurring expenses on a debt category (mortgage,
 * debt payment, loan, car payment).
 *
 * Decision: a plan bill and a recurring expense are often the same loan written twice, so per
 * category the larger of the two sums counts, not both. A weekly amount counts 52/12 times a
 * month, rounded down.
 */
import {
  compareLocalDates,
  multiplyDivideFloor,
  resolveCategoryId,
  type BillInput,
  type LocalDate,
} from '@pace/engine';

/** Built-in categories whose bills are instalments of a debt. */
export const DEBT_CATEGORY_IDS: ReadonlySet<string> = new Set([
  'mortgage',
  'debt',
  'loan',
  'car_payment',
]);

/** A recurring expense as these rules need it. */
export interface RecurringDebtInput {
  readonly amountMinor: number;
  readonly currency: string;
  readonly categoryId: string;
  readonly frequency: 'monthly' | 'weekly';
  readonly endOn: LocalDate | null;
}

function add(sums: Map<string, number>, categoryId: string, amountMinor: number): void {
  sums.set(categoryId, (sums.get(categoryId) ?? 0) + amountMinor);
}

/** Monthly minor units already repaid for debts, in the budget currency. */
export function existingInstalmentsMinor(input: {
  bills: readonly BillInput[];
  recurring: readonly RecurringDebtInput[];
  currency: string;
  today: LocalDate;
}): number {
  const fromBills = new Map<string, number>();
  for (const bill of input.bills) {
    const categoryId = bill.categoryId ?? resolveCategoryId(bill.name);
    if (categoryId !== undefined && DEBT_CATEGORY_IDS.has(categoryId))
      add(fromBills, categoryId, bill.amountMinor);
  }
  const fromRecurring = new Map<string, number>();
  for (const row of input.recurring) {
    const isActive = row.endOn === null || compareLocalDates(row.endOn, input.today) >= 0;
    if (!isActive || row.currency !== input.currency || !DEBT_CATEGORY_IDS.has(row.categoryId))
      continue;
    const monthly =
      row.frequency === 'monthly' ? row.amountMinor : multiplyDivideFloor(row.amountMinor, 52, 12);
    add(fromRecurring, row.categoryId, monthly);
  }
  let total = 0;
  for (const categoryId of DEBT_CATEGORY_IDS) {
    total += Math.max(fromBills.get(categoryId) ?? 0, fromRecurring.get(categoryId) ?? 0);
  }
  return total;
}
