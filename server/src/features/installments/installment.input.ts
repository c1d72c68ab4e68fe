import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';

@InputType({
  description:
    'A loan or purchase repaid in equal monthly payments, in the person’s budget currency.',
})
export class InstallmentPlanInput {
  @Field(() => DecimalScalar, {
    description:
      'The amount borrowed, in the budget currency: more than 0, with no more decimals than the currency has.',
  })
  principal!: string;

  @Field(() => DecimalScalar, {
    description:
      'The annual percentage rate in percent, e.g. "12" or "7.99": 0 to 100, at most 4 decimals. 0 splits the principal exactly.',
  })
  apr!: string;

  @Field(() => Int, { description: 'How many monthly payments: 1 to 600.' })
  months!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The day of the first payment; the others fall on the same day of later months (clamped to a short month’s end). Default: the same day next month, in the budget’s time zone.',
  })
  firstPaymentOn?: string | null;
}
