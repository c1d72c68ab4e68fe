import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { TransactionDirectionGql, TransactionSourceGql } from './transaction.type';

@InputType({
  description:
    'A new transaction. It is booked on a local day of the budget’s time zone and recomputes that month.',
})
export class CreateTransactionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-generated UUID: replaying the create changes nothing.',
  })
  id?: string | null;
  @Field(() => DecimalScalar, {
    description: 'Positive, in the budget currency, with at most its minor digits (never rounded).',
  })
  amount!: string;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'Defaults to the budget currency; any other currency is refused.',
  })
  currency?: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true, description: 'Default EXPENSE.' })
  direction?: TransactionDirectionGql | null;
  @Field(() => String, { description: 'A category id or alias (food → groceries).' })
  categoryId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Free text, at most 500 characters; empty when absent.',
  })
  description?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who was paid, at most 500 characters.',
  })
  merchant?: string | null;
  @Field(() => Date, { nullable: true, description: 'Default now.' }) occurredAt?: Date | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'A date picked in the UI; else derived from occurredAt in the budget’s time zone. Without occurredAt the instant is the start of that local day.',
  })
  bookedOn?: string | null;
}

@InputType({
  description:
    'Changes to a transaction: an absent field stays as it is, and so does a null one except `merchant`.',
})
export class UpdateTransactionInput {
  @Field(() => ID, { description: 'The transaction to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'A new positive amount, in the budget currency (never rounded).',
  })
  amount?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'Only the budget currency is accepted.',
  })
  currency?: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true, description: 'A new direction.' })
  direction?: TransactionDirectionGql | null;
  @Field(() => String, {
    nullable: true,
    description: 'A new category id or alias.',
  })
  categoryId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'New free text, at most 500 characters.',
  })
  description?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A new merchant, at most 500 characters; null clears it.',
  })
  merchant?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'A new instant; without bookedOn the local day is derived from it again.',
  })
  occurredAt?: Date | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A new local day, as picked in the UI; it moves the transaction to that month.',
  })
  bookedOn?: string | null;
}

@InputType({ description: 'An expense now, in two taps.' })
export class QuickExpenseInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-generated UUID: replaying the expense changes nothing.',
  })
  id?: string | null;
  @Field(() => DecimalScalar, {
    description: 'Positive, in the budget currency, with at most its minor digits.',
  })
  amount!: string;
  @Field(() => String, { nullable: true, description: 'Default: from the note, else Flex.' })
  categoryId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A few words (e.g. "coffee"); becomes the description and may pick the category.',
  })
  note?: string | null;
}

@InputType({ description: 'Narrows the ledger; every field given must match.' })
export class TransactionFilter {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only transactions booked on this local day or later.',
  })
  from?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only transactions booked on this local day or earlier.',
  })
  to?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Only these categories (canonical ids); all when empty.',
  })
  categoryIds?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'In the description or merchant (case-insensitive substring).',
  })
  text?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only amounts at least this, in the budget currency.',
  })
  minAmount?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only amounts at most this, in the budget currency.',
  })
  maxAmount?: string | null;
  @Field(() => [TransactionSourceGql], {
    nullable: true,
    description: 'Only these sources; all when empty.',
  })
  sources?: TransactionSourceGql[] | null;
}
