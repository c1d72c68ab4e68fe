import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar } from '../../graphql/scalars';
import { cursorOf, type TransactionPage } from './transaction-list.service';
import type { TransactionResult } from './transaction.service';
import type { TransactionRow } from './transaction.table';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';

export enum TransactionDirectionGql {
  EXPENSE = 'expense',
  INCOME = 'income',
  TRANSFER = 'transfer',
}
registerEnumType(TransactionDirectionGql, {
  name: 'TransactionDirection',
  description: 'Which way the money moved; amounts are always positive.',
  valuesConfig: {
    EXPENSE: { description: 'Money spent: counts against the category’s budget.' },
    INCOME: { description: 'Money received; not spending.' },
    TRANSFER: {
      description: 'Money moved rather than spent or earned (e.g. between own accounts).',
    },
  },
});

export enum TransactionSourceGql {
  MANUAL = 'manual',
  QUICK = 'quick',
  IMPORT = 'import',
  RECEIPT = 'receipt',
  RECURRING = 'recurring',
  GOAL_ROLLOVER = 'goal_rollover',
}
registerEnumType(TransactionSourceGql, {
  name: 'TransactionSource',
  description: 'How a transaction entered the ledger.',
  valuesConfig: {
    MANUAL: { description: 'Entered with `createTransaction` or `contributeToGoal`.' },
    QUICK: { description: 'Entered with `quickExpense`.' },
    IMPORT: { description: 'From a bank file imported with `importTransactions`.' },
    RECEIPT: { description: 'From a scanned receipt, booked by `confirmReceipt`.' },
    RECURRING: { description: 'Booked by a recurring transaction on its due day.' },
    GOAL_ROLLOVER: {
      description:
        'Booked at a month’s close: what the month left unspent, moved into a goal as a transfer (docs/goals.md).',
    },
  },
});

@ObjectType({
  implements: Node,
  description: 'A ledger entry. Amounts are positive; the direction says what it does.',
})
export class Transaction {
  @Field(() => ID, { description: 'The transaction’s id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => Money, { description: 'Positive, in the budget currency; exact.' })
  amount!: Money;
  @Field(() => TransactionDirectionGql, { description: 'Expense, income or transfer.' })
  direction!: TransactionDirectionGql;
  @Field(() => ID, {
    description: 'The canonical category id it is booked on (an alias given is resolved).',
  })
  categoryId!: string;
  @Field(() => String, { description: 'Free text; empty when none was given.' })
  description!: string;
  @Field(() => String, { nullable: true, description: 'Who was paid; null when not given.' })
  merchant!: string | null;
  @Field(() => Date, { description: 'When it happened (an instant).' })
  occurredAt!: Date;
  @Field(() => LocalDateScalar, {
    description: 'The local date, derived once at write time in the user’s zone.',
  })
  bookedOn!: string;
  @Field(() => TransactionSourceGql, { description: 'How it entered the ledger.' })
  source!: TransactionSourceGql;
  @Field(() => [String], {
    description:
      'Free tags, in canonical spelling (lower-case, no #), in the order first given; empty when none. Stored unencrypted.',
  })
  tags!: string[];
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account it moved (`accounts`); null: the default account (the one with isDefault).',
  })
  accountId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The split payment it is a part of (`split`); null for a plain transaction. A part’s category and note may be edited alone; its amount, day and payee only through `updateSplit`.',
  })
  splitId!: string | null;
  @Field(() => Int, { description: 'Pass it as baseVersion when editing.' }) version!: number;
  @Field(() => Date, { description: 'When it was first stored.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed, deleted or restored.' })
  updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Set when deleted (a tombstone).' })
  deletedAt!: Date | null;
}

@ObjectType({ description: 'The outcome of a transaction write.' })
export class TransactionPayload {
  @Field(() => Transaction, {
    description: 'The transaction as stored now (the current one after a conflict or a replay).',
  })
  transaction!: Transaction;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current record is returned.',
  })
  conflict!: boolean;
}

@ObjectType({ description: 'One transaction in a page of the ledger.' })
export class TransactionEdge {
  @Field(() => String, {
    description: 'Opaque; pass it as `after` to read the transactions that follow this one.',
  })
  cursor!: string;
  @Field(() => Transaction, { description: 'The transaction.' })
  node!: Transaction;
}

@ObjectType({ description: 'Where a page of the ledger stands.' })
export class TransactionPageInfo {
  @Field(() => Boolean, { description: 'Whether older transactions follow this page.' })
  hasNextPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s last transaction, for `after`; null when it is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({
  description: 'A page of live transactions, newest first (by local day, then instant, then id).',
})
export class TransactionConnection {
  @Field(() => [TransactionEdge], { description: 'The transactions of this page.' })
  edges!: TransactionEdge[];
  @Field(() => TransactionPageInfo, { description: 'Whether more follow, and from where.' })
  pageInfo!: TransactionPageInfo;
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

/**
 * The ledger a page at a time, forward or backward. Named `TransactionList…` because
 * `TransactionConnection` is the deprecated `transactions` field's type until it is removed.
 */
export const TransactionListConnection = connectionTypes(
  Transaction,
  'TransactionList',
  'transactions',
);
