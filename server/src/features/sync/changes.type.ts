import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  BudgetAdjustment,
  BudgetSettings,
  Plan,
  UserCategory,
  toBudgetAdjustment,
  toBudgetSettings,
  toPlan,
  toUserCategory,
} from '../budget';
import { Goal, toGoal } from '../goals';
import { Household, toHousehold } from '../households';
// The type file, not the front door: that one loads the upload routes, which reach the error
// catalogue, which names this feature's error while it is still loading.
// eslint-disable-next-line no-restricted-imports
import { Receipt, toReceipt } from '../receipts/receipt.type';
import { Split, toSplit } from '../splits';
import { Rule, toRule } from '../rules';
import { RecurringTransaction, toRecurringTransaction } from '../recurring';
import { ExchangeRate, toExchangeRate } from '../currency';
import { CsvMapping, toCsvMapping } from '../imports';
import { Transaction, toTransaction } from '../transactions';
import { MoneyAccount, Transfer, toMoneyAccount, toTransfer } from '../money-accounts';
import { encodeCursor, type ChangePage } from './changes.service';

export enum ChangeKind {
  SETTINGS = 'settings',
  PLAN = 'plan',
  CATEGORY = 'category',
  TRANSACTION = 'transaction',
  ADJUSTMENT = 'adjustment',
  GOAL = 'goal',
  RECEIPT = 'receipt',
  SPLIT = 'split',
  MONEY_ACCOUNT = 'money_account',
  TRANSFER = 'transfer',
  RULE = 'rule',
  RECURRING = 'recurring',
  EXCHANGE_RATE = 'exchange_rate',
  CSV_MAPPING = 'csv_mapping',
  HOUSEHOLD = 'household',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'Which kind of record a change carries; the field of the same name is set.',
  valuesConfig: {
    SETTINGS: { description: 'The budget settings (`settings`).' },
    PLAN: { description: 'A month plan (`plan`).' },
    CATEGORY: { description: 'A user-made category (`category`).' },
    TRANSACTION: { description: 'A transaction (`transaction`).' },
    ADJUSTMENT: { description: 'A manual move of budget (`adjustment`).' },
    GOAL: { description: 'A savings goal (`goal`).' },
    SPLIT: {
      description:
        'A split payment (`split`); its parts come as TRANSACTION changes with `splitId`.',
    },
    MONEY_ACCOUNT: {
      description: 'A money account (`moneyAccount`), with its balance when it changed.',
    },
    TRANSFER: { description: 'A transfer between two accounts (`transfer`).' },
    RULE: { description: 'A categorisation rule (`rule`); deleting it comes as a tombstone.' },
    RECURRING: {
      description:
        'A recurring expense (`recurringTransaction`): created, edited, ended (`endOn` set) or posted (`postedThrough` moved). Never a tombstone: recurring expenses are ended, not deleted.',
    },
    EXCHANGE_RATE: {
      description:
        'A rate you entered (`exchangeRate`); entering the same pair and day again comes as an upsert of the same record.',
    },
    CSV_MAPPING: {
      description:
        'One of your saved CSV column mappings (`csvMapping`); saving the same name again comes as an upsert of the same record, deleting it as a tombstone.',
    },
    HOUSEHOLD: {
      description:
        'The person’s household with its members and roles (`household`); leaving it comes as a tombstone whose id is the household’s.',
    },
    RECEIPT: {
      description:
        'A receipt whose status or linked transaction changed (`receipt`); only for tokens with process:receipts.',
    },
  },
});

