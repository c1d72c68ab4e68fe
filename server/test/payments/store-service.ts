import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, jwtVerify, type JWTPayload } from 'jose';

export const BUNDLE_ID = 'app.pace.mobile';
export const PACKAGE_NAME = 'app.pace.mobile';
export const APPLE_ISSUER_ID = '57246542-96fe-1a63-e053-0824d011072a';
export const APPLE_KEY_ID = 'PACETEST01';

/** A request one of the fake stores received, with the credential it carried (verified or not). */
export interface StoreCall {
  path: string;
  authorization: string | undefined;
  /** Claims of the bearer JWT (Apple) or of the JWT-bearer assertion (Google's token endpoint). */
  claims?: JWTPayload;
  header?: Record<string, unknown>;
}

interface CertifiedKey {
  key: string;
  certificate: string;
}

/** A root, an intermediate and a leaf with Apple's marker extensions, made with openssl. */
function certificateChain(dir: string, name: string) {
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const file = (suffix: string) => join(dir, `${name}-${suffix}`);
  const newKey = (label: string) =>
    run(
      ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'].concat([
        '-out',
        file(`${label}.key`),
      ]),
    );
  newKey('root');
  run([
    'req',
    '-x509',
    '-new',
    '-key',
    file('root.key'),
    '-subj',
    `/CN=${name} Root CA`,
    '-days',
    '2',
    '-out',
    file('root.pem'),
  ]);
  const issue = (label: string, issuer: string, extensions: string[]) => {
    newKey(label);
    run([
      'req',
      '-new',
      '-key',
      file(`${label}.key`),
      '-subj',
      `/CN=${name} ${label}`,
      '-out',
      file(`${label}.csr`),
    ]);
    writeFileSync(file(`${label}.ext`), extensions.join('\n'));
    run(
      [
        'x509',
        '-req',
        '-in',
        file(`${label}.csr`),
        '-CA',
        file(`${issuer}.pem`),
        '-CAkey',
        file(`${issuer}.key`),
      ].concat([
        '-set_serial',
        String(Date.now()),
        '-days',
        '2',
        '-extfile',
        file(`${label}.ext`),
        '-out',
        file(`${label}.pem`),
      ]),
    );
  };
  issue('intermediate', 'root', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign',
    '1.2.840.113635.100.6.2.1=ASN1:NULL',
  ]);
  issue('leaf', 'intermediate', [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature',
    '1.2.840.113635.100.6.11.1=ASN1:NULL',
  ]);
  const read = (label: string): CertifiedKey => ({
    key: readFileSync(file(`${label}.key`), 'utf8'),
    certificate: readFileSync(file(`${label}.pem`), 'utf8'),
  });
  // Issued by the same intermediate, but without the App Store receipt-signing marker.
  issue('plain', 'intermediate', ['basicConstraints=critical,CA:FALSE']);
  return {
    root: read('root'),
    intermediate: read('intermediate'),
    leaf: read('leaf'),
    plain: read('plain'),
  };
}

type Chain = ReturnType<typeof certificateChain>;

/** A JWS as Apple signs App Store data: ES256 by the leaf, `x5c` = leaf, intermediate, root. */
async function signedByChain(payload: object, chain: Chain, leaf = chain.leaf): Promise<string> {
  const x5c = [leaf, chain.intermediate, chain.root].map((c) =>
    new X509Certificate(c.certificate).raw.toString('base64'),
  );
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', x5c })
    .sign(createPrivateKey(leaf.key));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}

function answer(res: ServerResponse, status: number, body: object) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/**
 * How the fake App Store signs a transaction: Apple's chain, a stranger's, a leaf of Apple's chain
 * lacking the receipt-signing marker, or Apple's signature over a tampered body.
 */
export type Signing = 'apple' | 'impostor' | 'unmarked' | 'tampered';

/**
 * A local server speaking the App Store Server API (transactions endpoint) and Google's OAuth
 * token endpoint plus the Android Publisher API (subscriptionsv2). It checks credentials as the
 * stores do: Apple's bearer JWT against the in-app purchase key's public half, Google's
 * JWT-bearer assertion against the service account's, and the access tokens it issued. Key files
 * and the trusted root are written to a temporary directory for the server's configuration.
 */
