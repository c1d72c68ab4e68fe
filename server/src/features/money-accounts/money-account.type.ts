import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';
import { CurrencyCodeScalar, LocalDateScalar } from '../../graphql/scalars';
import { Transaction } from '../transactions';
import type {
  MoneyAccountResult,
  MoneyAccountView,
  NetWorthPoint as NetWorthValue,
} from './money-account.service';
import type { AccountReconciliationRow, TransferRow } from './money-account.table';
import type { TransferResult } from './transfer.service';

export enum MoneyAccountKindGql {
  CASH = 'cash',
  CHECKING = 'checking',
  SAVINGS = 'savings',
  CREDIT_CARD = 'credit_card',
  LOAN = 'loan',
}
registerEnumType(MoneyAccountKindGql, {
  name: 'MoneyAccountKind',
  description: 'What kind of money an account holds.',
  valuesConfig: {
    CASH: { description: 'Notes and coins in hand.' },
    CHECKING: { description: 'An everyday bank account.' },
    SAVINGS: { description: 'A savings account.' },
    CREDIT_CARD: {
      description: 'A credit card: its balance is usually negative (what is owed).',
    },
    LOAN: { description: 'A loan: its balance is negative (what is still owed).' },
  },
});

export enum AccountEntryKind {
  TRANSACTION = 'transaction',
  TRANSFER = 'transfer',
}
registerEnumType(AccountEntryKind, {
  name: 'AccountEntryKind',
  description: 'What a line of an account’s register is.',
  valuesConfig: {
    TRANSACTION: { description: 'An income (money in) or an expense (money out).' },
    TRANSFER: { description: 'A transfer from or to another of the person’s accounts.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'Where money is kept: cash, a bank account, a card, a loan. In the budget currency; its balance is the opening balance + incomes − expenses ± transfers (docs/accounts.md).',
})
export class MoneyAccount {
  @Field(() => ID, { description: 'Its id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => String, { description: 'The person’s name for it.' })
  name!: string;
  @Field(() => MoneyAccountKindGql, { description: 'What kind of account it is.' })
  kind!: MoneyAccountKindGql;
  @Field(() => CurrencyCodeScalar, { description: 'The budget currency.' })
  currency!: string;
  @Field(() => Money, {
    description: 'The balance at the start of openingOn; negative for money owed.',
  })
  openingBalance!: Money;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Entries booked before this local day do not count; null: every entry counts (the default account).',
  })
  openingOn!: string | null;
  @Field(() => Boolean, {
    description:
      'The account of transactions booked without one (there is exactly one; created on first use).',
  })
  isDefault!: boolean;
  @Field(() => Boolean, { description: 'Hidden from pickers; its balance still counts.' })
  isArchived!: boolean;
  @Field(() => Money, {
    description:
      'The balance now: after every entry recorded, future-dated ones included. Exact, negative when owed.',
  })
  balance!: Money;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The last local day a statement matched (`reconcileAccount`): entries up to it are reconciled.',
  })
  reconciledThrough!: string | null;
  @Field(() => Int, { description: 'Pass it as baseVersion when editing.' })
  version!: number;
  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt!: Date;
}

