import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { MoneyAccountKindGql } from './money-account.type';

@InputType({ description: 'A new money account, in the budget currency.' })
export class CreateMoneyAccountInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => String, { description: '1 to 100 characters (trimmed).' })
  name!: string;
  @Field(() => MoneyAccountKindGql, { description: 'What kind of account it is.' })
  kind!: MoneyAccountKindGql;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The balance at the start of openingOn, exact; negative for money owed (cards, loans). 0 when absent.',
  })
  openingBalance?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the opening balance applies; today (budget time zone) when absent.',
  })
  openingOn?: string | null;
}

@InputType({
  description: 'Changes the given fields of an account when baseVersion is current.',
})
export class UpdateMoneyAccountInput {
  @Field(() => ID, { description: 'The account to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
  @Field(() => String, { nullable: true, description: 'A new name, 1 to 100 characters.' })
  name?: string | null;
  @Field(() => MoneyAccountKindGql, { nullable: true, description: 'A new kind.' })
  kind?: MoneyAccountKindGql | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'A new opening balance, exact; may be negative.',
  })
  openingBalance?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'A new opening day.' })
  openingOn?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Archive (true) or bring back (false); the default account cannot be archived.',
  })
  isArchived?: boolean | null;
}

@InputType({ description: 'Money moved between two of the person’s accounts.' })
export class CreateTransferInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => ID, { description: 'The account the money leaves.' })
  fromAccountId!: string;
  @Field(() => ID, { description: 'The account the money goes to (another one).' })
  toAccountId!: string;
  @Field(() => DecimalScalar, {
    description: 'Positive, in the budget currency, with at most its minor digits.',
  })
  amount!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The local day it happened; today (budget time zone) when absent.',
  })
  transferredOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Free text, at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'Changes the given fields of a transfer when baseVersion is current.' })
export class UpdateTransferInput {
  @Field(() => ID, { description: 'The transfer to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
  @Field(() => ID, { nullable: true, description: 'A new source account.' })
  fromAccountId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A new destination account.' })
  toAccountId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new positive amount.' })
  amount?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'A new local day.' })
  transferredOn?: string | null;
  @Field(() => String, { nullable: true, description: 'A new note, at most 500 characters.' })
  note?: string | null;
}
