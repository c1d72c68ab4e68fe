import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar } from '../../graphql/scalars';

export enum RolloverSetting {
  SPREAD = 'spread',
  NEXT_DAY = 'next_day',
  SAVINGS = 'savings',
}
registerEnumType(RolloverSetting, {
  name: 'RolloverSetting',
  description: 'Where a finished day’s underspend goes.',
});

@InputType({ description: 'A fixed bill: the whole amount on its due day.' })
export class BillInputGql {
  @Field(() => String)
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

@InputType()
export class HabitsInputGql {
  @Field(() => Int, { nullable: true })
  diningPerMonth?: number | null;

  @Field(() => Int, { nullable: true })
  coffeePerWeek?: number | null;

  @Field(() => Int, { nullable: true })
  travelPerYear?: number | null;
}

@InputType({
  description: 'What the first plan is made from. Replaying onboarding returns the existing plan.',
})
export class CompleteOnboardingInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;

  @Field(() => CurrencyCodeScalar)
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

  @Field(() => DecimalScalar, { description: 'Monthly income.' })
  income!: string;

  @Field(() => DecimalScalar, { nullable: true })
  additionalIncome?: string | null;

  @Field(() => [BillInputGql], { defaultValue: [] })
  bills!: BillInputGql[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Monthly savings target.' })
  savingsTarget?: string | null;

  @Field(() => HabitsInputGql, { nullable: true })
  habits?: HabitsInputGql | null;

  @Field(() => RolloverSetting, { nullable: true })
  rollover?: RolloverSetting | null;
}

@InputType({
  description:
    'Changes to the plan settings; the next plans use them, the rollover applies at once.',
})
export class UpdatePlanSettingsInput {
  @Field(() => Int, { nullable: true, description: 'The settings version the edit is based on.' })
  baseVersion?: number | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  income?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  additionalIncome?: string | null;

  @Field(() => [BillInputGql], { nullable: true })
  bills?: BillInputGql[] | null;

  @Field(() => DecimalScalar, { nullable: true })
  savingsTarget?: string | null;

  @Field(() => HabitsInputGql, { nullable: true })
  habits?: HabitsInputGql | null;

  @Field(() => RolloverSetting, { nullable: true })
  rollover?: RolloverSetting | null;

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
