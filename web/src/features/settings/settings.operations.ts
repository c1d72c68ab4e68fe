// The Settings screen's operations, sent with the session's token (features/auth sessionTransport).

const TOKEN_PAGE = `edges { node { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt } }
  pageInfo { hasNextPage endCursor }`;

export const SETTINGS_QUERY = `query Settings {
  me { id name email currency: homeCurrency timeZone locale hasPassword }
  budgetSettings { rollover version }
  passkeys { id name createdAt lastUsedAt }
  personalAccessTokensConnection(first: 100) { ${TOKEN_PAGE} }
}`;

/** The tokens after the first page (someone with more than 100, revoked ones included). */
export const MORE_TOKENS_QUERY = `query MoreTokens($after: String) {
  personalAccessTokensConnection(first: 100, after: $after) { ${TOKEN_PAGE} }
}`;

type TokenPage = {
  edges: { node: SettingsData['personalAccessTokens'][number] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** What SETTINGS_QUERY answers: `SettingsData` with the tokens' first page. */
export type SettingsAnswer = Omit<SettingsData, 'personalAccessTokens'> & {
  personalAccessTokensConnection: TokenPage;
};

/** What MORE_TOKENS_QUERY answers. */
export type MoreTokensAnswer = { personalAccessTokensConnection: TokenPage };

export const UPDATE_PROFILE = `mutation UpdateProfile($input: UpdateProfileInput!) {
  updateMyProfile(input: $input) { user { id name currency: homeCurrency timeZone locale } } }`;

export const UPDATE_ROLLOVER = `mutation UpdateRollover($input: UpdatePlanSettingsInput!) {
  updatePlanSettings(input: $input) { settings { rollover version } } }`;

export const REGENERATE_PLAN = `mutation RegeneratePlan { regeneratePlan(input: {}) { plan { month } } }`;

export const START_PASSKEY_REGISTRATION = `mutation StartPasskeyRegistration {
  beginPasskeyRegistration { challenge { challengeId optionsJson } } }`;

export const FINISH_PASSKEY_REGISTRATION = `mutation FinishPasskeyRegistration(
  $challengeId: ID!, $name: String!, $responseJson: String!) {
  completePasskeyRegistration(challengeId: $challengeId, name: $name, responseJson: $responseJson) {
    passkey { id } } }`;

export const REMOVE_PASSKEY = `mutation RemovePasskey($id: ID!) {
  deletePasskey(id: $id) { deletedPasskeyId } }`;

export const CREATE_TOKEN = `mutation CreateToken($input: CreatePersonalAccessTokenInput!) {
  issuePersonalAccessToken(input: $input) { token personalAccessToken { id } } }`;

export const REVOKE_TOKEN = `mutation RevokeToken($id: ID!) {
  cancelPersonalAccessToken(id: $id) { revokedPersonalAccessTokenId } }`;

export const EXPORT_DATA = `mutation ExportData {
  downloadMyData { dataExport { fileName contentType content } } }`;

export const DELETE_ACCOUNT = `mutation DeleteAccount($password: String) {
  deleteMyAccountAndData(password: $password) { deletedUserId } }`;

export interface SettingsData {
  me: {
    id: string;
    name: string;
    email: string;
    currency: string;
    timeZone: string;
    locale: string;
    hasPassword: boolean;
  };
  budgetSettings: { rollover: 'NEXT_DAY' | 'SAVINGS' | 'SPREAD'; version: number } | null;
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  personalAccessTokens: {
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    createdAt: string;
    expiresAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
}

/** The scopes a person may give an integration's token (admin scopes are never offered). */
export const GRANTABLE_SCOPES = [
  'read:profile',
  'write:profile',
  'read:transactions',
  'write:transactions',
  'read:budget',
  'manage:budget',
  'read:goals',
  'write:goals',
  'read:analytics',
  'process:receipts',
  'export:data',
  'manage:webhooks',
] as const;
