import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { TransactionDirectionGql, TransactionSourceGql } from './transaction.type';
import { TagMatchGql } from './transaction-tag.type';

const TAGS_RULE =
  'trimmed, lower-cased, inner spaces collapsed, a leading # removed, duplicates merged; each 1 to 40 characters, at most 20';

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
    nullable: true,
    description:
      'Positive, in the budget currency, with at most its minor digits (never rounded). Required unless the transaction was paid in another currency (paidAmount and paidCurrency).',
  })
  amount?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description:
      'The currency of `amount`: the budget currency (the default); any other is refused with CURRENCY_MISMATCH. For an amount paid in another currency use paidAmount and paidCurrency.',
  })
  currency?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Paid in another currency: the amount as paid, positive, with at most that currency’s minor digits. It is converted into the budget currency at the rate of the booking date (docs/currencies.md); leave `amount` out.',
  })
  paidAmount?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description:
      'The currency paidAmount is in. The budget currency books paidAmount as a plain amount.',
  })
  paidCurrency?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The rate a card statement printed for this line (budget-currency units per one paid unit); used instead of a looked-up rate.',
  })
  paidRate?: string | null;
  @Field(() => TransactionDirectionGql, { nullable: true, description: 'Default EXPENSE.' })
  direction?: TransactionDirectionGql | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A category id or alias (food → groceries). Absent or null: the person’s rules decide, then the merchant dictionary, then Flex.',
  })
  categoryId?: string | null;
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
  @Field(() => [String], {
    nullable: true,
    description: `Free tags (${TAGS_RULE}); none when absent.`,
  })
  tags?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account it moved (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND.',
  })
  accountId?: string | null;
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
    description: 'Only the budget currency is accepted (see paidCurrency for another one).',
  })
  currency?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'A new amount as paid, in paidCurrency (or the currency it was paid in); converted again at the booking date’s rate. Leave `amount` out.',
  })
  paidAmount?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description:
      'A new paid currency (give paidAmount with it); the budget currency makes it a plain transaction.',
  })
  paidCurrency?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'A card statement’s rate for this line (budget-currency units per one paid unit), used instead of a looked-up rate.',
  })
  paidRate?: string | null;
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
  @Field(() => [String], {
    nullable: true,
    description: `The whole new set of tags (${TAGS_RULE}); an empty list removes them all.`,
  })
  tags?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Moves it to this money account (`accounts`); unchanged when absent or null. Another person’s or an unknown id: NOT_FOUND.',
  })
  accountId?: string | null;
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
  @Field(() => String, {
    nullable: true,
    description:
      'Default: the person’s rules, then the merchant dictionary read the note, else Flex.',
  })
  categoryId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A few words (e.g. "coffee"); becomes the description and may pick the category.',
  })
  note?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: `Free tags (${TAGS_RULE}); none when absent.`,
  })
  tags?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account it was paid from (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND.',
  })
  accountId?: string | null;
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
  @Field(() => ID, {
    nullable: true,
    description:
      'In a shared household budget: only what this member booked (a `HouseholdMember.userId`; the owner’s id lists the owner’s own bookings).',
  })
  memberId?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'Only transactions with these tags (spelt as stored after the same normalisation as on write), combined as `tagMatch` says; all when empty.',
  })
  tags?: string[] | null;
  @Field(() => TagMatchGql, {
    nullable: true,
    description: 'How `tags` combine: ANY (the default) or ALL.',
  })
  tagMatch?: TagMatchGql | null;
  @Field(() => String, {
    nullable: true,
    description: 'In the merchant (case-insensitive substring).',
  })
  payee?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'In the description (case-insensitive substring).',
  })
  note?: string | null;
}
