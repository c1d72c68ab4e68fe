import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

const WEBHOOK_SECRET = 'whsec_local_test_secret';
const MINE = `{ myEntitlement { plan isPremium source until } }`;
const CHECKOUT = `mutation { startPremiumCheckout { url } }`;
const AUDIT = `{ auditLog(first: 200) { edges { node { event details } } } }`;

/** A local stand-in for Stripe's API: answers checkout sessions and records what it was sent. */
async function startStripeApi() {
  const requests: Array<{ path: string; form: URLSearchParams; auth: string | undefined }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        form: new URLSearchParams(body),
        auth: req.headers.authorization,
      });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        res.end(
          JSON.stringify({
            id: 'cs_test_1',
            object: 'checkout.session',
            url: 'https://checkout.stripe.com/c/pay/cs_test_1',
          }),
        );
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'unknown' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const signer = new Stripe('sk_test_signer');

/** Posts an event the way Stripe does: JSON body, `Stripe-Signature` made with the secret. */
async function deliver(api: TestApi, event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(`${api.url}/api/payments/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const event = (id: string, type: string, object: Record<string, unknown>) => ({
  id,
  object: 'event',
  type,
  api_version: '2025-01-27.acacia',
  created: Math.floor(Date.now() / 1000),
  data: { object },
});

describe(`premium bought with Stripe (${TEST_MODE})`, () => {
  let api: TestApi;
  let stripeApi: Awaited<ReturnType<typeof startStripeApi>>;
  beforeAll(async () => {
    stripeApi = await startStripeApi();
    api = await startTestApi({
      config: {
        STRIPE_SECRET_KEY: 'sk_test_local',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PRICE_ID: 'price_premium_monthly',
        STRIPE_API_URL: stripeApi.url,
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await stripeApi?.close();
  });

  it('opens a checkout for the viewer, grants premium once per event, renews and ends', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const person = await signUp(api);
    const asPerson = bearer(person.accessToken);
    expect(
      (
        await api.graphql<{ premiumPurchaseAvailable: boolean }>(
          `{ premiumPurchaseAvailable }`,
          {},
          asPerson,
        )
      ).data?.premiumPurchaseAvailable,
    ).toBe(true);

    const checkout = await api.graphql<{ startPremiumCheckout: { url: string } }>(
      CHECKOUT,
      {},
      asPerson,
    );
    expect(checkout.data?.startPremiumCheckout.url).toBe(
      'https://checkout.stripe.com/c/pay/cs_test_1',
    );
    const sent = stripeApi.requests.find((r) => r.path === '/v1/checkout/sessions');
    expect(sent?.auth).toBe('Bearer sk_test_local');
    expect(sent?.form.get('client_reference_id')).toBe(person.userId);
    expect(sent?.form.get('line_items[0][price]')).toBe('price_premium_monthly');
    expect(sent?.form.get('mode')).toBe('subscription');

    // The completed checkout, delivered twice (Stripe retries): premium once, one audit entry.
    const completed = event(`evt_${person.userId}_1`, 'checkout.session.completed', {
      id: 'cs_test_1',
      object: 'checkout.session',
      client_reference_id: person.userId,
      customer: `cus_${person.userId.slice(0, 8)}`,
    });
    const first = await deliver(api, completed);
    expect(first).toEqual({
      status: 200,
      body: { received: true, duplicate: false, outcome: 'premium_granted' },
    });
    const again = await deliver(api, completed);
    expect(again.body).toMatchObject({ duplicate: true });
    const mine = async () =>
      (
        await api.graphql<{
          myEntitlement: { isPremium: boolean; source: string | null; until: string | null };
        }>(MINE, {}, asPerson)
      ).data?.myEntitlement;
    expect(await mine()).toMatchObject({ isPremium: true, source: 'stripe' });

    // A paid invoice extends premium to its period's end (plus a day's grace).
    const periodEnd = Math.floor(Date.now() / 1000) + 40 * 24 * 3600;
    const paid = event(`evt_${person.userId}_2`, 'invoice.paid', {
      id: 'in_1',
      object: 'invoice',
      customer: `cus_${person.userId.slice(0, 8)}`,
      lines: {
        object: 'list',
        data: [{ period: { start: periodEnd - 30 * 86400, end: periodEnd } }],
      },
    });
    expect((await deliver(api, paid)).body).toMatchObject({ outcome: 'premium_granted' });
    expect((await mine())?.until).toBe(new Date(periodEnd * 1000 + 86_400_000).toISOString());

    // The subscription ends: back to standard.
    const ended = event(`evt_${person.userId}_3`, 'customer.subscription.deleted', {
      id: 'sub_1',
      object: 'subscription',
      customer: `cus_${person.userId.slice(0, 8)}`,
    });
    expect((await deliver(api, ended)).body).toMatchObject({ outcome: 'premium_revoked' });
    expect(await mine()).toMatchObject({ isPremium: false, source: null });

    const audit = await api.graphql<{
      auditLog: { edges: Array<{ node: { event: string; details: { eventId?: string } } }> };
    }>(AUDIT, {}, bearer(admin.accessToken));
    const mineEvents = (audit.data?.auditLog.edges ?? [])
      .map((e) => e.node)
      .filter((n) => n.details.eventId?.startsWith(`evt_${person.userId}`));
    expect(mineEvents.map((n) => n.event).sort()).toEqual([
      'payments.premium_granted',
      'payments.premium_granted',
      'payments.premium_revoked',
    ]);
  });

  it('refuses and audits an event with a bad signature, and changes nothing', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const person = await signUp(api);
    const forged = event(`evt_forged_${person.userId}`, 'checkout.session.completed', {
      id: 'cs_forged',
      object: 'checkout.session',
      client_reference_id: person.userId,
      customer: 'cus_forged',
    });
    const refused = await deliver(api, forged, 'whsec_someone_else');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'PAYMENT_SIGNATURE_INVALID' } });
    const unsigned = await fetch(`${api.url}/api/payments/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged),
    });
    expect(unsigned.status).toBe(400);
    const entitlement = await api.graphql<{ myEntitlement: { isPremium: boolean } }>(
      MINE,
      {},
      bearer(person.accessToken),
    );
    expect(entitlement.data?.myEntitlement.isPremium).toBe(false);
    const audit = await api.graphql<{ auditLog: { edges: Array<{ node: { event: string } }> } }>(
      AUDIT,
      {},
      bearer(admin.accessToken),
    );
    expect(
      audit.data?.auditLog.edges.filter((e) => e.node.event === 'payments.signature_rejected')
        .length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe(`premium purchase without Stripe (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('says payments are off, in GraphQL and at the webhook', async () => {
    const person = await signUp(api);
    const asPerson = bearer(person.accessToken);
    expect(
      (
        await api.graphql<{ premiumPurchaseAvailable: boolean }>(
          `{ premiumPurchaseAvailable }`,
          {},
          asPerson,
        )
      ).data?.premiumPurchaseAvailable,
    ).toBe(false);
    expect(errorCodes(await api.graphql(CHECKOUT, {}, asPerson))).toEqual(['UNAVAILABLE']);
    const response = await fetch(`${api.url}/api/payments/stripe`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYMENTS_NOT_CONFIGURED' } });
  });
});
