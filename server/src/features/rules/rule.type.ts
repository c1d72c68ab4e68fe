import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';
import { DecimalScalar, YearMonthScalar } from '../../graphql/scalars';
import { Transaction, toTransaction } from '../transactions';
import type {
  RuleApplyResult,
  RulePreviewResult,
  RuleResult,
  RuleSuggestionData,
} from './rule.service';
import type { CategoryRuleRow } from './rule.table';

export enum RuleTextMatchGql {
  CONTAINS = 'contains',
  GLOB = 'glob',
}
registerEnumType(RuleTextMatchGql, {
  name: 'RuleTextMatch',
  description:
    'How a rule’s text compares with the payee and the description (case and accents ignored).',
  valuesConfig: {
    CONTAINS: { description: 'The phrase appears anywhere in the payee or the description.' },
    GLOB: {
      description:
        'The whole payee or description matches the pattern: `*` any run of characters, `?` one character (at most 8 `*`).',
    },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A categorisation rule. Rules are tried in `position` order on every transaction written without a category picked (created, imported, quick expense): the first matching rule that sets a category decides it, the first that renames decides the payee, and every matching rule adds its tags. Without a matching rule the built-in merchant dictionary decides, then Flex.',
})
export class Rule {
  @Field(() => ID, { description: 'The rule’s id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => Int, { description: '0 is tried first; live rules are numbered 0 to n−1.' })
  position!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The text condition, as RuleTextMatch says; null: any text.',
  })
  textPattern!: string | null;
  @Field(() => RuleTextMatchGql, { description: 'How textPattern compares.' })
  textMatch!: RuleTextMatchGql;
  @Field(() => Money, {
    nullable: true,
    description: 'Only amounts at least this; null: no floor.',
  })
  minAmount!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Only amounts at most this; null: no cap.' })
  maxAmount!: Money | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Only transactions of this money account; null: any account.',
  })
  accountId!: string | null;
  @Field(() => String, { nullable: true, description: 'The category it sets; null: none.' })
  setCategoryId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The payee (merchant) name it writes; null: the payee is kept.',
  })
  renameMerchant!: string | null;
  @Field(() => [String], { description: 'Tags it adds (canonical spelling); may be empty.' })
  addTags!: string[];
  @Field(() => Int, {
    description:
      'Grows by one with each change of its conditions or actions (a move keeps it); send it as `baseVersion` to update.',
  })
  version!: number;
  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed, moved or deleted.' })
  updatedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was deleted (a tombstone in changes); null while it exists.',
  })
  deletedAt!: Date | null;
}

export function toRule(row: CategoryRuleRow, currency: string): Rule {
  return Object.assign(new Rule(), {
    id: row.id,
    position: row.position,
    textPattern: row.textPattern,
    textMatch: row.textMatch as RuleTextMatchGql,
    minAmount: row.minAmountMinor !== null ? toMoney(row.minAmountMinor, currency) : null,
    maxAmount: row.maxAmountMinor !== null ? toMoney(row.maxAmountMinor, currency) : null,
    accountId: row.accountId,
    setCategoryId: row.setCategoryId,
    renameMerchant: row.renameMerchant,
    addTags: [...row.addTags],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  });
}

/** The viewer's rules in the order they are tried, a page at a time. */
export const RuleConnection = connectionTypes(Rule, 'Rule', 'rules');

@InputType({
  description:
    'A rule’s conditions and actions: at least one condition (textPattern, an amount bound or accountId) and one action (setCategoryId, renameMerchant or addTags). Absent and null fields mean none.',
})
export class RuleDefinitionInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A phrase or glob, 1 to 100 characters, no control characters; compared without case or accents.',
  })
  textPattern?: string | null;
  @Field(() => RuleTextMatchGql, { nullable: true, description: 'CONTAINS when absent.' })
  textMatch?: RuleTextMatchGql | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only amounts at least this, in the budget currency (exact, never rounded).',
  })
  minAmount?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only amounts at most this, in the budget currency; not below minAmount.',
  })
  maxAmount?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only transactions of this money account.' })
  accountId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The category to set: an id or alias the person may book on.',
  })
  setCategoryId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The payee name to write, 1 to 100 characters.',
  })
  renameMerchant?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Tags to add, under the transaction tag rules (at most 20, 40 characters each).',
  })
  addTags?: string[] | null;
}

@InputType({ description: 'A new rule; it is tried last unless a position is given.' })
export class CreateRuleInput extends RuleDefinitionInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Where it goes in the order (0 first; past the end: last).',
  })
  position?: number | null;
}

