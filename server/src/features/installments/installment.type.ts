import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { InstallmentRiskReason, InstallmentRow } from '@pace/engine';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import type { InstallmentPlanResult } from './installment.service';

export enum InstallmentRiskLevelGql {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
}
registerEnumType(InstallmentRiskLevelGql, {
  name: 'InstallmentRiskLevel',
  description: 'How risky taking on an installment looks against the person’s plan.',
  valuesConfig: {
    LOW: { description: 'Comfortably within the income.' },
    MEDIUM: { description: 'Affordable, but it leaves less room: think it over.' },
    HIGH: {
      description: 'Beyond what the income can safely carry (debt-to-income above 43 %, …).',
    },
  },
});

export enum InstallmentRiskReasonCodeGql {
  NO_INCOME = 'NO_INCOME',
  PAYMENT_SHARE = 'PAYMENT_SHARE',
  DEBT_TO_INCOME = 'DEBT_TO_INCOME',
  EXISTING_INSTALMENTS = 'EXISTING_INSTALMENTS',
  TOTAL_VS_INCOME = 'TOTAL_VS_INCOME',
}
registerEnumType(InstallmentRiskReasonCodeGql, {
  name: 'InstallmentRiskReasonCode',
  description: 'What a reason of a verdict judged.',
  valuesConfig: {
    NO_INCOME: { description: 'The plan has no income to repay from: HIGH.' },
    PAYMENT_SHARE: {
      description:
        'The new monthly payment as a share of income: LOW up to 10 %, MEDIUM up to 20 %.',
    },
    DEBT_TO_INCOME: {
      description:
        'Every monthly instalment, the new one included, as a share of income: LOW up to 36 %, MEDIUM up to 43 %, HIGH above.',
    },
    EXISTING_INSTALMENTS: {
      description:
        'What is already repaid each month (debt bills of the plan, recurring debt expenses): LOW up to 20 % of income, MEDIUM above.',
    },
    TOTAL_VS_INCOME: {
      description:
        'Everything the plan repays against one month of income: LOW up to 6 months of income, MEDIUM above.',
    },
  },
});

@ObjectType({ description: 'One monthly payment of an installment plan.' })
export class InstallmentPayment {
  @Field(() => Int, { description: '1 for the first payment.' }) number!: number;
  @Field(() => LocalDateScalar, { description: 'The day the payment is due.' }) dueOn!: string;
  @Field(() => Money, { description: 'interest + principal.' }) payment!: Money;
  @Field(() => Money, {
    description: 'One month of interest on the balance, rounded half-up to the minor unit.',
  })
  interest!: Money;
  @Field(() => Money, { description: 'The part of the payment that repays the loan.' })
  principal!: Money;
  @Field(() => Money, { description: 'What is still owed after this payment (0 after the last).' })
  balance!: Money;
}

@ObjectType('InstallmentRiskReason', {
  description: 'One reason of a verdict, with the figure it judged.',
})
export class InstallmentRiskReasonGql {
  @Field(() => InstallmentRiskReasonCodeGql, { description: 'What was judged.' })
  code!: InstallmentRiskReasonCodeGql;
  @Field(() => InstallmentRiskLevelGql, { description: 'The level this figure alone gives.' })
  level!: InstallmentRiskLevelGql;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The figure against monthly income, in percent with 2 decimals ("23.50"); for TOTAL_VS_INCOME in months of income ("8.25"). Null for NO_INCOME.',
  })
  ratio!: string | null;
  @Field(() => Money, {
    description:
      'The amount judged: the new payment, every instalment, the existing ones, or the total repaid.',
  })
  amount!: Money;
  @Field(() => String, { description: 'The reason in English, for integrations without a UI.' })
  message!: string;
}

@ObjectType({ description: 'How risky the installment looks against the person’s plan.' })
export class InstallmentVerdict {
  @Field(() => InstallmentRiskLevelGql, { description: 'The highest level of the reasons.' })
  level!: InstallmentRiskLevelGql;
  @Field(() => Money, { description: 'Monthly income of the plan (income + additional income).' })
  monthlyIncome!: Money;
  @Field(() => Money, {
    description:
      'What is already repaid each month: the plan’s bills on a debt category (mortgage, debt, loan, car payment) or the active recurring expenses on them, the larger of the two per category.',
  })
  existingInstalments!: Money;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The new payment as a percent of income ("12.50"); null without income.',
  })
  paymentShare!: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Every monthly instalment, the new one included, as a percent of income; above 43 is HIGH. Null without income.',
  })
  debtToIncome!: string | null;
  @Field(() => [InstallmentRiskReasonGql], { description: 'The reasons, most severe first.' })
  reasons!: InstallmentRiskReasonGql[];
}

