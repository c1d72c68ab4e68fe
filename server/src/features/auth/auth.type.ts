import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { toUser, User } from '../accounts';
import type { PasskeyRow, PersonalAccessTokenRow } from './auth.table';
import type { PasskeyChallengeResult } from './passkey.service';
import type { SessionTokens, SignedInSession as SignedInSessionRow } from './session.service';

@ObjectType({
  description: 'A signed-in session: a short-lived access token and a rotating refresh token.',
})
export class AuthPayload {
  @Field(() => String, { description: 'JWT for `Authorization: Bearer …`, valid 15 minutes.' })
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Single use: exchange it with refreshToken for a new pair.' })
  refreshToken!: string;

  @Field(() => Date)
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => String, {
    nullable: true,
    description:
      'After a password sign-in or sign-up: keep it on this device and send it as `deviceToken` with the next `login`. A known device is never made to wait by wrong passwords someone else typed; a new device waits longer after each wrong password (RATE_LIMITED with `retryAfter`). Null for other sign-ins.',
  })
  deviceToken!: string | null;
}

export function toAuthPayload(tokens: SessionTokens): AuthPayload {
  return Object.assign(new AuthPayload(), {
    ...tokens,
    deviceToken: tokens.deviceToken ?? null,
    user: toUser(tokens.user),
  });
}

@ObjectType({ description: "A token for an integration, with a subset of its owner's scopes." })
export class PersonalAccessToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The first characters of the token, to tell tokens apart.' })
  prefix!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

export function toPersonalAccessToken(row: PersonalAccessTokenRow): PersonalAccessToken {
  return Object.assign(new PersonalAccessToken(), row);
}

@ObjectType()
export class CreatedPersonalAccessToken {
  @Field(() => String, { description: 'Shown this once; only its hash is kept.' })
  token!: string;

  @Field(() => PersonalAccessToken)
  personalAccessToken!: PersonalAccessToken;
}

@InputType()
export class CreatePersonalAccessTokenInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'A subset of the scopes of the token creating it.' })
  scopes!: string[];

  @Field(() => Int, { description: '1 to 365.' })
  expiresInDays!: number;
}

@ObjectType({ description: 'A WebAuthn credential that signs the person in.' })
export class Passkey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;
}

export function toPasskey(row: PasskeyRow): Passkey {
  return Object.assign(new Passkey(), {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  });
}

@ObjectType({
  description: 'WebAuthn options for the browser (`optionsJson`) and the id to answer with.',
})
export class PasskeyChallenge {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String)
  optionsJson!: string;
}

export function toPasskeyChallenge(result: PasskeyChallengeResult): PasskeyChallenge {
  return Object.assign(new PasskeyChallenge(), result);
}

@InputType({
  description:
    'A Google ID token, and the profile for a first sign-in (defaults: USD, US, UTC, en).',
})
export class GoogleSignInInput {
  @Field(() => String)
  idToken!: string;

  @Field(() => String, { nullable: true })
  currency?: string;

  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => String, { nullable: true })
  timeZone?: string;

  @Field(() => String, { nullable: true })
  locale?: string;
}

@ObjectType({
  description:
    'One sign-in on one device: it stays while its refresh token is used, until signed out or revoked.',
})
export class SignedInSession {
  @Field(() => ID, { description: 'The session id (the `sid` of its access tokens).' })
  id!: string;

  @Field(() => Date, { description: 'When the person signed in on that device.' })
  signedInAt!: Date;

  @Field(() => Date, {
    description: 'When it last refreshed its tokens (about every 15 minutes in use).',
  })
  lastActiveAt!: Date;

  @Field(() => Date, { description: 'When it ends unless used again.' })
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'True for the session making this request.' })
  current!: boolean;
}

export function toSignedInSession(row: SignedInSessionRow): SignedInSession {
  return Object.assign(new SignedInSession(), {
    id: row.id,
    signedInAt: row.signedInAt,
    lastActiveAt: row.lastActiveAt,
    expiresAt: row.expiresAt,
    current: row.isCurrent,
  });
}

@ObjectType({ description: 'How a person can sign in on this server; public.' })
export class SignInOptionsType {
  @Field(() => String, {
    nullable: true,
    description: 'The Google OAuth client id for “Continue with Google”; null when it is off.',
  })
  googleClientId!: string | null;

  @Field(() => Boolean, { description: 'Whether passkeys can be used on this server.' })
  passkeys!: boolean;
}

@ObjectType({ description: 'A scope a token can carry, and what it lets the token do.' })
export class ScopeDescription {
  @Field(() => String, { description: 'As written in tokens and in `createPersonalAccessToken`.' })
  name!: string;
  @Field(() => String) description!: string;
  @Field(() => [String], {
    description:
      'The operations (Query, Mutation and Subscription fields) a token with this scope alone may call.',
  })
  operations!: string[];
}
