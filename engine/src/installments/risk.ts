/**
 * The risk verdict of a new installment against a person's monthly income (domain §8).
 *
 * Thresholds (shares of the monthly income; a share exactly on a bound takes the lower level):
 * - PAYMENT_SHARE, the new payment alone: low up to 10 %, medium up to 20 %, high above (the
 *   common "consumer debt under 10–20 % of income" rule).
 * - DEBT_TO_INCOME, every instalment with the new one: low up to 36 %, medium up to 43 %, high
 *   above 43 % (the 28/36 rule and the 43 % qualified-mortgage ceiling).
 * - EXISTING_INSTALMENTS, what is already paid each month (only when there is some): low up to
 *   20 % of income, medium above (the person is already stretched before borrowing more).
 * - TOTAL_VS_INCOME, everything the plan repays against one month of income: low up to 6 months
 *   of income, medium above (a long commitment; never high on its own, the monthly shares decide).
 * - NO_INCOME: no income to repay from is high.
 * The verdict's level is the highest of its reasons'. Shares are compared exactly in integers.
 */
import { assertMinor } from '../money/money';

/** How risky taking on the installment looks. */
export type InstallmentRiskLevel = 'low' | 'medium' | 'high';

/** Why a verdict has its level. */
export type InstallmentRiskReasonCode =
  'NO_INCOME' | 'PAYMENT_SHARE' | 'DEBT_TO_INCOME' | 'EXISTING_INSTALMENTS' | 'TOTAL_VS_INCOME';

/** One reason of a verdict, with the figure it judged. */
export interface InstallmentRiskReason {
  readonly code: InstallmentRiskReasonCode;
  readonly level: InstallmentRiskLevel;
  /**
   * The figure against the monthly income in basis points (10 000 = 100 % of a month's income;
   * for TOTAL_VS_INCOME 10 000 is one month of income), rounded half-up; null for NO_INCOME.
   */
  readonly ratioBp: number | null;
  /** The amount judged, in minor units (the payment, all instalments, the existing ones, the total). */
  readonly amountMinor: number;
}

/** What the verdict is computed from; every amount is monthly and in minor units of one currency. */
export interface InstallmentRiskInput {
  /** The new installment's regular monthly payment. */
  readonly paymentMinor: number;
  /** Everything the new plan repays (principal + interest). */
  readonly totalPaidMinor: number;
  /** The person's monthly income. */
  readonly incomeMinor: number;
  /** What the person already pays each month for other loans, cards and instalments. */
  readonly existingInstalmentsMinor: number;
}

/** The verdict with its reasons, most severe first. */
export interface InstallmentRiskVerdict {
  readonly level: InstallmentRiskLevel;
  /** Payment / income in basis points, or null without income. */
  readonly paymentShareBp: number | null;
  /** (Existing instalments + payment) / income in basis points, or null without income. */
  readonly debtToIncomeBp: number | null;
  readonly reasons: readonly InstallmentRiskReason[];
}

/** Upper bounds (inclusive) of the low and medium levels, in basis points of monthly income. */
export const INSTALLMENT_RISK_THRESHOLDS = {
  paymentShare: { low: 1_000, medium: 2_000 },
  debtToIncome: { low: 3_600, medium: 4_300 },
  existingInstalments: { low: 2_000 },
  /** In basis points of one month's income: 60 000 is six months. */
  totalVsIncome: { low: 60_000 },
} as const;

const RANK: Readonly<Record<InstallmentRiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** amount / income in basis points, rounded half-up (income > 0). */
function basisPoints(amountMinor: number, incomeMinor: number): number {
  const income = BigInt(incomeMinor);
  return Number((BigInt(amountMinor) * 20_000n + income) / (2n * income));
}

/** Whether amount / income ≤ bound / 10 000, exactly. */
function isWithin(amountMinor: number, incomeMinor: number, boundBp: number): boolean {
  return BigInt(amountMinor) * 10_000n <= BigInt(incomeMinor) * BigInt(boundBp);
}

function levelOf(
  amountMinor: number,
  incomeMinor: number,
  bounds: { low: number; medium?: number },
): InstallmentRiskLevel {
  if (isWithin(amountMinor, incomeMinor, bounds.low)) return 'low';
  if (bounds.medium === undefined || isWithin(amountMinor, incomeMinor, bounds.medium))
    return 'medium';
  return 'high';
}

function reason(
  code: InstallmentRiskReasonCode,
  amountMinor: number,
  incomeMinor: number,
  bounds: { low: number; medium?: number },
): InstallmentRiskReason {
  return {
    code,
    level: levelOf(amountMinor, incomeMinor, bounds),
    ratioBp: basisPoints(amountMinor, incomeMinor),
    amountMinor,
  };
}

/** Judges a new monthly installment against the person's income and existing instalments. */
export function assessInstallmentRisk(input: InstallmentRiskInput): InstallmentRiskVerdict {
  const { paymentMinor, totalPaidMinor, incomeMinor, existingInstalmentsMinor } = input;
  assertMinor(paymentMinor, 'paymentMinor', { nonNegative: true });
  assertMinor(totalPaidMinor, 'totalPaidMinor', { nonNegative: true });
  assertMinor(incomeMinor, 'incomeMinor', { nonNegative: true });
  assertMinor(existingInstalmentsMinor, 'existingInstalmentsMinor', { nonNegative: true });
  const allInstalments = existingInstalmentsMinor + paymentMinor;
  assertMinor(allInstalments, 'allInstalmentsMinor');
  const t = INSTALLMENT_RISK_THRESHOLDS;
  if (incomeMinor === 0) {
    return {
      level: 'high',
      paymentShareBp: null,
      debtToIncomeBp: null,
      reasons: [{ code: 'NO_INCOME', level: 'high', ratioBp: null, amountMinor: paymentMinor }],
    };
  }
  const reasons = [
    reason('DEBT_TO_INCOME', allInstalments, incomeMinor, t.debtToIncome),
    reason('PAYMENT_SHARE', paymentMinor, incomeMinor, t.paymentShare),
    ...(existingInstalmentsMinor > 0
      ? [
          reason(
            'EXISTING_INSTALMENTS',
            existingInstalmentsMinor,
            incomeMinor,
            t.existingInstalments,
          ),
        ]
      : []),
    reason('TOTAL_VS_INCOME', totalPaidMinor, incomeMinor, t.totalVsIncome),
  ];
  // Most severe first; among equals the order above (the ratios a lender looks at first).
  const sorted = reasons
    .map((r, index) => ({ r, index }))
    .sort((a, b) => RANK[b.r.level] - RANK[a.r.level] || a.index - b.index)
    .map(({ r }) => r);
  return {
    level: sorted[0]?.level ?? 'low',
    paymentShareBp: basisPoints(paymentMinor, incomeMinor),
    debtToIncomeBp: basisPoints(allInstalments, incomeMinor),
    reasons: sorted,
  };
}
