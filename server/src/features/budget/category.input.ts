import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum CategoryBehaviourSetting {
  FIXED = 'fixed',
  SPREAD = 'spread',
  CLUSTERED = 'clustered',
}
registerEnumType(CategoryBehaviourSetting, {
  name: 'CategoryBehaviourSetting',
  description: 'How a category’s month amount is laid over the days.',
});

export enum CategoryPrioritySetting {
  SACRED = 'sacred',
  PROTECTED = 'protected',
  FLEXIBLE = 'flexible',
  DISCRETIONARY = 'discretionary',
}
registerEnumType(CategoryPrioritySetting, {
  name: 'CategoryPrioritySetting',
  description: 'Which categories give first when another overspends.',
});

@InputType({
  description: 'A user-made category; behaviour defaults to SPREAD and priority to FLEXIBLE.',
})
export class CreateCategoryInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Client-chosen id (letters, digits, _ . : -), for offline replays; generated otherwise.',
  })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => CategoryBehaviourSetting, { nullable: true })
  behaviour?: CategoryBehaviourSetting | null;

  @Field(() => CategoryPrioritySetting, { nullable: true })
  priority?: CategoryPrioritySetting | null;
}

@InputType({
  description: 'Changes the given fields of a user-made category when baseVersion is current.',
})
export class UpdateCategoryInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  baseVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => CategoryBehaviourSetting, { nullable: true })
  behaviour?: CategoryBehaviourSetting | null;

  @Field(() => CategoryPrioritySetting, { nullable: true })
  priority?: CategoryPrioritySetting | null;
}
