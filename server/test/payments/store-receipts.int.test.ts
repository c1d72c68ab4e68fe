import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { APPLE_ISSUER_ID, BUNDLE_ID, startStoreService, type Signing } from './store-service';

const VERIFY = `mutation ($input: VerifyStoreReceiptInput!) {
  verifyStoreReceipt(input: $input) { isNewlyApplied entitlement { plan isPremium source until } }
}`;
const MINE = `{ myEntitlement { plan isPremium source until } }`;
const AUDIT = `{ auditLog(first: 200) { edges { node { event userId details } } } }`;
const MONTHLY = 'pace.premium.monthly';
const DAY_MS = 24 * 3600 * 1000;

interface Verified {
  verifyStoreReceipt: {
    isNewlyApplied: boolean;
    entitlement: { plan: string; isPremium: boolean; source: string | null; until: string | null };
  };
}

let sequence = 0;
const nextId = () => String(2_000_000_000_000 + ++sequence);

describe(`premium bought in the App Store and Google Play (${TEST_MODE})`, () => {
  let api: TestApi;
  let stores: Awaited<ReturnType<typeof startStoreService>>;
  beforeAll(async () => {
    stores = await startStoreService();
    api = await startTestApi({ config: stores.config });
  });
  afterAll(async () => {
    await api?.stop();
    await stores?.close();
  });

  const verify = (
    token: string,
    input: { platform: string; receipt: string; productId?: string },
  ) => api.graphql<Verified>(VERIFY, { input: { productId: MONTHLY, ...input } }, bearer(token));
  const reasons = (response: {
    errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
  }) =>
    (response.errors ?? []).map(
      (e) => `${String(e.extensions?.code)}/${String(e.extensions?.reason)}`,
    );
  const entitlementOf = async (token: string) =>
    (
      await api.graphql<{ myEntitlement: { plan: string; source: string | null } }>(
        MINE,
        {},
        bearer(token),
      )
    ).data?.myEntitlement;

  /** An App Store subscription transaction; the original id is the transaction id unless given. */
  const appleTransaction = (
    fields: Record<string, unknown> = {},
    signing: Signing = 'apple',
  ): { transactionId: string; expiresDate: number } => {
    const transactionId = nextId();
    const payload = {
      transactionId,
      originalTransactionId: transactionId,
      bundleId: BUNDLE_ID,
      productId: MONTHLY,
      type: 'Auto-Renewable Subscription',
      environment: 'Sandbox',
      purchaseDate: Date.now() - DAY_MS,
      signedDate: Date.now(),
      expiresDate: Date.now() + 30 * DAY_MS,
      ...fields,
    };
    stores.addTransaction(payload, signing);
    return { transactionId, expiresDate: payload.expiresDate };
  };

  it('lists both stores as available when configured', async () => {
    const person = await signUp(api);
    const response = await api.graphql<{ premiumStorePlatforms: string[] }>(
      `{ premiumStorePlatforms }`,
      {},
      bearer(person.accessToken),
    );
    expect(response.data?.premiumStorePlatforms).toEqual(['APP_STORE', 'PLAY_STORE']);
  });

  it('grants premium until the App Store expiry once, renews, and refuses another account', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const buyer = await signUp(api);
    const other = await signUp(api);
    const { transactionId, expiresDate } = appleTransaction();

    const first = await verify(buyer.accessToken, {
      platform: 'APP_STORE',
      receipt: transactionId,
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.verifyStoreReceipt).toEqual({
      isNewlyApplied: true,
      entitlement: {
        plan: 'PREMIUM',
        isPremium: true,
        source: 'app_store',
        until: new Date(expiresDate).toISOString(),
      },
    });
    // The real client signed an ES256 JWT with the in-app purchase key; the fake verified it.
    const call = stores.calls.find((c) => c.path === `/inApps/v1/transactions/${transactionId}`);
    expect(call?.authorization).toMatch(/^Bearer ey/);
    expect(call?.header).toMatchObject({ alg: 'ES256', kid: 'PACETEST01', typ: 'JWT' });
    expect(call?.claims).toMatchObject({
      iss: APPLE_ISSUER_ID,
      aud: 'appstoreconnect-v1',
      bid: BUNDLE_ID,
    });

    // Replayed: nothing extended, the current entitlement comes back.
    const replay = await verify(buyer.accessToken, {
      platform: 'APP_STORE',
      receipt: transactionId,
    });
    expect(replay.data?.verifyStoreReceipt.isNewlyApplied).toBe(false);
    expect(replay.data?.verifyStoreReceipt.entitlement.until).toBe(
      new Date(expiresDate).toISOString(),
    );

    // The same purchase from another account is refused, and gives that account nothing.
    const stolen = await verify(other.accessToken, {
      platform: 'APP_STORE',
      receipt: transactionId,
    });
    expect(reasons(stolen)).toEqual(['CONFLICT/STORE_RECEIPT_CLAIMED']);
    expect((await entitlementOf(other.accessToken))?.plan).toBe('STANDARD');

    // A renewal (new transaction, same original) extends to the new end.
    const renewal = appleTransaction({
      originalTransactionId: transactionId,
      expiresDate: expiresDate + 30 * DAY_MS,
    });
    const renewed = await verify(buyer.accessToken, {
      platform: 'APP_STORE',
      receipt: renewal.transactionId,
    });
    expect(renewed.data?.verifyStoreReceipt).toMatchObject({
      isNewlyApplied: true,
      entitlement: { until: new Date(renewal.expiresDate).toISOString() },
    });

    const audit = await api.graphql<{
      auditLog: {
        edges: Array<{
          node: { event: string; userId: string | null; details: Record<string, unknown> };
        }>;
      };
    }>(AUDIT, {}, bearer(admin.accessToken));
    const grants = (audit.data?.auditLog.edges ?? [])
      .map((e) => e.node)
      .filter((n) => n.event === 'payments.premium_granted' && n.userId === buyer.userId);
    expect(grants.map((n) => n.details.until)).toEqual(
      expect.arrayContaining([
        new Date(expiresDate).toISOString(),
        new Date(renewal.expiresDate).toISOString(),
      ]),
    );
    expect(grants).toHaveLength(2);
  });

  it.each([
    [
      'expired',
      { expiresDate: Date.now() - DAY_MS },
      'apple',
      'BAD_USER_INPUT/STORE_RECEIPT_EXPIRED',
    ],
    [
      'revoked',
      { revocationDate: Date.now() - 1000 },
      'apple',
      'BAD_USER_INPUT/STORE_RECEIPT_REVOKED',
    ],
    [
      'of another app',
      { bundleId: 'com.example.other' },
      'apple',
      'BAD_USER_INPUT/STORE_RECEIPT_WRONG_APP',
    ],
    [
      'of production',
      { environment: 'Production' },
      'apple',
      'BAD_USER_INPUT/STORE_RECEIPT_WRONG_APP',
    ],
    [
      'of another product',
      { productId: 'pace.coins' },
      'apple',
      'BAD_USER_INPUT/STORE_RECEIPT_WRONG_PRODUCT',
    ],
    ['signed by another root', {}, 'impostor', 'BAD_USER_INPUT/STORE_RECEIPT_FORGED'],
    ['tampered after signing', {}, 'tampered', 'BAD_USER_INPUT/STORE_RECEIPT_FORGED'],
    ['signed without Apple’s marker', {}, 'unmarked', 'BAD_USER_INPUT/STORE_RECEIPT_FORGED'],
  ] as const)('refuses an App Store transaction %s', async (_, fields, signing, reason) => {
    const person = await signUp(api);
    const { transactionId } = appleTransaction(fields, signing);
    const response = await verify(person.accessToken, {
      platform: 'APP_STORE',
      receipt: transactionId,
    });
    expect(reasons(response)).toEqual([reason]);
    expect(await entitlementOf(person.accessToken)).toMatchObject({
      plan: 'STANDARD',
      source: null,
    });
  });

  it('refuses unknown transactions, non-premium products and audits forged answers', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const person = await signUp(api);
    expect(
      reasons(await verify(person.accessToken, { platform: 'APP_STORE', receipt: '999' })),
    ).toEqual(['NOT_FOUND/STORE_RECEIPT_NOT_FOUND']);
    const { transactionId } = appleTransaction();
    const notPremium = await verify(person.accessToken, {
      platform: 'APP_STORE',
      receipt: transactionId,
      productId: 'pace.coins',
    });
    expect(reasons(notPremium)).toEqual(['BAD_USER_INPUT/STORE_RECEIPT_WRONG_PRODUCT']);
    expect(
      reasons(await verify(person.accessToken, { platform: 'APP_STORE', receipt: ' ' })),
    ).toEqual(['BAD_USER_INPUT/STORE_RECEIPT_INVALID']);
    const forged = appleTransaction({}, 'impostor');
    await verify(person.accessToken, { platform: 'APP_STORE', receipt: forged.transactionId });
    const audit = await api.graphql<{
      auditLog: { edges: Array<{ node: { event: string; details: Record<string, unknown> } }> };
    }>(AUDIT, {}, bearer(admin.accessToken));
    expect(audit.data?.auditLog.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        event: 'payments.signature_rejected',
        details: expect.objectContaining({ provider: 'app_store' }),
      }),
    );
  });

  it('grants premium until the Google Play expiry once, with an OAuth token of the service account', async () => {
    const buyer = await signUp(api);
    const other = await signUp(api);
    const expiryTime = new Date(Date.now() + 31 * DAY_MS).toISOString();
    const token = `play-token-${nextId()}`;
    stores.addSubscription(token, {
      kind: 'androidpublisher#subscriptionPurchaseV2',
      subscriptionState: 'SUBSCRIPTION_STATE_ACTIVE',
      acknowledgementState: 'ACKNOWLEDGEMENT_STATE_ACKNOWLEDGED',
      latestOrderId: 'GPA.1234-5678-9012-34567',
      lineItems: [{ productId: MONTHLY, expiryTime }],
    });

    const first = await verify(buyer.accessToken, { platform: 'PLAY_STORE', receipt: token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.verifyStoreReceipt).toEqual({
      isNewlyApplied: true,
      entitlement: { plan: 'PREMIUM', isPremium: true, source: 'play_store', until: expiryTime },
    });
    const replay = await verify(buyer.accessToken, { platform: 'PLAY_STORE', receipt: token });
    expect(replay.data?.verifyStoreReceipt).toMatchObject({
      isNewlyApplied: false,
      entitlement: { until: expiryTime },
    });
    expect(
      reasons(await verify(other.accessToken, { platform: 'PLAY_STORE', receipt: token })),
    ).toEqual(['CONFLICT/STORE_RECEIPT_CLAIMED']);

    // The service account's signed assertion reached the token endpoint; the API saw its token.
    const grant = stores.calls.find((c) => c.path === '/token');
    expect(grant?.claims).toMatchObject({
      iss: 'play@pace-test.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/androidpublisher',
    });
    const lookups = stores.calls.filter((c) => c.path.endsWith(`/tokens/${token}`));
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    expect(lookups.every((c) => c.authorization === 'Bearer ya29.local-1')).toBe(true);
    expect(lookups[0]?.path).toBe(
      `/androidpublisher/v3/applications/app.pace.mobile/purchases/subscriptionsv2/tokens/${token}`,
    );
  });

  it.each([
    [
      'expired',
      'SUBSCRIPTION_STATE_EXPIRED',
      -DAY_MS,
      MONTHLY,
      'BAD_USER_INPUT/STORE_RECEIPT_EXPIRED',
    ],
    [
      'pending',
      'SUBSCRIPTION_STATE_PENDING',
      DAY_MS,
      MONTHLY,
      'BAD_USER_INPUT/STORE_RECEIPT_NOT_ACTIVE',
    ],
    [
      'of another product',
      'SUBSCRIPTION_STATE_ACTIVE',
      DAY_MS,
      'pace.coins',
      'BAD_USER_INPUT/STORE_RECEIPT_WRONG_PRODUCT',
    ],
  ])('refuses a Google Play subscription %s', async (_, state, inMs, productId, reason) => {
    const person = await signUp(api);
    const token = `play-token-${nextId()}`;
    stores.addSubscription(token, {
      subscriptionState: state,
      lineItems: [{ productId, expiryTime: new Date(Date.now() + inMs).toISOString() }],
    });
    expect(
      reasons(await verify(person.accessToken, { platform: 'PLAY_STORE', receipt: token })),
    ).toEqual([reason]);
    expect((await entitlementOf(person.accessToken))?.plan).toBe('STANDARD');
  });

  it('refuses a purchase token Google Play does not know', async () => {
    const person = await signUp(api);
    const response = await verify(person.accessToken, {
      platform: 'PLAY_STORE',
      receipt: 'unknown-token',
    });
    expect(reasons(response)).toEqual(['NOT_FOUND/STORE_RECEIPT_NOT_FOUND']);
  });
});

describe(`store purchases on a server without store credentials (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('offers no store and answers a typed unavailable error', async () => {
    const person = await signUp(api);
    const listed = await api.graphql<{ premiumStorePlatforms: string[] }>(
      `{ premiumStorePlatforms }`,
      {},
      bearer(person.accessToken),
    );
    expect(listed.data?.premiumStorePlatforms).toEqual([]);
    const response = await api.graphql(
      VERIFY,
      { input: { platform: 'PLAY_STORE', receipt: 'token', productId: MONTHLY } },
      bearer(person.accessToken),
    );
    expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['UNAVAILABLE', 'STORE_NOT_CONFIGURED'],
    ]);
  });
});
