// The account operations, sent with the sync transport (plain fetch): the session store refreshes
// tokens itself, so these never go through a client that would ask it for one.

const SESSION = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
  user { id email name locale }`;

export const LOGIN = `mutation Login($email: String!, $password: String!, $deviceToken: String) {
  login(email: $email, password: $password, deviceToken: $deviceToken) { ${SESSION} deviceToken } }`;

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { ${SESSION} deviceToken } }`;

export const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { ${SESSION} } }`;

export const LOGOUT = `mutation Logout { signOut { signedOut } }`;
export const LOGOUT_EVERYWHERE = `mutation LogoutEverywhere { signOutEverywhere { signedOut } }`;

export const REQUEST_RESET = `mutation RequestReset($email: String!) {
  sendPasswordResetLink(email: $email) { accepted } }`;

export const RESET_PASSWORD = `mutation ResetPassword($token: String!, $newPassword: String!) {
  completePasswordReset(token: $token, newPassword: $newPassword) { passwordChanged } }`;

export const START_PASSKEY = `mutation StartPasskeySignIn {
  beginPasskeySignIn { challenge { challengeId optionsJson } } }`;

export const FINISH_PASSKEY = `mutation FinishPasskeySignIn($challengeId: ID!, $responseJson: String!) {
  finishPasskeySignIn(challengeId: $challengeId, responseJson: $responseJson) { ${SESSION} } }`;

export const HAS_PLAN = `query HasPlan { plan { month } }`;

export interface SessionPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string; name: string; locale: string };
  /** After a password sign-in or sign-up: this device's proof (`device-proof.ts`). */
  deviceToken?: string | null;
}