export function toMoneyAccount(view: MoneyAccountView): MoneyAccount {
  const { row } = view;
  return Object.assign(new MoneyAccount(), {
    id: row.id,
    name: row.name,
    kind: row.kind as MoneyAccountKindGql,
    currency: row.currency,
    openingBalance: toMoney(row.openingBalanceMinor, row.currency),
    openingOn: row.openingOn,
    isDefault: row.isDefault,
    isArchived: row.isArchived,
    balance: toMoney(view.balanceMinor, row.currency),
    reconciledThrough: row.reconciledThrough,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** The viewer’s accounts a page at a time. */
export const MoneyAccountConnection = connectionTypes(MoneyAccount, 'MoneyAccount', 'accounts');

@ObjectType({
  implements: Node,
  description:
    'Money moved between two of the person’s accounts: never income or spending, it changes both balances and no budget day.',
})
export class Transfer {
  @Field(() => ID, { description: 'Its id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => ID, { description: 'The account the money left.' })
  fromAccountId!: string;
  @Field(() => ID, { description: 'The account the money went to.' })
  toAccountId!: string;
  @Field(() => Money, { description: 'Positive, in the budget currency; exact.' })
  amount!: Money;
  @Field(() => LocalDateScalar, { description: 'The local day it happened.' })
  transferredOn!: string;
  @Field(() => String, { description: 'Free text; empty when none was given.' })
  note!: string;
  @Field(() => Int, { description: 'Pass it as baseVersion when editing.' })
  version!: number;
  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed or deleted.' })
  updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Set when deleted (a tombstone).' })
  deletedAt!: Date | null;
}

export function toTransfer(row: TransferRow): Transfer {
  return Object.assign(new Transfer(), {
    ...row,
    amount: toMoney(row.amountMinor, row.currency),
  });
}

/** The viewer’s transfers a page at a time. */
export const TransferConnection = connectionTypes(Transfer, 'Transfer', 'transfers');

@ObjectType({ description: 'One line of an account’s register, with the balance after it.' })
export class AccountEntry {
  @Field(() => ID, { description: 'The transaction’s or the transfer’s id.' })
  id!: string;
  @Field(() => AccountEntryKind, { description: 'A transaction or a transfer.' })
  kind!: AccountEntryKind;
  @Field(() => LocalDateScalar, { description: 'The local day it is booked on.' })
  on!: string;
  @Field(() => Money, {
    description: 'What it did to this account: positive money in, negative money out.',
  })
  change!: Money;
  @Field(() => Money, { description: 'The account’s balance right after it (running balance).' })
  balanceAfter!: Money;
  @Field(() => Boolean, {
    description: 'Booked on or before the account’s reconciledThrough.',
  })
  isReconciled!: boolean;
  @Field(() => Transaction, { nullable: true, description: 'For TRANSACTION; null otherwise.' })
  transaction!: Transaction | null;
  @Field(() => Transfer, { nullable: true, description: 'For TRANSFER; null otherwise.' })
  transfer!: Transfer | null;
}

/** An account's register a page at a time. */
export const AccountEntryConnection = connectionTypes(
  AccountEntry,
  'AccountEntry',
  'register entries',
);

@ObjectType({ description: 'A statement check of an account.' })
export class AccountReconciliation {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;
  @Field(() => ID, { description: 'The account checked.' })
  accountId!: string;
  @Field(() => LocalDateScalar, { description: 'The statement’s day: balances at its end.' })
  statementOn!: string;
  @Field(() => Money, { description: 'What the statement said.' })
  statementBalance!: Money;
  @Field(() => Money, { description: 'What Pace had at the end of statementOn.' })
  computedBalance!: Money;
  @Field(() => Money, {
    description: 'statementBalance − computedBalance: zero when reconciled; else what is missing.',
  })
  difference!: Money;
  @Field(() => Boolean, { description: 'The difference is zero.' })
  isReconciled!: boolean;
  @Field(() => Date, { description: 'When the check was made.' })
  createdAt!: Date;
}

export function toReconciliation(
  row: AccountReconciliationRow,
  currency: string,
): AccountReconciliation {
  const difference = row.statementBalanceMinor - row.computedBalanceMinor;
  return Object.assign(new AccountReconciliation(), {
    id: row.id,
    accountId: row.accountId,
    statementOn: row.statementOn,
    statementBalance: toMoney(row.statementBalanceMinor, currency),
    computedBalance: toMoney(row.computedBalanceMinor, currency),
    difference: toMoney(difference, currency),
    isReconciled: difference === 0,
    createdAt: row.createdAt,
  });
}

@ObjectType({ description: 'The person’s net worth at the end of one local day.' })
export class NetWorthPoint {
  @Field(() => LocalDateScalar, { description: 'A month’s last day, or the range’s end.' })
  on!: string;
  @Field(() => Money, { description: 'The sum of the positive balances.' })
  assets!: Money;
  @Field(() => Money, {
    description: 'The sum of the negative balances (cards, loans): zero or negative.',
  })
  liabilities!: Money;
  @Field(() => Money, { description: 'assets + liabilities.' })
  netWorth!: Money;
}

export function toNetWorthPoints(
  points: readonly NetWorthValue[],
  currency: string,
): NetWorthPoint[] {
  return points.map((p) =>
    Object.assign(new NetWorthPoint(), {
      on: p.on,
      assets: toMoney(p.assetsMinor, currency),
      liabilities: toMoney(p.liabilitiesMinor, currency),
      netWorth: toMoney(p.assetsMinor + p.liabilitiesMinor, currency),
    }),
  );
}

@ObjectType({ description: 'The outcome of an account write.' })
export class MoneyAccountPayload {
  @Field(() => MoneyAccount, {
    description: 'The account as stored now (the current one after a conflict or a replay).',
  })
  account!: MoneyAccount;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current account is returned.',
  })
  conflict!: boolean;
}

export function toMoneyAccountPayload(result: MoneyAccountResult): MoneyAccountPayload {
  return Object.assign(new MoneyAccountPayload(), {
    account: toMoneyAccount(result.account),
    conflict: result.conflict,
  });
}

@ObjectType({ description: 'The outcome of a transfer write.' })
export class TransferPayload {
  @Field(() => Transfer, {
    description: 'The transfer as stored now (the current one after a conflict or a replay).',
  })
  transfer!: Transfer;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale (or the transfer is deleted): nothing changed, the current transfer is returned.',
  })
  conflict!: boolean;
}

export function toTransferPayload(result: TransferResult): TransferPayload {
  return Object.assign(new TransferPayload(), {
    transfer: toTransfer(result.transfer),
    conflict: result.conflict,
  });
}

@ObjectType({ description: 'The outcome of `reconcileAccount`.' })
export class ReconcileAccountPayload {
  @Field(() => AccountReconciliation, { description: 'The check as stored.' })
  reconciliation!: AccountReconciliation;
  @Field(() => MoneyAccount, {
    description: 'The account after the check (reconciledThrough moves on when it matched).',
  })
  account!: MoneyAccount;
}
