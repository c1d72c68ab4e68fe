import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { UserCategoryRow } from './category.table';

@ObjectType({ description: 'A category the user made.' })
export class UserCategory {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) behaviour!: string;
  @Field(() => String) priority!: string;
  @Field(() => Int) version!: number;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType()
export class CategoryPayload {
  @Field(() => UserCategory) category!: UserCategory;
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
