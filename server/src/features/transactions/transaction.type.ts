import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar } from '../../graphql/scalars';
import { cursorOf, type TransactionPage } from './transaction-list.service';
import type { TransactionResult } from './transaction.service';
import type { TransactionRow } from './transaction.table';

export enum TransactionDirectionGql {
  EXPENSE = 'expense',
  INCOME = 'income',
  TRANSFER = 'transfer',
}
registerEnumType(TransactionDirectionGql, { name: 'TransactionDirection' });

export enum TransactionSourceGql {
  MANUAL = 'manual',
  QUICK = 'quick',
  IMPORT = 'import',
  RECEIPT = 'receipt',
  RECURRING = 'recurring',
}
registerEnumType(TransactionSourceGql, { name: 'TransactionSource' });

@ObjectType({
  description: 'A ledger entry. Amounts are positive; the direction says what it does.',
})
export class Transaction {
  @Field(() => ID) id!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => TransactionDirectionGql) direction!: TransactionDirectionGql;
  @Field(() => ID) categoryId!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) merchant!: string | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => LocalDateScalar, {
    description: 'The local date, derived once at write time in the user’s zone.',
  })
  bookedOn!: string;
  @Field(() => TransactionSourceGql) source!: TransactionSourceGql;
  @Field(() => Int, { description: 'Pass it as baseVersion when editing.' }) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Set when deleted (a tombstone).' })
  deletedAt!: Date | null;
}

@ObjectType()
export class TransactionPayload {
  @Field(() => Transaction) transaction!: Transaction;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current record is returned.',
  })
  conflict!: boolean;
}

@ObjectType()
export class TransactionEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Transaction) node!: Transaction;
}

@ObjectType()
export class TransactionPageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class TransactionConnection {
  @Field(() => [TransactionEdge]) edges!: TransactionEdge[];
  @Field(() => TransactionPageInfo) pageInfo!: TransactionPageInfo;
}

export function toTransaction(row: TransactionRow): Transaction {
  return Object.assign(new Transaction(), {
    ...row,
    amount: toMoney(row.amountMinor, row.currency),
    direction: row.direction as TransactionDirectionGql,
    source: row.source as TransactionSourceGql,
  });
}

export function toTransactionPayload(result: TransactionResult): TransactionPayload {
  return Object.assign(new TransactionPayload(), {
    transaction: toTransaction(result.transaction),
    conflict: result.conflict,
  });
}

export function toTransactionConnection(page: TransactionPage): TransactionConnection {
  const edges = page.rows.map((row) =>
    Object.assign(new TransactionEdge(), { cursor: cursorOf(row), node: toTransaction(row) }),
  );
  return Object.assign(new TransactionConnection(), {
    edges,
    pageInfo: Object.assign(new TransactionPageInfo(), {
      hasNextPage: page.hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  });
}