@InputType({
  description:
    'The whole rule as it should be (absent fields become none), when baseVersion is current.',
})
export class UpdateRuleInput extends RuleDefinitionInput {
  @Field(() => ID, { description: 'The rule to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
}

@ObjectType({ description: 'The outcome of a rule write.' })
export class RulePayload {
  @Field(() => Rule, { description: 'The rule as stored now (the current one after a conflict).' })
  rule!: Rule;
  @Field(() => Boolean, {
    description: 'True when baseVersion was stale: nothing changed, the current rule is returned.',
  })
  conflict!: boolean;
}

export function toRulePayload(result: RuleResult, currency: string): RulePayload {
  return Object.assign(new RulePayload(), {
    rule: toRule(result.rule, currency),
    conflict: result.conflict,
  });
}

@ObjectType({ description: 'The outcome of deleting a rule.' })
export class DeleteRulePayload {
  @Field(() => Rule, { description: 'The rule as deleted (its tombstone).' })
  rule!: Rule;
}

@ObjectType({ description: 'The outcome of moving a rule.' })
export class MoveRulePayload {
  @Field(() => [Rule], { description: 'All live rules in their new order.' })
  rules!: Rule[];
}

@ObjectType({ description: 'The outcome of applying a rule.' })
export class ApplyRulePayload {
  @Field(() => Rule, { description: 'The rule applied.' })
  rule!: Rule;
  @Field(() => Int, { description: 'How many past transactions changed (0 without toPast).' })
  changedCount!: number;
  @Field(() => [YearMonthScalar], {
    description: 'The months (YYYY-MM) recomputed, one budget write each, oldest first.',
  })
  months!: string[];
}

export function toApplyRulePayload(result: RuleApplyResult, currency: string): ApplyRulePayload {
  return Object.assign(new ApplyRulePayload(), {
    rule: toRule(result.rule, currency),
    changedCount: result.changedCount,
    months: result.months,
  });
}

@ObjectType({ description: 'A past transaction a rule would change, and how.' })
export class RulePreviewItem {
  @Field(() => Transaction, { description: 'The transaction as it is now.' })
  transaction!: Transaction;
  @Field(() => String, { description: 'Its category after the rule.' })
  categoryId!: string;
  @Field(() => String, { nullable: true, description: 'Its payee after the rule.' })
  merchant!: string | null;
  @Field(() => [String], { description: 'Its tags after the rule.' })
  tags!: string[];
}

@ObjectType({
  description:
    'The past transactions (booked today or earlier, live, not transfers or goal contributions) a rule would change, newest first; nothing is written.',
})
export class RulePreview {
  @Field(() => Int, { description: 'How many it would change in all.' })
  totalCount!: number;
  @Field(() => [RulePreviewItem], {
    description: 'The first of them (at most `first`, at most 100), newest first.',
  })
  items!: RulePreviewItem[];
  @Field(() => Boolean, {
    description:
      'Only the newest 5000 transactions were read: older ones are neither counted nor changed.',
  })
  isScanTruncated!: boolean;
}

export function toRulePreview(result: RulePreviewResult): RulePreview {
  return Object.assign(new RulePreview(), {
    totalCount: result.totalCount,
    isScanTruncated: result.isScanTruncated,
    items: result.items.map((item) =>
      Object.assign(new RulePreviewItem(), {
        transaction: toTransaction(item.transaction),
        categoryId: item.categoryId,
        merchant: item.merchant,
        tags: item.tags,
      }),
    ),
  });
}

@ObjectType({
  description:
    'A rule offered after a transaction was recategorised: payee or description contains textPattern → setCategoryId. Send it to createRule to accept it.',
})
export class RuleSuggestion {
  @Field(() => String, {
    description: 'The phrase recognised (folded, store numbers and references dropped).',
  })
  textPattern!: string;
  @Field(() => RuleTextMatchGql, { description: 'Always CONTAINS.' })
  textMatch!: RuleTextMatchGql;
  @Field(() => String, { description: 'The category the transaction now has.' })
  setCategoryId!: string;
  @Field(() => ID, { description: 'The transaction it was made from.' })
  transactionId!: string;
}

export function toRuleSuggestion(data: RuleSuggestionData | null): RuleSuggestion | null {
  if (!data) return null;
  return Object.assign(new RuleSuggestion(), { ...data, textMatch: RuleTextMatchGql.CONTAINS });
}
