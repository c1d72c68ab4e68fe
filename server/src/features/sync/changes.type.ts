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
// The type file, not the front door: that one loads the upload routes, which reach the error
// catalogue, which names this feature's error while it is still loading.
// eslint-disable-next-line no-restricted-imports
import { Receipt, toReceipt } from '../receipts/receipt.type';
import { Transaction, toTransaction } from '../transactions';
import { encodeCursor, type ChangePage } from './changes.service';

export enum ChangeKind {
  SETTINGS = 'settings',
  PLAN = 'plan',
  CATEGORY = 'category',
  TRANSACTION = 'transaction',
  ADJUSTMENT = 'adjustment',
  GOAL = 'goal',
  RECEIPT = 'receipt',
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
    RECEIPT: {
      description:
        'A receipt whose status or linked transaction changed (`receipt`); only for tokens with process:receipts.',
    },
  },
});

@ObjectType({
  description:
    'One upsert or tombstone; exactly one of settings, plan, category, transaction, adjustment, goal, receipt is set.',
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
