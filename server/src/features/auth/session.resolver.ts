import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import {
  Public,
  RequireScopes,
  SCOPE_DESCRIPTIONS,
  SCOPES,
  declaredScopes,
  viewerOf,
} from '../../graphql/scopes';
import { currencyOf, RegisterInput } from '../accounts';
import {
  AuthPayload,
  GoogleSignInInput,
  PasskeyChallenge,
  SignedInSession,
  ScopeDescription,
  SignInOptionsType,
  toAuthPayload,
  toPasskeyChallenge,
  toSignedInSession,
} from './auth.type';
import {
  BeginPasskeySignInPayload,
  CompletePasswordResetPayload,
  DeleteMyAccountAndDataPayload,
  RotateTokenSigningKeyPayload,
  SignOutEverywherePayload,
  SignOutPayload,
  SignOutSessionPayload,
} from './auth-payloads.type';
import type { PasskeyService } from './passkey.service';
import type { SessionService } from './session.service';
import type { SignInService } from './sign-in.service';
import type { SigningKeys } from './signing-keys';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly passkeys: PasskeyService,
    private readonly keys: SigningKeys,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in.' })
  async register(
    @Arg('input', () => RegisterInput, { description: 'The new account.' }) input: RegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    return toAuthPayload(
      await this.signIn.register({ ...input, currency: currencyOf(input) ?? '' }, ctx.clientIp),
    );
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in with an e-mail address and password.' })
  async login(
    @Arg('email', () => String, { description: 'The account’s sign-in e-mail address.' })
    email: string,
    @Arg('password', () => String, { description: 'The account’s password.' }) password: string,
    @Arg('deviceToken', () => String, {
      nullable: true,
      description: 'The `deviceToken` this device was given at its last password sign-in, if any.',
    })
    deviceToken: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    return toAuthPayload(
      await this.signIn.login(email, password, ctx.clientIp, deviceToken ?? undefined),
    );
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token (once) for a new pair.' })
  async refreshToken(
    @Arg('refreshToken', () => String, {
      description: 'The latest `refreshToken` of the session; a used one ends the session.',
    })
    refreshToken: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    return toAuthPayload(await this.sessions.refresh(refreshToken, ctx.clientIp));
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description: 'Ends this session on every API node at once.',
    deprecationReason: 'Use signOut. Removal after 2027-06-30.',
  })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await this.sessions.logout(viewerOf(ctx), ctx.clientIp);
    return true;
  }

  @Public()
  @Query(() => [ScopeDescription], {
    description:
      'Every scope a token can carry, what it allows, and the operations it opens on its own. Each operation’s description ends with the scopes it needs.',
  })
  scopes(@Info() info: GraphQLResolveInfo): ScopeDescription[] {
    const needs = new Map<string, string[]>();
    const { schema } = info;
    for (const root of [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ])
      for (const field of Object.values(root?.getFields() ?? {})) {
        const scopes = declaredScopes(field);
        if (scopes) needs.set(field.name, scopes);
      }
    return SCOPES.map((name) => ({
      name,
      description: SCOPE_DESCRIPTIONS[name],
      operations: [...needs.entries()]
        .filter(([, scopes]) => scopes.every((s) => s === name))
        .map(([operation]) => operation)
        .sort(),
    }));
  }

  @Public()
  @Query(() => SignInOptionsType, {
    name: 'signInOptions',
    description: 'The ways to sign in that this server offers, for a sign-in screen.',
  })
  signInOptions(): SignInOptionsType {
    return Object.assign(new SignInOptionsType(), this.signIn.options());
  }

  @RequireScopes('read:profile')
  @Query(() => [SignedInSession], {
    name: 'sessions',
    description: 'The signed-in sessions of the viewer, most recently active first.',
  })
  async signedInSessions(@Ctx() ctx: GraphQLContext): Promise<SignedInSession[]> {
    return (await this.sessions.listSessions(viewerOf(ctx))).map(toSignedInSession);
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description: 'Ends one of the viewer’s sessions at once, on every API node (another device).',
    deprecationReason: 'Use signOutSession. Removal after 2027-06-30.',
  })
  async revokeSession(
    @Arg('id', () => ID, { description: 'The session’s id, from `sessions`.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.sessions.revokeOwnSession(viewerOf(ctx), id, ctx.clientIp);
    return true;
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description: 'Ends every session of the signed-in person.',
    deprecationReason: 'Use signOutEverywhere. Removal after 2027-06-30.',
  })
  async logoutEverywhere(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await this.sessions.logoutEverywhere(viewerOf(ctx).userId, ctx.clientIp);
    return true;
  }

  @RequireScopes('write:profile')
  @Mutation(() => AuthPayload, {
    description: 'Ends every session and token, then signs this device in again.',
  })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The password in use now.' })
    currentPassword: string,
    @Arg('newPassword', () => String, {
      description: 'The new password: 8–128 characters, not easy to guess.',
    })
    newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toAuthPayload(
      await this.signIn.changePassword(viewerOf(ctx), currentPassword, newPassword, ctx.clientIp),
    );
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with the e-mailed single-use token.',
    deprecationReason: 'Use completePasswordReset. Removal after 2027-06-30.',
  })
  async resetPassword(
    @Arg('token', () => String, {
      description: 'The token from the reset link; single use, valid 30 minutes.',
    })
    token: string,
    @Arg('newPassword', () => String, {
      description: 'The new password: 8–128 characters, not easy to guess.',
    })
    newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    await this.signIn.resetPassword(token, newPassword, ctx.clientIp);
    return true;
  }

  @RequireScopes('write:profile')
  @Mutation(() => Boolean, {
    description:
      'Deletes the account and all its data. Needs the password (or a sign-in in the last 5 minutes).',
    deprecationReason: 'Use deleteMyAccountAndData. Removal after 2027-06-30.',
  })
  async deleteMyAccount(
    @Arg('password', () => String, {
      nullable: true,
      description:
        'The account’s password, required when it has one; an account without one instead needs a sign-in in the last 5 minutes.',
    })
    password: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.signIn.deleteAccount(viewerOf(ctx), password);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in (or up) with a Google ID token.' })
  async signInWithGoogle(
    @Arg('input', () => GoogleSignInInput, {
      description: 'The Google ID token, and a profile for a new account.',
    })
    input: GoogleSignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    const defaults = {
      currency: currencyOf(input) ?? 'USD',
      country: input.country ?? 'US',
      timeZone: input.timeZone ?? 'UTC',
      locale: input.locale ?? 'en',
    };
    return toAuthPayload(
      await this.signIn.signInWithGoogle(input.idToken, defaults, ctx.clientIp, {
        referralCode: input.referralCode ?? null,
        deviceId: input.deviceId ?? null,
      }),
    );
  }

  @Public()
  @Mutation(() => PasskeyChallenge, {
    description: 'WebAuthn options to sign in with a passkey.',
    deprecationReason: 'Use beginPasskeySignIn. Removal after 2027-06-30.',
  })
  async startPasskeySignIn(@Ctx() ctx: GraphQLContext): Promise<PasskeyChallenge> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    return toPasskeyChallenge(await this.passkeys.startSignIn(ctx.origin));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Signs in with the passkey the browser used for `startPasskeySignIn`.',
  })
  async finishPasskeySignIn(
    @Arg('challengeId', () => ID, { description: 'The `challengeId` from `startPasskeySignIn`.' })
    challengeId: string,
    @Arg('responseJson', () => String, {
      description: 'The browser’s authentication response, as JSON.',
    })
    responseJson: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    await this.signIn.guardAnonymous(ctx.clientIp);
    return toAuthPayload(
      await this.signIn.signInWithPasskey(
        { challengeId, responseJson, origin: ctx.origin },
        ctx.clientIp,
      ),
    );
  }

  @RequireScopes('admin:*')
  @Mutation(() => String, {
    description:
      'Makes a new JWT signing key; tokens of the previous one stay valid. Returns its kid.',
    deprecationReason: 'Use rotateTokenSigningKey. Removal after 2027-06-30.',
  })
  async rotateSigningKey(@Ctx() ctx: GraphQLContext): Promise<string> {
    return this.keys.rotate({ userId: viewerOf(ctx).userId, ip: ctx.clientIp });
  }

  @RequireScopes('write:profile')
  @Mutation(() => SignOutPayload, { description: 'Ends this session on every API node at once.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    return Object.assign(new SignOutPayload(), { signedOut: await this.logout(ctx) });
  }

  @RequireScopes('write:profile')
  @Mutation(() => SignOutSessionPayload, {
    description: 'Ends one of the viewer’s sessions at once, on every API node (another device).',
  })
  async signOutSession(
    @Arg('id', () => ID, { description: 'The session’s id, from `sessions`.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignOutSessionPayload> {
    await this.revokeSession(id, ctx);
    return Object.assign(new SignOutSessionPayload(), { endedSessionId: id });
  }

  @RequireScopes('write:profile')
  @Mutation(() => SignOutEverywherePayload, {
    description: 'Ends every session of the signed-in person, this one included.',
  })
  async signOutEverywhere(@Ctx() ctx: GraphQLContext): Promise<SignOutEverywherePayload> {
    return Object.assign(new SignOutEverywherePayload(), {
      signedOut: await this.logoutEverywhere(ctx),
    });
  }

  @Public()
  @Mutation(() => CompletePasswordResetPayload, {
    description: 'Sets a new password with the e-mailed single-use token.',
  })
  async completePasswordReset(
    @Arg('token', () => String, {
      description: 'The token from the reset link; single use, valid 30 minutes.',
    })
    token: string,
    @Arg('newPassword', () => String, {
      description: 'The new password: 8–128 characters, not easy to guess.',
    })
    newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CompletePasswordResetPayload> {
    return Object.assign(new CompletePasswordResetPayload(), {
      passwordChanged: await this.resetPassword(token, newPassword, ctx),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => DeleteMyAccountAndDataPayload, {
    description:
      'Deletes the account and all its data. Needs the password (or a sign-in in the last 5 minutes).',
  })
  async deleteMyAccountAndData(
    @Arg('password', () => String, {
      nullable: true,
      description:
        'The account’s password, required when it has one; an account without one instead needs a sign-in in the last 5 minutes.',
    })
    password: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteMyAccountAndDataPayload> {
    const deletedUserId = viewerOf(ctx).userId;
    await this.deleteMyAccount(password ?? null, ctx);
    return Object.assign(new DeleteMyAccountAndDataPayload(), { deletedUserId });
  }

  @Public()
  @Mutation(() => BeginPasskeySignInPayload, {
    description: 'WebAuthn options to sign in with a passkey; answer with `finishPasskeySignIn`.',
  })
  async beginPasskeySignIn(@Ctx() ctx: GraphQLContext): Promise<BeginPasskeySignInPayload> {
    return Object.assign(new BeginPasskeySignInPayload(), {
      challenge: await this.startPasskeySignIn(ctx),
    });
  }

  @RequireScopes('admin:*')
  @Mutation(() => RotateTokenSigningKeyPayload, {
    description: 'Makes a new JWT signing key; tokens of the previous one stay valid.',
  })
  async rotateTokenSigningKey(@Ctx() ctx: GraphQLContext): Promise<RotateTokenSigningKeyPayload> {
    return Object.assign(new RotateTokenSigningKeyPayload(), {
      keyId: await this.rotateSigningKey(ctx),
    });
  }
}
