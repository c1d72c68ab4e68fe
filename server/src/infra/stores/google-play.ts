import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  StoreVerificationError,
  fetchStoreJson,
  type StorePurchase,
  type StoreReceiptVerifier,
} from './store-receipt';

export const GOOGLE_PLAY_API_URL = 'https://androidpublisher.googleapis.com';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const ANDROID_PUBLISHER_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';

/** Subscription states in which the paid period is still in force. */
const ACTIVE_STATES = new Set([
  'SUBSCRIPTION_STATE_ACTIVE',
  'SUBSCRIPTION_STATE_CANCELED',
  'SUBSCRIPTION_STATE_IN_GRACE_PERIOD',
]);

export interface GooglePlayOptions {
  packageName: string;
  /** The service account's JSON key (client_email, private_key, optionally token_uri). */
  serviceAccount: Record<string, unknown>;
  /** Base URL of the Android Publisher API (defaults to Google's). */
  apiUrl?: string;
  /** OAuth token endpoint (defaults to the key's token_uri, then Google's). */
  tokenUrl?: string;
  now: () => Date;
  timeoutMs?: number;
}

interface SubscriptionPurchaseV2 {
  lineItems?: Array<{ productId?: unknown; expiryTime?: unknown }>;
  subscriptionState?: unknown;
  acknowledgementState?: unknown;
  latestOrderId?: unknown;
}

/**
 * The Android Publisher API (`purchases.subscriptionsv2.get`), called with an OAuth access token
 * the service account obtains by the JWT-bearer grant (RFC 7523) and reuses until shortly before
 * it expires. Google answers only for tokens of the configured package.
 */
export function createGooglePlayVerifier(options: GooglePlayOptions): StoreReceiptVerifier {
  const { client_email: clientEmail, private_key: privateKey } = options.serviceAccount;
  if (typeof clientEmail !== 'string' || typeof privateKey !== 'string')
    throw new Error('the Google Play service account lacks client_email or private_key');
  const key = createPrivateKey(privateKey);
  const keyTokenUri = options.serviceAccount.token_uri;
  const tokenUrl =
    options.tokenUrl ?? (typeof keyTokenUri === 'string' ? keyTokenUri : GOOGLE_TOKEN_URL);
  const apiUrl = options.apiUrl ?? GOOGLE_PLAY_API_URL;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let cached: { token: string; expiresAtMs: number } | null = null;

  const accessToken = async (): Promise<string> => {
    const nowMs = options.now().getTime();
    if (cached && cached.expiresAtMs - 60_000 > nowMs) return cached.token;
    const answer = await requestToken({ key, clientEmail, tokenUrl, nowMs, timeoutMs });
    cached = { token: answer.token, expiresAtMs: nowMs + answer.expiresInS * 1000 };
    return answer.token;
  };

  return {
    platform: 'play_store',
    async verify(purchaseToken, productId): Promise<StorePurchase> {
      const path =
        `/androidpublisher/v3/applications/${encodeURIComponent(options.packageName)}` +
        `/purchases/subscriptionsv2/tokens/${encodeURIComponent(purchaseToken)}`;
      const body = (await fetchStoreJson(new URL(path, apiUrl).toString(), {
        headers: { authorization: `Bearer ${await accessToken()}` },
        timeoutMs,
      })) as SubscriptionPurchaseV2;
      const items = Array.isArray(body.lineItems) ? body.lineItems : [];
      // A subscription may hold several products; the one the app reported decides, if present.
      const item = items.find((line) => line.productId === productId) ?? items[0];
      if (!item || typeof item.productId !== 'string')
        throw new StoreVerificationError('unavailable', 'the subscription has no line items');
      const expiry = typeof item.expiryTime === 'string' ? new Date(item.expiryTime) : null;
      return {
        platform: 'play_store',
        purchaseId: purchaseToken,
        productId: item.productId,
        expiresAt: expiry && !Number.isNaN(expiry.getTime()) ? expiry : null,
        revokedAt: null,
        isActive: ACTIVE_STATES.has(String(body.subscriptionState)),
        reference: typeof body.latestOrderId === 'string' ? body.latestOrderId : null,
      };
    },
  };
}

async function requestToken(input: {
  key: KeyObject;
  clientEmail: string;
  tokenUrl: string;
  nowMs: number;
  timeoutMs: number;
}): Promise<{ token: string; expiresInS: number }> {
  const issuedAtS = Math.floor(input.nowMs / 1000);
  const assertion = await new SignJWT({ scope: ANDROID_PUBLISHER_SCOPE })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(input.clientEmail)
    .setAudience(input.tokenUrl)
    .setIssuedAt(issuedAtS)
    .setExpirationTime(issuedAtS + 3600)
    .sign(input.key);
  let answer: unknown;
  try {
    answer = await fetchStoreJson(input.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
      timeoutMs: input.timeoutMs,
    });
  } catch (error) {
    // A refused grant is our configuration's fault, never the person's receipt.
    throw new StoreVerificationError('unavailable', `OAuth token request failed: ${String(error)}`);
  }
  const { access_token: token, expires_in: expiresIn } = answer as Record<string, unknown>;
  if (typeof token !== 'string')
    throw new StoreVerificationError('unavailable', 'the OAuth answer holds no access_token');
  return { token, expiresInS: typeof expiresIn === 'number' ? expiresIn : 3600 };
}
