import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum CategoryBehaviourSetting {
  FIXED = 'fixed',
  SPREAD = 'spread',
  CLUSTERED = 'clustered',
}
registerEnumType(CategoryBehaviourSetting, {
  name: 'CategoryBehaviourSetting',
  description: 'How a category’s month amount is laid over the days.',
  valuesConfig: {
    FIXED: {
      description:
        'The whole amount on one due day; spending up to the month amount is covered whatever the day.',
    },
    SPREAD: { description: 'Over every day of the plan (the default).' },
    CLUSTERED: { description: 'Over a few spending days of the month (4 unless habits say).' },
  },
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
  valuesConfig: {
    SACRED: {
      description: 'Never gives to another category; its unspent money does not roll over.',
    },
    PROTECTED: { description: 'Gives last, after flexible ones.' },
    FLEXIBLE: {
      description: 'Gives after discretionary ones (the default for user-made categories).',
    },
    DISCRETIONARY: { description: 'Gives first, right after Flex.' },
  },
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

  @Field(() => String, { description: 'Its name; not blank (trimmed).' })
  name!: string;

  @Field(() => CategoryBehaviourSetting, {
    nullable: true,
    description: 'How its month amount is laid over the days; SPREAD when absent.',
  })
  behaviour?: CategoryBehaviourSetting | null;

  @Field(() => CategoryPrioritySetting, {
    nullable: true,
    description: 'When it gives to overspent categories; FLEXIBLE when absent.',
  })
  priority?: CategoryPrioritySetting | null;
}

@InputType({
  description: 'Changes the given fields of a user-made category when baseVersion is current.',
})
export class UpdateCategoryInput {
  @Field(() => ID, { description: 'The user-made category to change.' })
  id!: string;

  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;

  @Field(() => String, { nullable: true, description: 'A new name; unchanged when absent.' })
  name?: string | null;

  @Field(() => CategoryBehaviourSetting, {
    nullable: true,
    description: 'A new behaviour; unchanged when absent.',
  })
  behaviour?: CategoryBehaviourSetting | null;

  @Field(() => CategoryPrioritySetting, {
    nullable: true,
    description: 'A new priority; unchanged when absent.',
  })
  priority?: CategoryPrioritySetting | null;
}
