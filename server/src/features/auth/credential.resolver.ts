import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import {
  ConnectionArgs,
  connectionFromList,
  instantKey,
  type Connection,
} from '../../graphql/relay';
import { RequireScopes, viewerOf } from '../../graphql/scopes';
import {
  CreatedPersonalAccessToken,
  CreatePersonalAccessTokenInput,
  Passkey,
  PasskeyChallenge,
  PersonalAccessToken,
  PersonalAccessTokenConnection,
  toPasskey,
  toPasskeyChallenge,
  toPersonalAccessToken,
} from './auth.type';
import {
  BeginPasskeyRegistrationPayload,
  CancelPersonalAccessTokenPayload,
  CompletePasskeyRegistrationPayload,
  DeletePasskeyPayload,
  IssuePersonalAccessTokenPayload,
} from './auth-payloads.type';
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
  @Query(() => PersonalAccessTokenConnection, {
    description:
      'The person’s personal access tokens, revoked and expired ones too, newest first, a page at a time.',
  })
  async personalAccessTokensConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<PersonalAccessToken>> {
    return connectionFromList(await this.personalAccessTokens(ctx), page, {
      key: (token) => [instantKey(token.createdAt), token.id],
      keyLength: 2,
      descending: true,
    });
  }

  @RequireScopes('read:profile')
  @Query(() => [PersonalAccessToken], {
    description: 'The person’s personal access tokens, revoked and expired ones too, newest first.',
    deprecationReason: 'Use personalAccessTokensConnection. Removal after 2027-06-30.',
  })
  async personalAccessTokens(@Ctx() ctx: GraphQLContext): Promise<PersonalAccessToken[]> {
    return (await this.tokens.list(viewerOf(ctx).userId)).map(toPersonalAccessToken);
  }

  @RequireScopes('write:profile')
  @Mutation(() => CreatedPersonalAccessToken, {
    description:
      'Creates a token for an integration with some of the scopes of the token making the request.',
    deprecationReason: 'Use issuePersonalAccessToken. Removal after 2027-06-30.',
  })
  async createPersonalAccessToken(
    @Arg('input', () => CreatePersonalAccessTokenInput, {
      description: 'Its name, scopes and lifetime.',
    })
    input: CreatePersonalAccessTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedPersonalAccessToken> {
    const created = await this.tokens.create(viewerOf(ctx), { ...input }, ctx.clientIp);
    return Object.assign(new CreatedPersonalAccessToken(), {
      token: created.token,
      personalAccessToken: toPersonalAccessToken(created.row),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description:
      'Revokes one of the person’s tokens at once; true when done (an unknown id is an error).',
    deprecationReason: 'Use cancelPersonalAccessToken. Removal after 2027-06-30.',
  })
  async revokePersonalAccessToken(
    @Arg('id', () => ID, { description: 'The token’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.tokens.revoke(viewerOf(ctx).userId, id, ctx.clientIp);
    return true;
  }

  @RequireScopes('read:profile')
  @Query(() => [Passkey], { description: 'The person’s passkeys, newest first.' })
  async passkeys(@Ctx() ctx: GraphQLContext): Promise<Passkey[]> {
    return (await this.passkeyService.list(viewerOf(ctx).userId)).map(toPasskey);
  }

  @RequireScopes('write:profile')
  @Mutation(() => PasskeyChallenge, {
    description: 'WebAuthn options to register a new passkey.',
    deprecationReason: 'Use beginPasskeyRegistration. Removal after 2027-06-30.',
  })
  async startPasskeyRegistration(@Ctx() ctx: GraphQLContext): Promise<PasskeyChallenge> {
    return toPasskeyChallenge(
      await this.passkeyService.startRegistration(viewerOf(ctx).userId, ctx.origin),
    );
  }

  @RequireScopes('write:profile')
  @Mutation(() => Passkey, {
    description: 'Registers the passkey the browser created for `startPasskeyRegistration`.',
    deprecationReason: 'Use completePasskeyRegistration. Removal after 2027-06-30.',
  })
  async finishPasskeyRegistration(
    @Arg('challengeId', () => ID, {
      description: 'The `challengeId` from `startPasskeyRegistration`.',
    })
    challengeId: string,
    @Arg('responseJson', () => String, {
      description: 'The browser’s registration response, as JSON.',
    })
    responseJson: string,
    @Arg('name', () => String, {
      defaultValue: 'Passkey',
      description: 'A name to recognise it by (trimmed, at most 100 characters).',
    })
    name: string,
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
  @Mutation(() => Boolean, {
    description: 'Removes one of the person’s passkeys, which no longer signs in; true when done.',
    deprecationReason: 'Use deletePasskey. Removal after 2027-06-30.',
  })
  async removePasskey(
    @Arg('id', () => ID, { description: 'The passkey’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.passkeyService.remove(viewerOf(ctx).userId, id, ctx.clientIp);
    return true;
  }

  @RequireScopes('write:profile')
  @Mutation(() => IssuePersonalAccessTokenPayload, {
    description:
      'Creates a token for an integration with some of the scopes of the token making the request.',
  })
  async issuePersonalAccessToken(
    @Arg('input', () => CreatePersonalAccessTokenInput, {
      description: 'Its name, scopes and lifetime.',
    })
    input: CreatePersonalAccessTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuePersonalAccessTokenPayload> {
    const created = await this.createPersonalAccessToken(input, ctx);
    return Object.assign(new IssuePersonalAccessTokenPayload(), { ...created });
  }

  @RequireScopes('write:profile')
  @Mutation(() => CancelPersonalAccessTokenPayload, {
    description: 'Revokes one of the person’s tokens at once (an unknown id is an error).',
  })
  async cancelPersonalAccessToken(
    @Arg('id', () => ID, { description: 'The token’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CancelPersonalAccessTokenPayload> {
    await this.revokePersonalAccessToken(id, ctx);
    return Object.assign(new CancelPersonalAccessTokenPayload(), {
      revokedPersonalAccessTokenId: id,
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => BeginPasskeyRegistrationPayload, {
    description: 'WebAuthn options to register a new passkey.',
  })
  async beginPasskeyRegistration(
    @Ctx() ctx: GraphQLContext,
  ): Promise<BeginPasskeyRegistrationPayload> {
    return Object.assign(new BeginPasskeyRegistrationPayload(), {
      challenge: await this.startPasskeyRegistration(ctx),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => CompletePasskeyRegistrationPayload, {
    description: 'Registers the passkey the browser created for `beginPasskeyRegistration`.',
  })
  async completePasskeyRegistration(
    @Arg('challengeId', () => ID, {
      description: 'The `challengeId` from `beginPasskeyRegistration`.',
    })
    challengeId: string,
    @Arg('responseJson', () => String, {
      description: 'The browser’s registration response, as JSON.',
    })
    responseJson: string,
    @Arg('name', () => String, {
      defaultValue: 'Passkey',
      description: 'A name to recognise it by (trimmed, at most 100 characters).',
    })
    name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CompletePasskeyRegistrationPayload> {
    return Object.assign(new CompletePasskeyRegistrationPayload(), {
      passkey: await this.finishPasskeyRegistration(challengeId, responseJson, name, ctx),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => DeletePasskeyPayload, {
    description: 'Removes one of the person’s passkeys, which no longer signs in.',
  })
  async deletePasskey(
    @Arg('id', () => ID, { description: 'The passkey’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeletePasskeyPayload> {
    await this.removePasskey(id, ctx);
    return Object.assign(new DeletePasskeyPayload(), { deletedPasskeyId: id });
  }
}
