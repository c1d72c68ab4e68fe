import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { Node } from '../../graphql/node';
import { LocalDateScalar } from '../../graphql/scalars';
import { Transaction, toTransaction } from '../transactions';
import type { SplitResult } from './split.service';
import type { SplitRow } from './split.table';

@ObjectType({
  implements: Node,
  description:
    'One payment spread over several categories. Each part is a transaction (with `splitId`) in its own category and counts on that category’s day; the live parts add up to `total` exactly.',
})
export class Split {
  @Field(() => ID, { description: 'The split’s id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => Money, { description: 'What was paid in all, in the budget currency; exact.' })
  total!: Money;
  @Field(() => Date, { description: 'When it was paid (an instant); every part shares it.' })
  occurredAt!: Date;
  @Field(() => LocalDateScalar, {
    description: 'The local day every part is booked on, in the user’s zone.',
  })
  bookedOn!: string;
  @Field(() => String, { nullable: true, description: 'Who was paid; null when not given.' })
  payee!: string | null;
  @Field(() => String, { description: 'Free text about the payment; empty when none.' })
  description!: string;
  @Field(() => [ID], {
    description:
      'The live parts’ transaction ids, in the order entered; empty once the split is deleted.',
  })
  partIds!: string[];
  @Field(() => Int, { description: 'Pass it as baseVersion when editing the split.' })
  version!: number;
  @Field(() => Date, { description: 'When it was first stored.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed or deleted.' }) updatedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'Set when deleted (a tombstone; its parts are tombstones too).',
  })
  deletedAt!: Date | null;
}

@ObjectType({ description: 'The outcome of a split write.' })
export class SplitPayload {
  @Field(() => Split, {
    description: 'The split as stored now (the current one after a conflict or a replay).',
  })
  split!: Split;
  @Field(() => [Transaction], {
    description: 'Its live parts, in the order entered; empty after a delete.',
  })
  parts!: Transaction[];
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current record is returned.',
  })
  conflict!: boolean;
}

export function toSplit(row: SplitRow): Split {
  return Object.assign(new Split(), {
    ...row,
    total: toMoney(row.totalMinor, row.currency),
    partIds: row.deletedAt ? [] : row.partIds,
  });
}

export function toSplitPayload(result: SplitResult): SplitPayload {
  return Object.assign(new SplitPayload(), {
    split: toSplit(result.split),
    parts: result.parts.map(toTransaction),
    conflict: result.conflict,
  });
}
