export {
  refreshTokens,
  personalAccessTokens,
  passkeys,
  webauthnChallenges,
  signingKeys,
} from './auth.table';
export { SessionRepository } from './session.repository';
export { SigningKeyRepository, signingKeyContext } from './signing-key.repository';
export { PersonalAccessTokenRepository } from './personal-access-token.repository';
export { PasskeyRepository } from './passkey.repository';
export { SigningKeys } from './signing-keys';
export { AccessTokens } from './access-token';
export { SessionService, type SessionTokens } from './session.service';
export { PersonalAccessTokenService } from './personal-access-token.service';
export { PasskeyService, type RelyingParty } from './passkey.service';
export { GoogleIdentityVerifier } from './google-identity';
export { ViewerService, type Authentication } from './viewer.service';
export { SignInService } from './sign-in.service';
export { SessionResolver } from './session.resolver';
export { CredentialResolver } from './credential.resolver';
export { isPremium, scopesForUser } from './scopes.rules';
export { AuthError } from './auth.errors';
export {
  passkeyNode,
  personalAccessTokenNode,
  signedInSessionNode,
} from './credential.node-source';
