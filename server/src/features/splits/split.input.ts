import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';

@InputType({ description: 'One part of a split payment: a category and its share.' })
export class SplitPartInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Client-generated UUID of the part’s transaction (for offline mirrors); in `updateSplit`, the id of a part to keep. Generated when absent.',
  })
  id?: string | null;
  @Field(() => String, {
    description: 'A category id or alias; a goal’s category (`goal:<id>`) counts towards the goal.',
  })
  categoryId!: string;
  @Field(() => DecimalScalar, {
    description: 'Positive, in the budget currency, with at most its minor digits (never rounded).',
  })
  amount!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A note for this part (its description), at most 500 characters.',
  })
  note?: string | null;
}

@InputType({
  description:
    'A payment across several categories: 2 to 20 parts whose amounts add up to the total exactly.',
})
export class CreateSplitTransactionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-generated UUID: replaying the create changes nothing.',
  })
  id?: string | null;
  @Field(() => DecimalScalar, {
    description: 'What was paid in all: positive, in the budget currency (never rounded).',
  })
  total!: string;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'Defaults to the budget currency; any other currency is refused.',
  })
  currency?: string | null;
  @Field(() => [SplitPartInput], { description: 'The parts, in the order they are shown.' })
  parts!: SplitPartInput[];
  @Field(() => String, {
    nullable: true,
    description: 'Who was paid (each part’s merchant), at most 500 characters.',
  })
  payee?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Free text about the payment, at most 500 characters.',
  })
  description?: string | null;
  @Field(() => Date, { nullable: true, description: 'Default now.' }) occurredAt?: Date | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A date picked in the UI; else derived from occurredAt in the budget’s time zone.',
  })
  bookedOn?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'A plain transaction of yours that this split takes the place of: it is deleted in the same write.',
  })
  replacesTransactionId?: string | null;
}

@InputType({
  description:
    'A split’s new parts (the whole list: parts left out are deleted) and shared fields; an absent field stays as it is.',
})
export class UpdateSplitInput {
  @Field(() => ID, { description: 'The split to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'A new total; the parts must add up to it (or to the current one) exactly.',
  })
  total?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'Only the budget currency is accepted.',
  })
  currency?: string | null;
  @Field(() => [SplitPartInput], {
    description: 'All the parts from now on; a part keeps its transaction when its id is given.',
  })
  parts!: SplitPartInput[];
  @Field(() => String, { nullable: true, description: 'A new payee; null clears it.' })
  payee?: string | null;
  @Field(() => String, { nullable: true, description: 'New free text.' })
  description?: string | null;
  @Field(() => Date, { nullable: true, description: 'A new instant for every part.' })
  occurredAt?: Date | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A new local day for every part; it moves them to that month.',
  })
  bookedOn?: string | null;
}