export async function startStoreService() {
  const dir = mkdtempSync(join(tmpdir(), 'pace-stores-'));
  const apple = certificateChain(dir, 'apple');
  const impostor = certificateChain(dir, 'impostor');
  const iapKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const iapKeyFile = join(dir, 'AuthKey.p8');
  writeFileSync(iapKeyFile, iapKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const rootFile = join(dir, 'apple-root.pem');
  writeFileSync(rootFile, apple.root.certificate);
  const serviceAccountKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const calls: StoreCall[] = [];
  const transactions = new Map<string, { payload: Record<string, unknown>; signing: Signing }>();
  const subscriptions = new Map<string, Record<string, unknown>>();
  const issuedTokens = new Set<string>();
  let url = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    const body = await readBody(req);
    const call: StoreCall = { path, authorization: req.headers.authorization };
    calls.push(call);
    const appleMatch = /^\/inApps\/v1\/transactions\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && appleMatch) {
      try {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const verified = await jwtVerify(token, iapKey.publicKey, {
          issuer: APPLE_ISSUER_ID,
          audience: 'appstoreconnect-v1',
          algorithms: ['ES256'],
        });
        call.claims = verified.payload;
        call.header = verified.protectedHeader;
        if (verified.protectedHeader.kid !== APPLE_KEY_ID) throw new Error('unknown key');
      } catch {
        return answer(res, 401, {});
      }
      const transaction = transactions.get(decodeURIComponent(appleMatch[1]!));
      if (!transaction)
        return answer(res, 404, { errorCode: 4040010, errorMessage: 'Transaction id not found.' });
      return answer(res, 200, { signedTransactionInfo: await sign(transaction) });
    }
    if (req.method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body);
      try {
        const verified = await jwtVerify(form.get('assertion') ?? '', serviceAccountKey.publicKey, {
          audience: `${url}/token`,
          algorithms: ['RS256'],
        });
        call.claims = verified.payload;
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
          throw new Error('grant type');
      } catch {
        return answer(res, 400, { error: 'invalid_grant' });
      }
      const accessToken = `ya29.local-${issuedTokens.size + 1}`;
      issuedTokens.add(accessToken);
      return answer(res, 200, {
        access_token: accessToken,
        expires_in: 3599,
        token_type: 'Bearer',
      });
    }
    const googleMatch =
      /^\/androidpublisher\/v3\/applications\/([^/]+)\/purchases\/subscriptionsv2\/tokens\/([^/]+)$/.exec(
        path,
      );
    if (req.method === 'GET' && googleMatch) {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!issuedTokens.has(token)) return answer(res, 401, { error: { code: 401 } });
      const purchase =
        googleMatch[1] === PACKAGE_NAME
          ? subscriptions.get(decodeURIComponent(googleMatch[2]!))
          : undefined;
      if (!purchase) return answer(res, 404, { error: { code: 404, status: 'NOT_FOUND' } });
      return answer(res, 200, purchase);
    }
    return answer(res, 404, {});
  };

  const sign = async ({ payload, signing }: { payload: object; signing: Signing }) => {
    if (signing === 'impostor') return signedByChain(payload, impostor);
    if (signing === 'unmarked') return signedByChain(payload, apple, apple.plain);
    const jws = await signedByChain(payload, apple);
    if (signing === 'apple') return jws;
    // Same signature, another body: a premium end pushed a year on.
    const [header, , signature] = jws.split('.');
    const changed = { ...payload, expiresDate: Date.now() + 365 * 24 * 3600 * 1000 };
    return [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join(
      '.',
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serviceAccountFile = join(dir, 'play-service-account.json');
  writeFileSync(
    serviceAccountFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'pace-test',
      client_email: 'play@pace-test.iam.gserviceaccount.com',
      private_key: serviceAccountKey.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      token_uri: `${url}/token`,
    }),
  );

  return {
    calls,
    /** The server configuration pointing both stores at this fake. */
    config: {
      APPLE_IAP_ISSUER_ID: APPLE_ISSUER_ID,
      APPLE_IAP_KEY_ID: APPLE_KEY_ID,
      APPLE_IAP_PRIVATE_KEY_FILE: iapKeyFile,
      APPLE_BUNDLE_ID: BUNDLE_ID,
      APPLE_ROOT_CA_FILE: rootFile,
      APPLE_IAP_ENVIRONMENT: 'sandbox',
      APPLE_IAP_API_URL: url,
      GOOGLE_PLAY_PACKAGE_NAME: PACKAGE_NAME,
      GOOGLE_PLAY_SERVICE_ACCOUNT_FILE: serviceAccountFile,
      GOOGLE_PLAY_API_URL: url,
    },
    /** An App Store transaction (payload fields as in JWSTransactionDecodedPayload). */
    addTransaction(payload: Record<string, unknown>, signing: Signing = 'apple') {
      transactions.set(String(payload.transactionId), { payload, signing });
    },
    /** A Google Play subscription (a SubscriptionPurchaseV2 resource) behind a purchase token. */
    addSubscription(token: string, purchase: Record<string, unknown>) {
      subscriptions.set(token, purchase);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
