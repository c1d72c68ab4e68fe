/**
 * The B4 shape: a generated plan of 50 categories over a 31-day month, ~1,000 ledger transactions
 * within budget, and one fresh overspend today. Deterministic (seeded), so runs compare.
 */
import { generatePlan, type LedgerTransaction, type Plan, type PlanInput } from '../src/index';

/** Small seeded PRNG (mulberry32) so every run uses the same ledger. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BEHAVIOURS = ['spread', 'clustered', 'spread', 'fixed'] as const;
const PRIORITIES = ['flexible', 'discretionary', 'protected', 'flexible'] as const;

/** Plan input with 8 bills, savings, 2 goals, 10 targets, Flex and 28 user categories = 50. */
export const PLAN_INPUT: PlanInput = {
  userId: 'bench-user',
  month: '2026-03',
  currency: 'USD',
  region: 'US-NY',
  timeZone: 'America/New_York',
  incomeMinor: 1_500_000,
  additionalIncomeMinor: 50_000,
  bills: [
    { name: 'Rent', amountMinor: 260_000 },
    { name: 'Electricity', amountMinor: 9_000 },
    { name: 'Internet', amountMinor: 6_000, dueDay: 9 },
    { name: 'Phone', amountMinor: 4_500, dueDay: 12 },
    { name: 'Car insurance', amountMinor: 12_000, dueDay: 15 },
    { name: 'Netflix', amountMinor: 1_599, dueDay: 20 },
    { name: 'Gym', amountMinor: 4_000, dueDay: 3 },
    { name: 'Car loan', amountMinor: 35_000, dueDay: 25 },
  ],
  savingsTargetMinor: 100_000,
  habits: { diningPerMonth: 8, coffeePerWeek: 6, travelPerYear: 3 },
  goals: [
    {
      id: 'trip',
      name: 'Trip',
      targetMinor: 300_000,
      savedMinor: 50_000,
      targetOn: '2026-09-01',
      status: 'active',
    },
    {
      id: 'laptop',
      name: 'Laptop',
      targetMinor: 200_000,
      savedMinor: 20_000,
      targetOn: '2026-06-30',
      status: 'active',
    },
  ],
  userCategories: Array.from({ length: 28 }, (_, i) => ({
    id: `user-${String(i).padStart(2, '0')}`,
    name: `User category ${i}`,
    behaviour: BEHAVIOURS[i % 4],
    priority: PRIORITIES[i % 4],
    monthlyMinor: 1_000 + 300 * i,
  })),
};

/** A ready B4 scenario. */
export interface Scenario {
  readonly plan: Plan;
  readonly transactions: LedgerTransaction[];
  readonly today: string;
  readonly overspend: LedgerTransaction;
}

const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}`;

function billPayments(plan: Plan, todayDay: number): LedgerTransaction[] {
  return plan.categories
    .filter((c) => c.source === 'bill')
    .flatMap((bill) => {
      const due = bill.days.findIndex((v) => v > 0) + 1;
      if (due > todayDay) return [];
      const payment: LedgerTransaction = {
        id: `bill-${bill.id}`,
        categoryId: bill.id,
        amountMinor: bill.amountMinor,
        direction: 'expense',
        bookedOn: day(due),
      };
      return [payment];
    });
}

/** Everyday spending within each cell's plan (at most 30 % of what is left), plus some income. */
function dailySpending(plan: Plan, todayDay: number, count: number): LedgerTransaction[] {
  const next = random(20260301);
  const spendable = plan.categories.filter(
    (c) => c.behaviour !== 'fixed' && c.priority !== 'sacred',
  );
  const left = new Map(spendable.map((c) => [c.id, [...c.days]]));
  const transactions: LedgerTransaction[] = [];
  while (transactions.length < count) {
    const d = 1 + Math.floor(next() * todayDay);
    const category = spendable[Math.floor(next() * spendable.length)];
    if (category === undefined) continue;
    const direction = next() < 0.1 ? (next() < 0.5 ? 'income' : 'transfer') : 'expense';
    const cells = left.get(category.id) ?? [];
    const room = cells[d - 1] ?? 0;
    const amountMinor =
      direction === 'expense' ? Math.floor(room * 0.3 * next()) : 1 + Math.floor(next() * 50_000);
    if (direction === 'expense') cells[d - 1] = room - amountMinor;
    transactions.push({
      id: `t${transactions.length}`,
      categoryId: category.id,
      amountMinor,
      direction,
      bookedOn: day(d),
    });
  }
  return transactions;
}

/** Builds the plan and ~1,000 transactions through `todayDay`, the last one an overspend. */
export function buildScenario(todayDay: number, count = 1000): Scenario {
  const plan = generatePlan(PLAN_INPUT);
  const bills = billPayments(plan, todayDay);
  const overspend: LedgerTransaction = {
    id: 'fresh',
    categoryId: 'dining_out',
    amountMinor: 60_000,
    direction: 'expense',
    bookedOn: day(todayDay),
  };
  const transactions = [
    ...bills,
    ...dailySpending(plan, todayDay, count - bills.length - 1),
    overspend,
  ];
  // Ledgers arrive from the database or IndexedDB as flat strings, not as the ropes that template
  // literals build here; a JSON round trip gives the realistic representation.
  const ledger = JSON.parse(JSON.stringify(transactions)) as LedgerTransaction[];
  return { plan, transactions: ledger, today: day(todayDay), overspend };
}
