import { readFileSync } from 'node:fs';
import { UserRepository } from '../features/accounts';
import type { AuditService } from '../features/audit';
import { StorePurchaseRepository, StoreReceiptService } from '../features/payments';
import type { PremiumService } from '../features/premium';
import { createAppStoreVerifier } from '../infra/stores/app-store';
import { createGooglePlayVerifier } from '../infra/stores/google-play';
import {
  readStoreFile,
  type StorePlatform,
  type StoreReceiptVerifier,
} from '../infra/stores/store-receipt';
import type { ServiceDeps } from './services';

/** Store purchases of the mobile app, verified with each store whose credentials are configured. */
export function createStoreReceiptService(
  deps: ServiceDeps,
  audit: AuditService,
  premium: PremiumService,
): StoreReceiptService {
  const { database, clock, config } = deps;
  return new StoreReceiptService({
    repository: new StorePurchaseRepository(database.db, (db) => new UserRepository(db)),
    premium,
    audit,
    now: () => clock.now(),
    verifiers: storeVerifiers(config, () => clock.now()),
    premiumProductIds: config.STORE_PREMIUM_PRODUCT_IDS,
  });
}

function storeVerifiers(
  config: ServiceDeps['config'],
  now: () => Date,
): Partial<Record<StorePlatform, StoreReceiptVerifier>> {
  const verifiers: Partial<Record<StorePlatform, StoreReceiptVerifier>> = {};
  const { APPLE_IAP_ISSUER_ID: issuerId, APPLE_IAP_KEY_ID: keyId } = config;
  const { APPLE_IAP_PRIVATE_KEY_FILE: keyFile, APPLE_ROOT_CA_FILE: rootFile } = config;
  if (issuerId && keyId && keyFile && config.APPLE_BUNDLE_ID && rootFile)
    verifiers.app_store = createAppStoreVerifier({
      issuerId,
      keyId,
      privateKeyPem: readStoreFile('APPLE_IAP_PRIVATE_KEY_FILE', keyFile),
      bundleId: config.APPLE_BUNDLE_ID,
      environment: config.APPLE_IAP_ENVIRONMENT,
      ...(config.APPLE_IAP_API_URL ? { apiUrl: config.APPLE_IAP_API_URL } : {}),
      rootCertificatePem: readStoreFile('APPLE_ROOT_CA_FILE', rootFile),
      now,
    });
  const { GOOGLE_PLAY_PACKAGE_NAME: packageName } = config;
  const serviceAccountFile = config.GOOGLE_PLAY_SERVICE_ACCOUNT_FILE;
  if (packageName && serviceAccountFile)
    verifiers.play_store = createGooglePlayVerifier({
      packageName,
      serviceAccount: serviceAccountOf(serviceAccountFile),
      ...(config.GOOGLE_PLAY_API_URL ? { apiUrl: config.GOOGLE_PLAY_API_URL } : {}),
      ...(config.GOOGLE_PLAY_TOKEN_URL ? { tokenUrl: config.GOOGLE_PLAY_TOKEN_URL } : {}),
      now,
    });
  return verifiers;
}

function serviceAccountOf(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`GOOGLE_PLAY_SERVICE_ACCOUNT_FILE ${file} is not a readable JSON key file`, {
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`GOOGLE_PLAY_SERVICE_ACCOUNT_FILE ${file} is not a service-account key`);
  return parsed as Record<string, unknown>;
}
