import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT, compactVerify, decodeProtectedHeader } from 'jose';
import {
  StoreVerificationError,
  fetchStoreJson,
  type StorePurchase,
  type StoreReceiptVerifier,
} from './store-receipt';

/** Apple's App Store Server API hosts, by environment. */
export const APP_STORE_API_URLS = {
  production: 'https://api.storekit.itunes.apple.com',
  sandbox: 'https://api.storekit-sandbox.itunes.apple.com',
} as const;

/**
 * Marker extensions Apple puts in the certificates that sign App Store data: the leaf (App Store
 * receipt signing) and the intermediate (Apple Worldwide Developer Relations).
 */
const LEAF_MARKER_OID = '1.2.840.113635.100.6.11.1';
const INTERMEDIATE_MARKER_OID = '1.2.840.113635.100.6.2.1';

export interface AppStoreOptions {
  /** App Store Connect's issuer id, the in-app purchase key's id and its PKCS#8 PEM (.p8). */
  issuerId: string;
  keyId: string;
  privateKeyPem: string;
  bundleId: string;
  environment: keyof typeof APP_STORE_API_URLS;
  /** The API's base URL (defaults to Apple's host of the environment). */
  apiUrl?: string;
  /** The root CA the `x5c` chain of every signed answer must end at (Apple Root CA - G3). */
  rootCertificatePem: string;
  now: () => Date;
  timeoutMs?: number;
}

/** The part of a JWSTransactionDecodedPayload that decides premium. */
interface TransactionPayload {
  transactionId?: unknown;
  originalTransactionId?: unknown;
  productId?: unknown;
  bundleId?: unknown;
  expiresDate?: unknown;
  revocationDate?: unknown;
  environment?: unknown;
}

/**
 * The App Store Server API (`GET /inApps/v1/transactions/{id}`), authenticated with an ES256 JWT of
 * the in-app purchase key. Apple's answer is a JWS whose `x5c` chain is checked up to the
 * configured root before its payload is believed.
 */
export function createAppStoreVerifier(options: AppStoreOptions): StoreReceiptVerifier {
  const signingKey = createPrivateKey(options.privateKeyPem);
  const root = new X509Certificate(options.rootCertificatePem);
  const apiUrl = options.apiUrl ?? APP_STORE_API_URLS[options.environment];
  const expectedEnvironment = options.environment === 'production' ? 'Production' : 'Sandbox';

  const bearer = () =>
    new SignJWT({ bid: options.bundleId })
      .setProtectedHeader({ alg: 'ES256', kid: options.keyId, typ: 'JWT' })
      .setIssuer(options.issuerId)
      .setAudience('appstoreconnect-v1')
      .setIssuedAt(Math.floor(options.now().getTime() / 1000))
      // Apple refuses tokens living longer than an hour; each request signs a fresh one.
      .setExpirationTime(Math.floor(options.now().getTime() / 1000) + 300)
      .sign(signingKey);

  return {
    platform: 'app_store',
    async verify(transactionId): Promise<StorePurchase> {
      const url = new URL(
        `/inApps/v1/transactions/${encodeURIComponent(transactionId)}`,
        apiUrl,
      ).toString();
      const body = await fetchStoreJson(url, {
        headers: { authorization: `Bearer ${await bearer()}` },
        timeoutMs: options.timeoutMs ?? 10_000,
      });
      const signed = (body as { signedTransactionInfo?: unknown }).signedTransactionInfo;
      if (typeof signed !== 'string')
        throw new StoreVerificationError('unavailable', 'no signedTransactionInfo in the answer');
      const payload = await verifiedPayload(signed, root, options.now());
      if (payload.bundleId !== options.bundleId)
        throw new StoreVerificationError('wrong_app', `bundle ${String(payload.bundleId)}`);
      if (payload.environment !== expectedEnvironment)
        throw new StoreVerificationError('wrong_app', `environment ${String(payload.environment)}`);
      return toPurchase(payload);
    },
  };
}

function toPurchase(payload: TransactionPayload): StorePurchase {
  const { originalTransactionId, productId, transactionId } = payload;
  if (typeof originalTransactionId !== 'string' || typeof productId !== 'string')
    throw new StoreVerificationError('unavailable', 'the transaction lacks its ids');
  const expiresAt = instantOf(payload.expiresDate);
  return {
    platform: 'app_store',
    purchaseId: originalTransactionId,
    productId,
    expiresAt,
    revokedAt: instantOf(payload.revocationDate),
    isActive: true,
    reference: typeof transactionId === 'string' ? transactionId : null,
  };
}

/** Apple's dates are milliseconds since the epoch. */
function instantOf(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value) : null;
}

/** The payload of an App Store JWS whose signature and certificate chain check out. */
async function verifiedPayload(
  jws: string,
  root: X509Certificate,
  now: Date,
): Promise<TransactionPayload> {
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'ES256') throw new Error(`algorithm ${String(header.alg)}`);
    const leafKey = verifiedLeafKey(header.x5c, root, now);
    const { payload } = await compactVerify(jws, leafKey, { algorithms: ['ES256'] });
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (typeof parsed !== 'object' || parsed === null) throw new Error('payload is not an object');
    return parsed;
  } catch (error) {
    throw new StoreVerificationError('forged', String(error));
  }
}

/**
 * Checks `x5c` = [leaf, intermediate, root]: the root is the configured one byte for byte, each
 * certificate is issued and signed by the next, within its validity at `now`, the two upper ones
 * are CAs and the lower two carry Apple's marker extensions. Returns the leaf's public key.
 */
function verifiedLeafKey(x5c: unknown, root: X509Certificate, now: Date): KeyObject {
  if (!Array.isArray(x5c) || x5c.length !== 3 || !x5c.every((c) => typeof c === 'string'))
    throw new Error('x5c must hold three certificates');
  const [leaf, intermediate, chainRoot] = x5c.map(
    (der) => new X509Certificate(Buffer.from(der, 'base64')),
  ) as [X509Certificate, X509Certificate, X509Certificate];
  if (!chainRoot.raw.equals(root.raw)) throw new Error('chain does not end at the trusted root');
  const links: Array<[X509Certificate, X509Certificate]> = [
    [intermediate, root],
    [leaf, intermediate],
  ];
  for (const [child, issuer] of links) {
    if (!issuer.ca) throw new Error(`${issuer.subject} is not a CA`);
    if (!child.checkIssued(issuer) || !child.verify(issuer.publicKey))
      throw new Error(`${child.subject} is not signed by ${issuer.subject}`);
  }
  for (const certificate of [leaf, intermediate, root]) {
    if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo))
      throw new Error(`${certificate.subject} is not valid now`);
  }
  if (!hasExtension(leaf, LEAF_MARKER_OID) || !hasExtension(intermediate, INTERMEDIATE_MARKER_OID))
    throw new Error('certificates lack Apple’s marker extensions');
  return leaf.publicKey;
}

/**
 * Whether the certificate's DER holds the OID (as an encoded OBJECT IDENTIFIER). Node exposes no
 * extension list; the marker OIDs are long enough not to appear by chance.
 */
function hasExtension(certificate: X509Certificate, oid: string): boolean {
  return certificate.raw.includes(encodedOid(oid));
}

function encodedOid(oid: string): Buffer {
  const [first = 0, second = 0, ...rest] = oid.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return Buffer.from([0x06, bytes.length, ...bytes]);
}
