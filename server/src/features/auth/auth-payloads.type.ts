import { Field, ID, ObjectType } from 'type-graphql';
import { Passkey, PasskeyChallenge, PersonalAccessToken } from './auth.type';

@ObjectType({ description: 'The token `issuePersonalAccessToken` made.' })
export class IssuePersonalAccessTokenPayload {
  @Field(() => String, {
    description:
      'Shown this once; only its hash is kept. Send it as `Authorization: Bearer pace_pat_…`.',
  })
  token!: string;
  @Field(() => PersonalAccessToken, {
    description: 'The token as `personalAccessTokensConnection` lists it.',
  })
  personalAccessToken!: PersonalAccessToken;
}

@ObjectType({ description: 'The outcome of `cancelPersonalAccessToken`.' })
export class CancelPersonalAccessTokenPayload {
  @Field(() => ID, { description: 'The token revoked; it stops working at once.' })
  revokedPersonalAccessTokenId!: string;
}

@ObjectType({ description: 'What the browser needs to create a passkey.' })
export class BeginPasskeyRegistrationPayload {
  @Field(() => PasskeyChallenge, {
    description: 'The WebAuthn options; answer with `completePasskeyRegistration`.',
  })
  challenge!: PasskeyChallenge;
}

@ObjectType({ description: 'The passkey `completePasskeyRegistration` registered.' })
export class CompletePasskeyRegistrationPayload {
  @Field(() => Passkey, { description: 'The new passkey, which signs in from now on.' })
  passkey!: Passkey;
}

@ObjectType({ description: 'The outcome of `deletePasskey`.' })
export class DeletePasskeyPayload {
  @Field(() => ID, { description: 'The passkey removed; it no longer signs in.' })
  deletedPasskeyId!: string;
}

@ObjectType({ description: 'What the browser needs to sign in with a passkey.' })
export class BeginPasskeySignInPayload {
  @Field(() => PasskeyChallenge, {
    description: 'The WebAuthn options; answer with `finishPasskeySignIn`.',
  })
  challenge!: PasskeyChallenge;
}

@ObjectType({ description: 'The outcome of `signOut`.' })
export class SignOutPayload {
  @Field(() => Boolean, {
    description: 'Always true: this session has ended on every API node.',
  })
  signedOut!: boolean;
}

@ObjectType({ description: 'The outcome of `signOutEverywhere`.' })
export class SignOutEverywherePayload {
  @Field(() => Boolean, {
    description: 'Always true: every session of the person has ended, this one included.',
  })
  signedOut!: boolean;
}

@ObjectType({ description: 'The outcome of `signOutSession`.' })
export class SignOutSessionPayload {
  @Field(() => ID, { description: 'The session ended on every API node.' })
  endedSessionId!: string;
}

@ObjectType({ description: 'The outcome of `completePasswordReset`.' })
export class CompletePasswordResetPayload {
  @Field(() => Boolean, {
    description: 'Always true: the new password is set and the reset link is used up.',
  })
  passwordChanged!: boolean;
}

@ObjectType({ description: 'The outcome of `deleteMyAccountAndData`.' })
export class DeleteMyAccountAndDataPayload {
  @Field(() => ID, { description: 'The id of the account deleted with all its data.' })
  deletedUserId!: string;
}

@ObjectType({ description: 'The outcome of `rotateTokenSigningKey`.' })
export class RotateTokenSigningKeyPayload {
  @Field(() => String, {
    description: 'The new key’s `kid`; tokens signed with the previous key stay valid.',
  })
  keyId!: string;
}
