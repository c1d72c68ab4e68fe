import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { TransactionDirectionGql, TransactionSourceGql } from './transaction.type';

@InputType()
export class CreateTransactionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-generated UUID: replaying the create changes nothing.',
  })
  id?: string | null;
  @Field(() => DecimalScalar, {
    description: 'Positive, with at most the currency’s minor digits.',
  })
  amount!: string;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'Defaults to the budget currency.',
  })
  currency?: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true, description: 'Default EXPENSE.' })
  direction?: TransactionDirectionGql | null;
  @Field(() => String, { description: 'A category id or alias (food → groceries).' })
  categoryId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) merchant?: string | null;
  @Field(() => Date, { nullable: true, description: 'Default now.' }) occurredAt?: Date | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A date picked in the UI; else derived from occurredAt.',
  })
  bookedOn?: string | null;
}

@InputType()
export class UpdateTransactionInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version the edit is based on.' }) baseVersion!: number;
  @Field(() => DecimalScalar, { nullable: true }) amount?: string | null;
  @Field(() => CurrencyCodeScalar, { nullable: true }) currency?: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true })
  direction?: TransactionDirectionGql | null;
  @Field(() => String, { nullable: true }) categoryId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) merchant?: string | null;
  @Field(() => Date, { nullable: true }) occurredAt?: Date | null;
  @Field(() => LocalDateScalar, { nullable: true }) bookedOn?: string | null;
}

@InputType({ description: 'An expense now, in two taps.' })
export class QuickExpenseInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, { nullable: true, description: 'Default: from the note, else Flex.' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class TransactionFilter {
  @Field(() => LocalDateScalar, { nullable: true }) from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) to?: string | null;
  @Field(() => [String], { nullable: true }) categoryIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'In the description or merchant.' }) text?:
    string | null;
  @Field(() => DecimalScalar, { nullable: true }) minAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) maxAmount?: string | null;
  @Field(() => [TransactionSourceGql], { nullable: true }) sources?: TransactionSourceGql[] | null;
}