@ObjectType({
  description:
    'One upsert or tombstone; exactly one of settings, plan, category, transaction, adjustment, goal, receipt, split, moneyAccount, transfer, rule, recurringTransaction, exchangeRate, csvMapping, household is set (a tombstone may carry none).',
})
export class Change {
  @Field(() => String, {
    description: 'Position of this change: pulling since it resumes after it.',
  })
  cursor!: string;
  @Field(() => ChangeKind, { description: 'Which record it carries.' })
  kind!: ChangeKind;
  @Field(() => ID, {
    description: 'The record’s id (for SETTINGS, the user’s id: there is one per person).',
  })
  id!: string;
  @Field(() => Boolean, {
    description: 'A tombstone: remove the record (a restore comes back as an upsert).',
  })
  deleted!: boolean;
  @Field(() => BudgetSettings, {
    nullable: true,
    description: 'The budget settings, for SETTINGS; null otherwise.',
  })
  settings!: BudgetSettings | null;
  @Field(() => Plan, { nullable: true, description: 'Carries the month’s categories.' })
  plan!: Plan | null;
  @Field(() => UserCategory, {
    nullable: true,
    description: 'A user-made category (upserts only).',
  })
  category!: UserCategory | null;
  @Field(() => Transaction, {
    nullable: true,
    description: 'A transaction, for TRANSACTION (also on a tombstone); null otherwise.',
  })
  transaction!: Transaction | null;
  @Field(() => BudgetAdjustment, {
    nullable: true,
    description: 'A manual move of budget; deleting it comes as a tombstone.',
  })
  adjustment!: BudgetAdjustment | null;
  @Field(() => Goal, {
    nullable: true,
    description: 'A savings goal; deleting it comes as a tombstone.',
  })
  goal!: Goal | null;
  @Field(() => Receipt, {
    nullable: true,
    description:
      'A receipt, for RECEIPT: its status and transactionId as they are now (a status change, not each progress step); discarding it comes as a tombstone. Listed only when the token has process:receipts.',
  })
  receipt!: Receipt | null;
  @Field(() => Split, {
    nullable: true,
    description: 'A split payment, for SPLIT (also on a tombstone); null otherwise.',
  })
  split!: Split | null;
  @Field(() => MoneyAccount, {
    nullable: true,
    description:
      'A money account, for MONEY_ACCOUNT (accounts are archived, never deleted); null otherwise.',
  })
  moneyAccount!: MoneyAccount | null;
  @Field(() => Transfer, {
    nullable: true,
    description: 'A transfer, for TRANSFER (also on a tombstone); null otherwise.',
  })
  transfer!: Transfer | null;
  @Field(() => Rule, {
    nullable: true,
    description: 'A categorisation rule, for RULE (also on a tombstone); null otherwise.',
  })
  rule!: Rule | null;
  @Field(() => RecurringTransaction, {
    nullable: true,
    description: 'A recurring expense, for RECURRING; null otherwise.',
  })
  recurringTransaction!: RecurringTransaction | null;
  @Field(() => ExchangeRate, {
    nullable: true,
    description:
      'A rate you entered with `setExchangeRate`, for EXCHANGE_RATE (source MANUAL); null otherwise.',
  })
  exchangeRate!: ExchangeRate | null;
  @Field(() => CsvMapping, {
    nullable: true,
    description:
      'One of your saved CSV mappings, for CSV_MAPPING (also on a tombstone); null otherwise.',
  })
  csvMapping!: CsvMapping | null;
  @Field(() => Household, {
    nullable: true,
    description:
      'The person’s household, for HOUSEHOLD upserts; null otherwise and on a tombstone.',
  })
  household!: Household | null;
}

@ObjectType({
  description:
    'A page of changes for offline sync. Its cursor is a sync position, not a Relay cursor: keep it and pass it as `since`.',
})
export class ChangeSet {
  @Field(() => [Change], { description: 'The changes after `since`, in server order.' })
  changes!: Change[];
  @Field(() => String, { description: 'Pass it as `since` next time.' }) cursor!: string;
  @Field(() => Boolean, {
    description: 'More changes wait: pull again at once with the new cursor.',
  })
  hasMore!: boolean;
}

export function toChangeSet(page: ChangePage): ChangeSet {
  const changes = page.entries.map((entry) => {
    const base = {
      cursor: encodeCursor(entry.seq),
      kind: entry.kind as ChangeKind,
      settings: null,
      plan: null,
      category: null,
      transaction: null,
      adjustment: null,
      goal: null,
      receipt: null,
      split: null,
      moneyAccount: null,
      transfer: null,
      rule: null,
      recurringTransaction: null,
      exchangeRate: null,
      csvMapping: null,
      household: null,
    };
    switch (entry.kind) {
      case 'settings':
        return Object.assign(new Change(), base, {
          id: entry.row.userId,
          deleted: false,
          settings: toBudgetSettings(entry.row),
        });
      case 'plan':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: false,
          plan: toPlan(entry.row),
        });
      case 'category':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: false,
          category: toUserCategory(entry.row),
        });
      case 'transaction':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          transaction: toTransaction(entry.row),
        });
      case 'adjustment':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          // An adjustment exists only after onboarding, so the currency is known.
          adjustment: toBudgetAdjustment(entry.row, page.currency ?? 'XXX'),
        });
      case 'goal':
        return Object.assign(new Change(), base, {
          id: entry.row.row.id,
          deleted: entry.row.row.deletedAt !== null,
          // A goal exists only after onboarding, so the currency is known.
          goal: toGoal(entry.row, page.currency ?? 'XXX'),
        });
      case 'split':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          split: toSplit(entry.row),
        });
      case 'money_account':
        return Object.assign(new Change(), base, {
          id: entry.row.row.id,
          deleted: false,
          moneyAccount: toMoneyAccount(entry.row),
        });
      case 'transfer':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          transfer: toTransfer(entry.row),
        });
      case 'rule':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          // A rule exists only after onboarding, so the currency is known.
          rule: toRule(entry.row, page.currency ?? 'XXX'),
        });
      case 'recurring':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: false,
          recurringTransaction: toRecurringTransaction(entry.row),
        });
      case 'exchange_rate':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: false,
          // Only the person's own entered rates are listed.
          exchangeRate: toExchangeRate(entry.row, entry.row.userId),
        });
      case 'csv_mapping':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.deletedAt !== null,
          csvMapping: toCsvMapping(entry.row),
        });
      case 'household':
        return Object.assign(new Change(), base, {
          id: entry.row.householdId,
          deleted: entry.row.view === null,
          household: entry.row.view && toHousehold(entry.row.view),
        });
      case 'receipt':
        return Object.assign(new Change(), base, {
          id: entry.row.id,
          deleted: entry.row.status === 'DISCARDED',
          receipt: toReceipt(entry.row),
        });
    }
  });
  return Object.assign(new ChangeSet(), { changes, cursor: page.cursor, hasMore: page.hasMore });
}
