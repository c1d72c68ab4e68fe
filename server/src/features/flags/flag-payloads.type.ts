import { Field, ObjectType } from 'type-graphql';
import { FeatureFlag } from './flag.type';

@ObjectType({ description: 'The flag `saveFeatureFlag` stored.' })
export class SaveFeatureFlagPayload {
  @Field(() => FeatureFlag, { description: 'The flag after the change.' })
  featureFlag!: FeatureFlag;
}

@ObjectType({ description: 'The flag after `overrideFeatureFlag`.' })
export class OverrideFeatureFlagPayload {
  @Field(() => FeatureFlag, { description: 'The flag with the person’s override applied.' })
  featureFlag!: FeatureFlag;
}

@ObjectType({ description: 'The outcome of `removeFeatureFlag`.' })
export class RemoveFeatureFlagPayload {
  @Field(() => String, { description: 'The key asked for.' })
  key!: string;
  @Field(() => Boolean, {
    description:
      'True when the flag existed and is now gone (off for everyone); false when unknown.',
  })
  removed!: boolean;
}
