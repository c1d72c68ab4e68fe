import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';

export enum RolloverSetting {
  SPREAD = 'spread',
  NEXT_DAY = 'next_day',
  SAVINGS = 'savings',
}
registerEnumType(RolloverSetting, {
  name: 'RolloverSetting',
  description:
    'Where a finished day’s underspend goes (in categories that are neither fixed nor sacred).',
  valuesConfig: {
    SPREAD: { description: 'Over the same category’s remaining days of the month (the default).' },
    NEXT_DAY: { description: 'To the same category’s next day.' },
    SAVINGS: { description: 'Into savings.' },
  },
});

@InputType('BillInput', { description: 'A fixed bill: the whole amount on its due day.' })
export class BillInputGql {
  @Field(() => String, { description: 'What the bill is for, e.g. "Rent".' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'In the budget currency.' })
  amount!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Day of the month (1–31); defaults by category.',
  })
  dueDay?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A built-in category id; otherwise resolved from the name.',
  })
  categoryId?: string | null;
}

@InputType('HabitsInput', {
  description:
    'Spending habits that shape the category targets and spending days; absent or 0 means none.',
})
export class HabitsInputGql {
  @Field(() => Int, {
    nullable: true,
    description:
      'Meals out per month (whole number ≥ 0): a larger dining share and that many dining days.',
  })
  diningPerMonth?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Coffees bought per week (whole number ≥ 0): adds a coffee category.',
  })
  coffeePerWeek?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Trips per year (whole number ≥ 0): adds a flights/travel category.',
  })
  travelPerYear?: number | null;
}

@InputType({
  description:
    'A savings goal made with the first plan, checked as `createGoal` checks it; a dated one gets its reservation in that plan.',
})
export class OnboardingGoalInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;

  @Field(() => String, { description: 'What the person saves for, 1 to 100 characters (trimmed).' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'In the budget currency; more than zero.' })
  target!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Today or later; the plan then reserves for it every month until that day.',
  })
  targetOn?: string | null;

  @Field(() => Int, { nullable: true, description: '1 (default) to 100; 1 is served first.' })
  priority?: number | null;
}

@InputType({
  description: 'What the first plan is made from. Replaying onboarding returns the existing plan.',
})
export class CompleteOnboardingInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;

  @Field(() => CurrencyCodeScalar, {
    description: 'The budget currency: every amount of the budget is in it.',
  })
  currency!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Region profile, e.g. US, US-CA; defaults by currency.',
  })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone; defaults to the account’s.',
  })
  timeZone?: string | null;

  @Field(() => DecimalScalar, {
    description: 'Monthly income, in the budget currency (exact: never rounded).',
  })
  income!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Other monthly income, in the budget currency; added to income. 0 when absent.',
  })
  additionalIncome?: string | null;

  @Field(() => [BillInputGql], {
    defaultValue: [],
    description: 'Fixed monthly bills, each placed whole on its due day.',
  })
  bills!: BillInputGql[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Monthly savings target, in the budget currency; 0 when absent. Lowered (never below 0) when it does not fit.',
  })
  savingsTarget?: string | null;

  @Field(() => HabitsInputGql, {
    nullable: true,
    description: 'Spending habits; none when absent.',
  })
  habits?: HabitsInputGql | null;

  @Field(() => RolloverSetting, {
    nullable: true,
    description: 'Where a finished day’s underspend goes; SPREAD when absent.',
  })
  rollover?: RolloverSetting | null;

  @Field(() => [OnboardingGoalInput], {
    nullable: true,
    description:
      'Savings goals (at most 10) made in the same transaction as the plan; none when absent. A replay makes none again.',
  })
  goals?: OnboardingGoalInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'At each month’s close, move what the month left unspent into active goals by priority (docs/goals.md); false when absent.',
  })
  surplusToGoals?: boolean | null;
}

@InputType({
  description:
    'Changes to the plan settings; the next plans use them, the rollover applies at once. An absent or null field stays as it is.',
})
export class UpdatePlanSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The settings `version` the edit is based on; when stale nothing changes and `conflict` is true. Absent: no check.',
  })
  baseVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Region profile, ISO 3166 (e.g. US, US-CA; case-insensitive).',
  })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone of the budget, e.g. Europe/Berlin; local days are counted in it.',
  })
  timeZone?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Monthly income, in the budget currency (exact).',
  })
  income?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Other monthly income, in the budget currency (exact).',
  })
  additionalIncome?: string | null;

  @Field(() => [BillInputGql], {
    nullable: true,
    description: 'The whole list of fixed bills, replacing the current one.',
  })
  bills?: BillInputGql[] | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Monthly savings target, in the budget currency (exact).',
  })
  savingsTarget?: string | null;

  @Field(() => HabitsInputGql, {
    nullable: true,
    description: 'Spending habits, replacing the current ones.',
  })
  habits?: HabitsInputGql | null;

  @Field(() => RolloverSetting, {
    nullable: true,
    description: 'Where a finished day’s underspend goes; applies at once.',
  })
  rollover?: RolloverSetting | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'At each month’s close, move what the month left unspent into active goals by priority; applies from the next close.',
  })
  surplusToGoals?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Expenses above this amount send a large-transaction alert (default: about 200 USD in the budget currency).',
  })
  largeTransactionThreshold?: string | null;
}

@InputType({ description: 'Remake this month’s plan from the current settings.' })
export class RegeneratePlanInput {
  @Field(() => Int, { nullable: true, description: 'The plan version the request is based on.' })
  baseVersion?: number | null;
}
