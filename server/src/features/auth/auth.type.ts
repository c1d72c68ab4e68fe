import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CurrencyCodeScalar } from '../../graphql/scalars';
import { toUser, User } from '../accounts';
import type { PasskeyRow, PersonalAccessTokenRow } from './auth.table';
import type { PasskeyChallengeResult } from './passkey.service';
import type { SessionTokens, SignedInSession as SignedInSessionRow } from './session.service';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';

@ObjectType({
  description: 'A signed-in session: a short-lived access token and a rotating refresh token.',
})
export class AuthPayload {
  @Field(() => String, { description: 'JWT for `Authorization: Bearer …`, valid 15 minutes.' })
  accessToken!: string;

  @Field(() => Date, { description: 'When `accessToken` stops being accepted.' })
  accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Single use: exchange it with refreshToken for a new pair.' })
  refreshToken!: string;

  @Field(() => Date, {
    description: 'When `refreshToken` expires if not used before; each use gives a new pair.',
  })
  refreshTokenExpiresAt!: Date;

  @Field(() => User, { description: 'The person signed in.' })
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

@ObjectType({
  implements: Node,
  description: "A token for an integration, with a subset of its owner's scopes.",
})
export class PersonalAccessToken {
  @Field(() => ID, { description: 'The token’s id, to revoke it.' })
  id!: string;

  @Field(() => String, { description: 'What the owner called it (at most 100 characters).' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the token, to tell tokens apart.' })
  prefix!: string;

  @Field(() => [String], {
    description: 'The scopes the token carries (see the `scopes` query for their meaning).',
  })
  scopes!: string[];

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it stops being accepted.' })
  expiresAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last used (updated at most once a minute); null if never.',
  })
  lastUsedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was revoked; null while it is not. A revoked token is never accepted.',
  })
  revokedAt!: Date | null;
}

export function toPersonalAccessToken(row: PersonalAccessTokenRow): PersonalAccessToken {
  return Object.assign(new PersonalAccessToken(), row);
}

@ObjectType({ description: 'A new personal access token, with its secret shown this once.' })
export class CreatedPersonalAccessToken {
  @Field(() => String, {
    description:
      'Shown this once; only its hash is kept. Send it as `Authorization: Bearer pace_pat_…`.',
  })
  token!: string;

  @Field(() => PersonalAccessToken, {
    description: 'The token as `personalAccessTokens` lists it.',
  })
  personalAccessToken!: PersonalAccessToken;
}

@InputType({ description: 'A new personal access token for an integration.' })
export class CreatePersonalAccessTokenInput {
  @Field(() => String, {
    description: 'A name to recognise it by; trimmed, cut to 100 characters, "Token" when empty.',
  })
  name!: string;

  @Field(() => [String], { description: 'A subset of the scopes of the token creating it.' })
  scopes!: string[];

  @Field(() => Int, { description: 'Days until it expires, counted from now: 1 to 365.' })
  expiresInDays!: number;
}

@ObjectType({
  implements: Node,
  description: 'A WebAuthn credential that signs the person in.',
})
export class Passkey {
  @Field(() => ID, { description: 'The passkey’s id, to remove it.' })
  id!: string;

  @Field(() => String, { description: 'What the person called it (at most 100 characters).' })
  name!: string;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it last signed the person in; null if never.',
  })
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
  @Field(() => ID, {
    description: 'Send it back with the browser’s answer, within 5 minutes; it works once.',
  })
  challengeId!: string;

  @Field(() => String, {
    description: 'The WebAuthn options as JSON, to pass to the browser’s WebAuthn API.',
  })
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
  @Field(() => String, { description: 'The ID token (a JWT) Google Sign-In gave the client.' })
  idToken!: string;

  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description:
      'ISO 4217 currency code, used only if this sign-in creates the account (USD when absent); wins over the deprecated `currency`.',
  })
  homeCurrency?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 4217 currency code, used only if this sign-in creates the account (USD when absent).',
    deprecationReason: 'Use homeCurrency. Removal after 2027-06-30.',
  })
  currency?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 3166-1 alpha-2 country, used only if this sign-in creates the account (US when absent).',
  })
  country?: string;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone, used only if this sign-in creates the account (UTC when absent).',
  })
  timeZone?: string;

  @Field(() => String, {
    nullable: true,
    description: 'BCP 47 locale, used only if this sign-in creates the account (en when absent).',
  })
  locale?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'An invite code (case, spaces and dashes ignored), used only if this sign-in creates the account; an unknown code is refused with REFERRAL_CODE_UNKNOWN (even for an existing account) before anything is created.',
  })
  referralCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A random id the device keeps, used only if this sign-in creates the account; only its SHA-256 is stored, to refuse referral rewards between accounts of one device.',
  })
  deviceId?: string | null;
}

@ObjectType({
  implements: Node,
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

@ObjectType('SignInOptions', { description: 'How a person can sign in on this server; public.' })
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
  @Field(() => String, { description: 'What a token with this scope may do.' })
  description!: string;
  @Field(() => [String], {
    description:
      'The operations (Query, Mutation and Subscription fields) a token with this scope alone may call.',
  })
  operations!: string[];
}

/** The viewer’s personal access tokens a page at a time. */
export const PersonalAccessTokenConnection = connectionTypes(
  PersonalAccessToken,
  'PersonalAccessToken',
  'personal access tokens',
);
