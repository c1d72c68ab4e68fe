import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { FeatureFlagRow } from './flag.table';

@ObjectType({
  description:
    'A feature switch. It is on for a person when their override says so; else when `enabled`; else when their bucket (0–99, fixed per person and flag) is below `rolloutPercent`.',
})
export class FeatureFlag {
  @Field(() => String, { description: 'The key code reads, e.g. `receipts.v2`.' }) key!: string;
  @Field(() => String, { description: 'What it switches, for admins.' }) description!: string;
  @Field(() => Boolean, { description: 'On for everyone (overrides aside).' }) enabled!: boolean;
  @Field(() => Int, {
    description: 'Share of people it is on for when not on for everyone, 0–100.',
  })
  rolloutPercent!: number;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: Date;
}

@InputType({ description: 'Creates a flag or changes the fields given (new flags start off).' })
export class SetFeatureFlagInput {
  @Field(() => String, {
    description: 'Lower-case words joined by dots, dashes or underscores; at most 64 characters.',
  })
  key!: string;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'On for everyone.' })
  enabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: '0–100.' })
  rolloutPercent?: number | null;
}

@InputType({ description: 'One person’s override of a flag.' })
export class SetUserFeatureFlagInput {
  @Field(() => String, { description: 'An existing flag’s key.' }) key!: string;
  @Field(() => String, { description: 'The person’s account id.' }) userId!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'On or off for this person whatever the flag says; null removes the override.',
  })
  enabled?: boolean | null;
}

export function toFeatureFlag(row: FeatureFlagRow): FeatureFlag {
  return Object.assign(new FeatureFlag(), row);
}
