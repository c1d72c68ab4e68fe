/**
 * Fixed bills → plan categories (domain §2, §3.2, §3.7). Every bill is `fixed` and `sacred`.
 * A bill joins the built-in fixed category its id, name or alias resolves to (two insurance
 * bills share `insurance`, each on its own due day); any other bill gets its own category
 * `bill:<slug of its name>` (a numeric suffix keeps slugs unique).
 */
import { EngineError } from '../errors';
import {
  BILL_CATEGORY_PREFIX,
  findCategory,
  normaliseCategoryName,
  resolveCategoryId,
} from '../categories/categories';
import { assertMinor } from '../money/money';
import type { BillInput } from './types';

/** Built-in bills due on day 1 by default; every other bill defaults to day 5. */
export const FIRST_OF_MONTH_BILLS: ReadonlySet<string> = new Set([
  'rent',
  'mortgage',
  'school_fees',
]);
/** Default due day of bills not in {@link FIRST_OF_MONTH_BILLS}. */
export const DEFAULT_BILL_DUE_DAY = 5;

/** One bill placed in a category with its requested due day. */
export interface BillPlacement {
  readonly name: string;
  readonly amountMinor: number;
  readonly dueDay: number;
}

/** A fixed category made from one or more bills. */
export interface BillCategory {
  readonly id: string;
  readonly name: string;
  readonly bills: BillPlacement[];
}

function builtInFixedId(bill: BillInput): string | undefined {
  const candidate = bill.categoryId ?? resolveCategoryId(bill.name);
  if (candidate === undefined) return undefined;
  return findCategory(candidate)?.behaviour === 'fixed' ? candidate : undefined;
}

function validate(bill: BillInput, index: number): void {
  assertMinor(bill.amountMinor, `bills[${index}].amountMinor`, { nonNegative: true });
  const { dueDay } = bill;
  if (dueDay !== undefined && (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31)) {
    throw new EngineError('INPUT_INVALID', `Due day of "${bill.name}" must be 1–31`, {
      index,
      dueDay,
    });
  }
  if (bill.categoryId !== undefined && findCategory(bill.categoryId) === undefined) {
    throw new EngineError('CATEGORY_UNKNOWN', `Unknown category "${bill.categoryId}"`, {
      index,
      id: bill.categoryId,
    });
  }
}

/** Groups bills into fixed categories with their due days, in input order. */
export function groupBills(bills: readonly BillInput[]): BillCategory[] {
  const byId = new Map<string, BillCategory>();
  bills.forEach((bill, index) => {
    validate(bill, index);
    const builtIn = builtInFixedId(bill);
    let id = builtIn;
    if (id === undefined) {
      const slug = normaliseCategoryName(bill.name).replace(/ /g, '_') || 'bill';
      id = `${BILL_CATEGORY_PREFIX}${slug}`;
      for (let n = 2; byId.has(id); n += 1) id = `${BILL_CATEGORY_PREFIX}${slug}_${n}`;
    }
    const defaultDay =
      builtIn !== undefined && FIRST_OF_MONTH_BILLS.has(builtIn) ? 1 : DEFAULT_BILL_DUE_DAY;
    const placement = {
      name: bill.name,
      amountMinor: bill.amountMinor,
      dueDay: bill.dueDay ?? defaultDay,
    };
    const existing = byId.get(id);
    if (existing !== undefined) existing.bills.push(placement);
    else
      byId.set(id, {
        id,
        name: builtIn === undefined ? bill.name : (findCategory(id)?.name ?? bill.name),
        bills: [placement],
      });
  });
  return [...byId.values()];
}
