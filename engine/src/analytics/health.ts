/**
 * A financial health score from 0 to 100 that explains itself: each component has a weight, a
 * value from 0 to 1 and the figures it was judged on, so a person can see what to change.
 *
 * Components and weights (they add up to 100):
 * - savings (30): the month's savings rate against the person's own savings target (10 % when
 *   they set none), full marks at or above it; the rate is (income − spending) / income with the
 *   month's spending projected as if the rest of the month goes to plan;
 * - days within budget (30): the share of finished plan days whose every category stayed green;
 * - bills (20): fixed bills against income, full marks up to 50 % of income, none from 80 %
 *   (linear between): money for bills that leaves room for the rest;
 * - buffer (20): the share of the month's overspending that was covered from other money (Flex
 *   and donors) rather than left as a deficit; full marks when nothing was overspent.
 * A component without the figures to judge it (no income, no finished day yet) is left out and
 * the score is scaled to the weights counted; with none left there is no score. The score is
 * 100 × Σ weight × value / Σ weights counted, rounded half up.
 */

export type HealthComponentId = 'savings' | 'days_within_budget' | 'bills' | 'buffer';

/** Weights of the components (they add up to 100). */
export const HEALTH_WEIGHTS: Readonly<Record<HealthComponentId, number>> = {
  savings: 30,
  days_within_budget: 30,
  bills: 20,
  buffer: 20,
};
/** Savings target rate (basis points) used when the person set none. */
export const DEFAULT_SAVINGS_RATE_BASIS_POINTS = 1_000;
/** Bills up to this share of income (basis points) get full marks. */
export const BILLS_COMFORTABLE_BASIS_POINTS = 5_000;
/** Bills from this share of income (basis points) get none. */
export const BILLS_HEAVY_BASIS_POINTS = 8_000;

/** The figures the score is computed from, all for one month. */
export interface HealthInput {
  readonly incomeMinor: number;
  readonly savingsTargetMinor: number;
  readonly fixedBillsMinor: number;
  /** Spending of the month (savings and goals excluded), projected to its end. */
  readonly projectedSpendingMinor: number;
  readonly finishedDays: number;
  readonly greenDays: number;
  /** Spending above allocations this month (covered or not). */
  readonly overspentMinor: number;
  /** The part of it nothing covered (the month's deficit). */
  readonly uncoveredMinor: number;
}

/** One component of the score. */
export interface HealthComponent {
  readonly id: HealthComponentId;
  readonly weight: number;
  /** 0 to 1; null when it could not be judged (then it does not count). */
  readonly value: number | null;
  /** weight × value: the points it earned of its weight; 0 when not judged. */
  readonly points: number;
  /** The ratio judged (savings rate, green share, bills share, covered share); null when none. */
  readonly ratio: number | null;
  /** What full marks need (the target rate, 1, the comfortable share, 1). */
  readonly target: number;
}

export interface HealthScore {
  /** 0–100, or null when no component could be judged. */
  readonly score: number | null;
  readonly components: readonly HealthComponent[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function judge(input: HealthInput): Omit<HealthComponent, 'points'>[] {
  const { incomeMinor } = input;
  const targetRate =
    incomeMinor > 0 && input.savingsTargetMinor > 0
      ? input.savingsTargetMinor / incomeMinor
      : DEFAULT_SAVINGS_RATE_BASIS_POINTS / 10_000;
  const savingsRate =
    incomeMinor > 0 ? (incomeMinor - input.projectedSpendingMinor) / incomeMinor : null;
  const greenShare = input.finishedDays > 0 ? input.greenDays / input.finishedDays : null;
  const billsShare = incomeMinor > 0 ? input.fixedBillsMinor / incomeMinor : null;
  const comfortable = BILLS_COMFORTABLE_BASIS_POINTS / 10_000;
  const heavy = BILLS_HEAVY_BASIS_POINTS / 10_000;
  const coveredShare =
    input.overspentMinor > 0
      ? (input.overspentMinor - input.uncoveredMinor) / input.overspentMinor
      : 1;
  return [
    {
      id: 'savings',
      weight: HEALTH_WEIGHTS.savings,
      ratio: savingsRate,
      target: targetRate,
      value: savingsRate === null ? null : clamp01(savingsRate / targetRate),
    },
    {
      id: 'days_within_budget',
      weight: HEALTH_WEIGHTS.days_within_budget,
      ratio: greenShare,
      target: 1,
      value: greenShare,
    },
    {
      id: 'bills',
      weight: HEALTH_WEIGHTS.bills,
      ratio: billsShare,
      target: comfortable,
      value: billsShare === null ? null : clamp01((heavy - billsShare) / (heavy - comfortable)),
    },
    {
      id: 'buffer',
      weight: HEALTH_WEIGHTS.buffer,
      ratio: coveredShare,
      target: 1,
      value: clamp01(coveredShare),
    },
  ];
}

/** The financial health score of a month with its components. */
export function computeHealthScore(input: HealthInput): HealthScore {
  const judged = judge(input);
  const counted = judged.reduce((sum, c) => sum + (c.value === null ? 0 : c.weight), 0);
  if (counted === 0) return { score: null, components: judged.map((c) => ({ ...c, points: 0 })) };
  const components = judged.map((c) => ({
    ...c,
    points: c.value === null ? 0 : c.weight * c.value,
  }));
  const raw = (components.reduce((sum, c) => sum + c.points, 0) * 100) / counted;
  // Half up, after trimming float noise (e.g. 84.49999999999999 is 84.5).
  return { score: Math.floor(Math.round(raw * 1e9) / 1e9 + 0.5), components };
}
