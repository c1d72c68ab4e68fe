import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { decodeCursor, encodeCursor } from '../../graphql/cursor';
import { isUuid } from '../../graphql/ids';
import { Money, toMoney } from '../../graphql/money.type';
import { Node } from '../../graphql/node';
import { CategoryBehaviourSetting } from './category.input';
import type { CategoryEntry } from './plan.service';

/** Which categories give first when another overspends, as a category reports it. */
export enum CategoryPriority {
  SACRED = 'sacred',
  PROTECTED = 'protected',
  FLEXIBLE = 'flexible',
  DISCRETIONARY = 'discretionary',
  BUFFER = 'buffer',
}
registerEnumType(CategoryPriority, {
  name: 'CategoryPriority',
  description:
    'Which categories give first when another overspends (`CategoryPrioritySetting` plus the built-in Flex buffer).',
  valuesConfig: {
    SACRED: {
      description: 'Never gives to another category; its unspent money does not roll over.',
    },
    PROTECTED: { description: 'Gives last, after flexible ones.' },
    FLEXIBLE: { description: 'Gives after discretionary ones.' },
    DISCRETIONARY: { description: 'Gives first, right after Flex.' },
    BUFFER: { description: 'Flex, the built-in buffer: it gives before every other category.' },
  },
});

const ID_PREFIX = 'BudgetCategory';

@ObjectType('BudgetCategory', {
  implements: Node,
  description:
    'A category to book on, as the viewer’s budget sees it: a built-in one or one of their own, with this month’s planned amount.',
})
export class BudgetCategory {
  @Field(() => ID, {
    description:
      'Opaque and globally unique (it names the person and the category); for `node(id)`. Book transactions on `categoryId`.',
  })
  id!: string;
  @Field(() => ID, {
    description:
      'The id to book transactions on (`groceries`, or `c-…` for one of the person’s own); unique per person only.',
  })
  categoryId!: string;
  @Field(() => String, { description: 'Its display name.' })
  name!: string;
  @Field(() => CategoryBehaviourSetting, {
    description: 'How its month amount is laid over the days.',
  })
  behaviour!: CategoryBehaviourSetting;
  @Field(() => CategoryPriority, {
    description: 'Which categories give first when another overspends.',
  })
  priority!: CategoryPriority;
  @Field(() => Money, { description: 'This month’s planned amount (zero when not in the plan).' })
  monthly!: Money;
  @Field(() => Boolean, { description: 'Whether this month’s plan has the category.' })
  isInPlan!: boolean;
}

/** A category's node id: opaque, naming its owner and its (per-person) category id. */
export function budgetCategoryId(userId: string, categoryId: string): string {
  return encodeCursor([ID_PREFIX, userId, categoryId]);
}

export function parseBudgetCategoryId(id: string): { userId: string; categoryId: string } | null {
  const parts = decodeCursor(id, 3);
  if (!parts || parts[0] !== ID_PREFIX || !isUuid(parts[1] ?? '') || !parts[2]) return null;
  return { userId: parts[1] ?? '', categoryId: parts[2] };
}

export function toBudgetCategory(
  userId: string,
  entry: CategoryEntry,
  currency: string,
): BudgetCategory {
  return Object.assign(new BudgetCategory(), {
    id: budgetCategoryId(userId, entry.id),
    categoryId: entry.id,
    name: entry.name,
    behaviour: entry.behaviour as CategoryBehaviourSetting,
    priority: entry.priority as CategoryPriority,
    monthly: toMoney(entry.monthlyMinor, currency),
    isInPlan: entry.isInPlan,
  });
}