@ObjectType({
  description:
    'An amortisation schedule exact to the minor unit: equal monthly payments (M = P·r(1+r)^n / ((1+r)^n − 1), r = APR / 12, rounded half-up), the last one absorbing the rounding; at 0 % an exact split. Computed, never stored.',
})
export class InstallmentPlan {
  @Field(() => Money, { description: 'The amount borrowed.' }) principal!: Money;
  @Field(() => DecimalScalar, { description: 'The APR in percent, as given.' }) apr!: string;
  @Field(() => Int, { description: 'Number of monthly payments.' }) months!: number;
  @Field(() => Money, { description: 'The regular monthly payment (the first one).' })
  monthlyPayment!: Money;
  @Field(() => Money, { description: 'The last payment, which absorbs the rounding.' })
  lastPayment!: Money;
  @Field(() => Money, { description: 'The sum of every month’s interest.' })
  totalInterest!: Money;
  @Field(() => Money, { description: 'principal + totalInterest: the sum of every payment.' })
  totalPaid!: Money;
  @Field(() => [InstallmentPayment], { description: 'Every payment, in order.' })
  schedule!: InstallmentPayment[];
  @Field(() => InstallmentVerdict, { description: 'The risk verdict against the person’s plan.' })
  verdict!: InstallmentVerdict;
}

/** Basis points as a 2-decimal string ("2350" → "23.50"). */
function fromBasisPoints(bp: number | null): string | null {
  if (bp === null) return null;
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

const REASON_MESSAGES: Readonly<
  Record<InstallmentRiskReasonCodeGql, (ratio: string | null, amount: string) => string>
> = {
  NO_INCOME: () => 'The plan has no income to repay the installment from.',
  PAYMENT_SHARE: (ratio, amount) => `The payment of ${amount} is ${ratio} % of monthly income.`,
  DEBT_TO_INCOME: (ratio, amount) =>
    `All monthly instalments together (${amount}) take ${ratio} % of income (above 43 % is high).`,
  EXISTING_INSTALMENTS: (ratio, amount) =>
    `${amount} a month already goes to other debts (${ratio} % of income).`,
  TOTAL_VS_INCOME: (ratio, amount) =>
    `Everything repaid (${amount}) equals ${ratio} months of income.`,
};

function toReason(reason: InstallmentRiskReason, currency: string): InstallmentRiskReasonGql {
  const code = reason.code as InstallmentRiskReasonCodeGql;
  // TOTAL_VS_INCOME is in months of income: 10 000 bp is one month.
  const ratio =
    code === InstallmentRiskReasonCodeGql.TOTAL_VS_INCOME && reason.ratioBp !== null
      ? fromBasisPoints(Math.floor((reason.ratioBp + 50) / 100))
      : fromBasisPoints(reason.ratioBp);
  const amount = toMoney(reason.amountMinor, currency);
  return Object.assign(new InstallmentRiskReasonGql(), {
    code,
    level: reason.level as InstallmentRiskLevelGql,
    ratio,
    amount,
    message: REASON_MESSAGES[code](ratio, `${amount.amount} ${currency}`),
  });
}

function toPayment(row: InstallmentRow, currency: string): InstallmentPayment {
  return Object.assign(new InstallmentPayment(), {
    number: row.number,
    dueOn: row.dueOn,
    payment: toMoney(row.paymentMinor, currency),
    interest: toMoney(row.interestMinor, currency),
    principal: toMoney(row.principalMinor, currency),
    balance: toMoney(row.balanceMinor, currency),
  });
}

export function toInstallmentPlan(result: InstallmentPlanResult, apr: string): InstallmentPlan {
  const { currency, schedule, verdict } = result;
  const money = (minor: number) => toMoney(minor, currency);
  return Object.assign(new InstallmentPlan(), {
    principal: money(schedule.principalMinor),
    apr,
    months: schedule.payments,
    monthlyPayment: money(schedule.paymentMinor),
    lastPayment: money(schedule.lastPaymentMinor),
    totalInterest: money(schedule.totalInterestMinor),
    totalPaid: money(schedule.totalPaidMinor),
    schedule: schedule.rows.map((row) => toPayment(row, currency)),
    verdict: Object.assign(new InstallmentVerdict(), {
      level: verdict.level as InstallmentRiskLevelGql,
      monthlyIncome: money(result.incomeMinor),
      existingInstalments: money(result.existingInstalmentsMinor),
      paymentShare: fromBasisPoints(verdict.paymentShareBp),
      debtToIncome: fromBasisPoints(verdict.debtToIncomeBp),
      reasons: verdict.reasons.map((reason) => toReason(reason, currency)),
    }),
  });
}
