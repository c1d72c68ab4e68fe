import { readFileSync } from 'node:fs';

/** The app stores whose purchases the Capacitor app reports. */
export type StorePlatform = 'app_store' | 'play_store';

/** A purchase as the store itself describes it, after its authenticity was checked. */
export interface StorePurchase {
  platform: StorePlatform;
  /**
   * What identifies the purchase across renewals: Apple's original transaction id, Google's
   * purchase token. One account may claim it.
   */
  purchaseId: string;
  productId: string;
  /** When the paid period ends; null for a purchase without an end (not a subscription). */
  expiresAt: Date | null;
  /** When the store refunded or revoked it; null while it stands. */
  revokedAt: Date | null;
  /** False for a purchase not (or no longer) in force: pending, paused, on hold, expired. */
  isActive: boolean;
  /** The store's own reference (Apple's transaction id, Google's order id), for the audit. */
  reference: string | null;
}

/** Why a store did not vouch for a purchase. */
export type StoreVerificationFailure =
  /** The store does not know the transaction or token. */
  | 'not_found'
  /** The store's answer is not signed by the store (chain, signature or key mismatch). */
  | 'forged'
  /** A genuine purchase of another app (bundle id, package name) or another environment. */
  | 'wrong_app'
  /** The store could not be asked (network, authentication, unexpected answer). */
  | 'unavailable';

/** Thrown by a verifier; the payments feature turns it into its typed errors. */
export class StoreVerificationError extends Error {
  constructor(
    readonly failure: StoreVerificationFailure,
    detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'StoreVerificationError';
  }
}

/** Asks one store about a purchase the app reported; the only way a store purchase is believed. */
export interface StoreReceiptVerifier {
  readonly platform: StorePlatform;
  /** `receipt`: Apple's transaction id or Google's purchase token; `productId` the app bought. */
  verify(receipt: string, productId: string): Promise<StorePurchase>;
}

/** A JSON answer from a store's API, or a typed failure; 400, 404 and 410 are `not_found`. */
export async function fetchStoreJson(
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
  } catch (error) {
    throw new StoreVerificationError('unavailable', `request failed: ${String(error)}`);
  }
  // Both stores answer these for an id or token they do not know (malformed, another app's).
  if ([400, 404, 410].includes(response.status))
    throw new StoreVerificationError('not_found', 'the store does not know this purchase');
  if (!response.ok)
    throw new StoreVerificationError('unavailable', `the store answered ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new StoreVerificationError('unavailable', 'the store answered no JSON');
  }
}

/** Reads a key or certificate file named by a configuration variable; the error names both. */
export function readStoreFile(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${variable} ${file} is not readable`, { cause: error });
  }
}
