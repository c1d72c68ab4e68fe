import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CategoryBehaviourSetting, CategoryPrioritySetting } from './category.input';
import type { UserCategoryRow } from './category.table';

@ObjectType({ description: 'A category the user made.' })
export class UserCategory {
  @Field(() => ID, { description: 'The category id transactions are booked on.' })
  id!: string;
  @Field(() => String, { description: 'Its name (trimmed).' })
  name!: string;
  @Field(() => String, {
    description: 'fixed, spread or clustered: how its month amount is laid over the days.',
    deprecationReason: 'Use categoryBehaviour. Removal after 2027-06-30.',
  })
  behaviour!: string;
  @Field(() => String, {
    description:
      'sacred, protected, flexible or discretionary: which categories give first when another overspends.',
    deprecationReason: 'Use categoryPriority. Removal after 2027-06-30.',
  })
  priority!: string;
  @Field(() => CategoryBehaviourSetting, {
    description: 'How its month amount is laid over the days.',
  })
  get categoryBehaviour(): CategoryBehaviourSetting {
    return this.behaviour as CategoryBehaviourSetting;
  }
  @Field(() => CategoryPrioritySetting, {
    description: 'Which categories give first when another overspends.',
  })
  get categoryPriority(): CategoryPrioritySetting {
    return this.priority as CategoryPrioritySetting;
  }
  @Field(() => Int, {
    description: 'Grows by one with each change; send it as `baseVersion` to update.',
  })
  version!: number;
  @Field(() => Date, { description: 'When it was created or last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'The outcome of creating or changing a user-made category.' })
export class CategoryPayload {
  @Field(() => UserCategory, {
    description: 'The category as stored now (the current one after a conflict).',
  })
  category!: UserCategory;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current category is returned.',
  })
  conflict!: boolean;
}

export function toUserCategory(row: UserCategoryRow): UserCategory {
  const { id, name, behaviour, priority, version, updatedAt } = row;
  return Object.assign(new UserCategory(), { id, name, behaviour, priority, version, updatedAt });
}
