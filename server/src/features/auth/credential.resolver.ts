import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes, viewerOf } from '../../graphql/scopes';
import {
  CreatedPersonalAccessToken,
  CreatePersonalAccessTokenInput,
  Passkey,
  PasskeyChallenge,
  PersonalAccessToken,
  toPasskey,
  toPasskeyChallenge,
  toPersonalAccessToken,
} from './auth.type';
import type { PasskeyService } from './passkey.service';
import type { PersonalAccessTokenService } from './personal-access-token.service';

/** The person's own credentials: personal access tokens and passkeys. */
@Resolver()
export class CredentialResolver {
  constructor(
    private readonly tokens: PersonalAccessTokenService,
    private readonly passkeyService: PasskeyService,
  ) {}

  @RequireScopes('read:profile')
  @Query(() => [PersonalAccessToken])
  async personalAccessTokens(@Ctx() ctx: GraphQLContext): Promise<PersonalAccessToken[]> {
    return (await this.tokens.list(viewerOf(ctx).userId)).map(toPersonalAccessToken);
  }

  @RequireScopes('write:profile')
  @Mutation(() => CreatedPersonalAccessToken)
  async createPersonalAccessToken(
    @Arg('input', () => CreatePersonalAccessTokenInput) input: CreatePersonalAccessTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedPersonalAccessToken> {
    const created = await this.tokens.create(viewerOf(ctx), { ...input }, ctx.clientIp);
    return Object.assign(new CreatedPersonalAccessToken(), {
      token: created.token,
      personalAccessToken: toPersonalAccessToken(created.row),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean)
  async revokePersonalAccessToken(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.tokens.revoke(viewerOf(ctx).userId, id, ctx.clientIp);
    return true;
  }

  @RequireScopes('read:profile')
  @Query(() => [Passkey])
  async passkeys(@Ctx() ctx: GraphQLContext): Promise<Passkey[]> {
    return (await this.passkeyService.list(viewerOf(ctx).userId)).map(toPasskey);
  }

  @RequireScopes('write:profile')
  @Mutation(() => PasskeyChallenge, { description: 'WebAuthn options to register a new passkey.' })
  async startPasskeyRegistration(@Ctx() ctx: GraphQLContext): Promise<PasskeyChallenge> {
    return toPasskeyChallenge(
      await this.passkeyService.startRegistration(viewerOf(ctx).userId, ctx.origin),
    );
  }

  @RequireScopes('write:profile')
  @Mutation(() => Passkey)
  async finishPasskeyRegistration(
    @Arg('challengeId', () => ID) challengeId: string,
    @Arg('responseJson', () => String) responseJson: string,
    @Arg('name', () => String, { defaultValue: 'Passkey' }) name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Passkey> {
    const row = await this.passkeyService.finishRegistration(
      viewerOf(ctx).userId,
      { challengeId, responseJson, name, origin: ctx.origin },
      ctx.clientIp,
    );
    return toPasskey(row);
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean)
  async removePasskey(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.passkeyService.remove(viewerOf(ctx).userId, id, ctx.clientIp);
    return true;
  }
}
