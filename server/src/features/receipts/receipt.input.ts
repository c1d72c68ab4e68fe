import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';

@InputType({
  description:
    'The person’s reviewed values of a receipt: they become one expense, booked on `bookedOn`.',
})
export class ConfirmReceiptInput {
  @Field(() => ID, { description: 'The receipt to confirm.' })
  receiptId!: string;
  @Field(() => String, { description: 'Who was paid, 1–500 characters.' })
  merchant!: string;
  @Field(() => LocalDateScalar, { description: 'The day to book it on (the receipt’s date).' })
  bookedOn!: string;
  @Field(() => DecimalScalar, {
    description: 'The total paid, positive, with at most the currency’s minor digits.',
  })
  amount!: string;
  @Field(() => CurrencyCodeScalar, {
    description: 'The amount’s currency; only the budget currency is accepted.',
  })
  currency!: string;
  @Field(() => String, { description: 'A category id or alias (food → groceries).' })
  categoryId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Free text, at most 500 characters; empty when absent.',
  })
  description?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account it was paid from (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing booked.',
  })
  accountId?: string | null;
}
