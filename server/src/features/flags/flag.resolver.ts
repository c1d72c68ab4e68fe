import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { User } from '../accounts';
import type { FlagService } from './flag.service';
import {
  OverrideFeatureFlagPayload,
  RemoveFeatureFlagPayload,
  SaveFeatureFlagPayload,
} from './flag-payloads.type';
import {
  FeatureFlag,
  SetFeatureFlagInput,
  SetUserFeatureFlagInput,
  toFeatureFlag,
} from './flag.type';

/** Feature flags: managed by admins, read by everyone through `me.features`. */
@Resolver(() => User)
export class FlagResolver {
  constructor(private readonly flags: FlagService) {}

  @FieldResolver(() => [String], {
    description: 'The keys of the feature flags on for this person, sorted.',
  })
  async features(@Root() user: User): Promise<string[]> {
    return this.flags.enabledFor(user.id);
  }

  @RequireScopes('admin:*')
  @Query(() => [FeatureFlag], { description: 'Every feature flag, by key.' })
  async featureFlags(): Promise<FeatureFlag[]> {
    return (await this.flags.list()).map(toFeatureFlag);
  }

  @RequireScopes('admin:*')
  @Mutation(() => FeatureFlag, {
    description: 'Creates a flag or changes it (audited as admin.feature_flag_changed).',
    deprecationReason: 'Use saveFeatureFlag. Removal after 2027-06-30.',
  })
  async setFeatureFlag(
    @Arg('input', () => SetFeatureFlagInput, { description: 'The flag and the fields to set.' })
    input: SetFeatureFlagInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FeatureFlag> {
    return toFeatureFlag(await this.flags.set(viewerIdOf(ctx), input, ctx.clientIp));
  }

  @RequireScopes('admin:*')
  @Mutation(() => FeatureFlag, {
    description: 'Turns a flag on or off for one person, or removes that override (audited).',
    deprecationReason: 'Use overrideFeatureFlag. Removal after 2027-06-30.',
  })
  async setUserFeatureFlag(
    @Arg('input', () => SetUserFeatureFlagInput, {
      description: 'The flag, the person, on or off.',
    })
    input: SetUserFeatureFlagInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FeatureFlag> {
    return toFeatureFlag(
      await this.flags.setForUser(
        viewerIdOf(ctx),
        { key: input.key, userId: input.userId, enabled: input.enabled ?? null },
        ctx.clientIp,
      ),
    );
  }

  @RequireScopes('admin:*')
  @Mutation(() => Boolean, {
    description: 'Deletes a flag and its overrides (then off for everyone); false when unknown.',
    deprecationReason: 'Use removeFeatureFlag. Removal after 2027-06-30.',
  })
  async deleteFeatureFlag(
    @Arg('key', () => String, { description: 'The flag’s key.' }) key: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.flags.delete(viewerIdOf(ctx), key, ctx.clientIp);
  }

  @RequireScopes('admin:*')
  @Mutation(() => SaveFeatureFlagPayload, {
    description: 'Creates a flag or changes it (audited as admin.feature_flag_changed).',
  })
  async saveFeatureFlag(
    @Arg('input', () => SetFeatureFlagInput, { description: 'The flag and the fields to set.' })
    input: SetFeatureFlagInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SaveFeatureFlagPayload> {
    const featureFlag = await this.setFeatureFlag(input, ctx);
    return Object.assign(new SaveFeatureFlagPayload(), { featureFlag });
  }

  @RequireScopes('admin:*')
  @Mutation(() => OverrideFeatureFlagPayload, {
    description: 'Turns a flag on or off for one person, or removes that override (audited).',
  })
  async overrideFeatureFlag(
    @Arg('input', () => SetUserFeatureFlagInput, {
      description: 'The flag, the person, on or off.',
    })
    input: SetUserFeatureFlagInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OverrideFeatureFlagPayload> {
    const featureFlag = await this.setUserFeatureFlag(input, ctx);
    return Object.assign(new OverrideFeatureFlagPayload(), { featureFlag });
  }

  @RequireScopes('admin:*')
  @Mutation(() => RemoveFeatureFlagPayload, {
    description:
      'Deletes a flag and its overrides (then off for everyone); `removed` is false when unknown.',
  })
  async removeFeatureFlag(
    @Arg('key', () => String, { description: 'The flag’s key.' }) key: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RemoveFeatureFlagPayload> {
    const removed = await this.deleteFeatureFlag(key, ctx);
    return Object.assign(new RemoveFeatureFlagPayload(), { key, removed });
  }
}
