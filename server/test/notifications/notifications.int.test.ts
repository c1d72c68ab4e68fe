import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https, { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { NotificationRepository } from '../../src/features/notifications';
import { subscribe } from '../subscriptions';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import { GONE_TOKEN, startFcmService } from './fcm-service';

// A clock that runs in real time from a chosen instant, so queued delays (quiet hours) elapse.
let base = Date.parse('2026-03-01T15:00:00Z');
let startedAt = Date.now();
const clock = { now: () => new Date(base + (Date.now() - startedAt)) };
function setNow(iso: string): void {
  base = Date.parse(iso);
  startedAt = Date.now();
}

const NOTIFICATIONS = `query($first: Int, $after: String) { notifications(first: $first, after: $after) {
  unreadCount edges { cursor node { id type groupKey categoryId level paceLevel amount { amount currency } readAt } }
  pageInfo { hasNextPage endCursor } } }`;
const SETTINGS = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) {
  types { type enabled } pushEnabled emailEnabled quietHoursStart quietHoursEnd timeZone pushPublicKey } }`;
const REGISTER_PUSH = `mutation($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id endpoint } }`;
const ADDED = `subscription { notificationAdded { id type groupKey categoryId level } }`;

interface Node {
  id: string;
  type: string;
  groupKey: string;
  categoryId: string | null;
  level: number | null;
  readAt: string | null;
}
type Page = {
  notifications: { unreadCount: number; edges: Array<{ node: Node }> };
};

/** A certificate for 127.0.0.1 that this process trusts (push services are always https). */
function localCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pace-push-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem')),
      cert: readFileSync(path.join(dir, 'cert.pem')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A push service on this machine: records each POST's path; paths under /gone/ answer 410. */
async function startPushService(): Promise<{
  url: string;
  received: string[];
  /** The test clock's time at each arrival, by path. */
  receivedAt: Map<string, Date[]>;
  close(): Promise<void>;
}> {
  const received: string[] = [];
  const receivedAt = new Map<string, Date[]>();
  const tls = localCertificate();
  // web-push posts with the global agent: this process (API and worker alike) trusts the test CA.
  https.globalAgent.options.ca = tls.cert;
  const server: Server = createServer(tls, (request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(request.url ?? '');
      receivedAt.set(request.url ?? '', [
        ...(receivedAt.get(request.url ?? '') ?? []),
        clock.now(),
      ]);
      response.statusCode = request.url?.startsWith('/gone/') ? 410 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    received,
    receivedAt,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Keys a browser would make for its subscription (the library encrypts the payload to them). */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`notifications (${TEST_MODE})`, () => {
  let api: TestApi;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let fcm: Awaited<ReturnType<typeof startFcmService>>;
  beforeAll(async () => {
    push = await startPushService();
    fcm = await startFcmService();
    const vapid = webpush.generateVAPIDKeys();
    api = await startTestApi({
      clock,
      config: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey },
      fcm: fcm.sender(),
    });
  });
  afterAll(async () => {
    await api?.stop();
    await push?.close();
    await fcm?.close();
  });

  /** Until every notification job queued so far has run (stored, pushed, e-mailed or held). */
  const jobsDone = () =>
    waitFor(
      async () => (await api.container.queue.counts()).notifications,
      (c) => c.waiting + c.active === 0,
    );

  /** A person onboarded on March 1, then working at `at` with a token issued then. */
  async function onboardedUser(at = '2026-03-10T15:00:00Z') {
    setNow('2026-03-01T15:00:00Z');
    const signedUp = await signUp(api);
    await budgetClient(api, signedUp).call(ONBOARD, { input: US_ONBOARDING });
    setNow(at);
    const user = {
      ...signedUp,
      accessToken: await accessTokenWithScopes(api, signedUp.userId, ALL_SCOPES),
    };
    const client = budgetClient(api, user);
    const page = async () => (await client.call<Page>(NOTIFICATIONS, { first: 100 })).notifications;
    return { user, client, page };
  }

  it('turns a scripted sequence of transactions into exactly the expected notifications, each once', async () => {
    const { client, page } = await onboardedUser();
    // 400.00 of dining out (beyond its month plan): 100 % of the day, a pace jump, a large expense.
    const bigId = randomUUID();
    await client.call(CREATE, { input: { id: bigId, amount: '400.00', categoryId: 'dining_out' } });
    // Replayed, deleted and restored: the alerts are not new, so no notification either.
    await client.call(CREATE, { input: { id: bigId, amount: '400.00', categoryId: 'dining_out' } });
    await client.call(`mutation($id: ID!) { deleteTransaction(id: $id) { transaction { id } } }`, {
      id: bigId,
    });
    await client.call(`mutation($id: ID!) { restoreTransaction(id: $id) { transaction { id } } }`, {
      id: bigId,
    });
    // Another dining-out expense: dining out is still past 100 % and still fast (pace cools 24 h).
    await client.call(CREATE, { input: { amount: '5.00', categoryId: 'dining_out' } });
    const sentinel = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      CREATE,
      { input: { amount: '250.00', categoryId: 'gadgets' } },
    );
    // The sentinel's job may end before earlier ones (several run at once): then let them all end.
    await waitFor(page, (p) =>
      p.edges.some((e) => e.node.groupKey === `large:${sentinel.createTransaction.transaction.id}`),
    );
    await jobsDone();
    const result = await page();
    const keys = result.edges.map((e) => e.node.groupKey);
    // Each key once.
    expect(new Set(keys).size).toBe(keys.length);
    const dining = result.edges
      .filter((e) => e.node.categoryId === 'dining_out')
      .map((e) => e.node);
    expect(dining.map((n) => `${n.type}:${n.level ?? ''}`).sort()).toEqual(
      ['BUDGET_LEVEL:100', 'LARGE_TRANSACTION:', 'PACE:'].sort(),
    );
    expect(keys).toContain(`large:${bigId}`);
    expect(keys.filter((k) => k.startsWith('pace:dining_out'))).toHaveLength(1);
    expect(result.unreadCount).toBe(result.edges.length);
  });

  it('keeps one notification per group key within its window (pace: 24 h per category)', async () => {
    const { user, page } = await onboardedUser();
    const { delivery } = api.container.services.notifications;
    const draft = {
      userId: user.userId,
      type: 'pace' as const,
      groupKey: 'pace:groceries',
      params: { categoryId: 'groceries', paceLevel: 'watch' },
    };
    // Jobs of one queue may run in any order (BullMQ runs several at once): each raise is let
    // through the queue before the next, so the window is measured from the first.
    await delivery.raise([draft, draft]);
    await jobsDone();
    await delivery.raise([draft], new Date(clock.now().getTime() + 23 * 3600_000));
    await jobsDone();
    expect((await page()).edges).toHaveLength(1);
    await delivery.raise([draft], new Date(clock.now().getTime() + 25 * 3600_000));
    expect((await waitFor(page, (p) => p.edges.length >= 2)).edges).toHaveLength(2);
  });

  it('stops a type switched off, and marks read', async () => {
    const { client, page } = await onboardedUser();
    await client.call(SETTINGS, { input: { types: [{ type: 'BUDGET_LEVEL', enabled: false }] } });
    const sentinel = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      CREATE,
      { input: { amount: '400.00', categoryId: 'dining_out' } },
    );
    // The sentinel's job may end before earlier ones (several run at once): then let them all end.
    await waitFor(page, (p) =>
      p.edges.some((e) => e.node.groupKey === `large:${sentinel.createTransaction.transaction.id}`),
    );
    await jobsDone();
    const result = await page();
    expect(result.edges.map((e) => e.node.type)).not.toContain('BUDGET_LEVEL');
    const first = result.edges[0]?.node;
    await client.call(`mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`, {
      id: first?.id,
    });
    expect((await page()).unreadCount).toBe(result.edges.length - 1);
    await client.call(`mutation { markAllNotificationsRead }`);
    expect((await page()).unreadCount).toBe(0);
  });

  it('pushes to registered browsers, forgets an endpoint that answers 410, and refuses strangers', async () => {
    const { user, client } = await onboardedUser();
    const other = await onboardedUser();
    const tag = randomUUID();
    for (const path of [`/ok/${tag}`, `/gone/${tag}`])
      await client.call(REGISTER_PUSH, {
        input: { endpoint: `${push.url}${path}`, keys: browserKeys() },
      });
    const { delivery } = api.container.services.notifications;
    const raise = (groupKey: string) =>
      delivery.raise([{ userId: user.userId, type: 'win', groupKey, params: { milestone: 7 } }]);
    const hits = () => push.received.filter((p) => p.endsWith(tag));
    await raise(`win-a-${tag}`);
    await waitFor(
      async () => hits(),
      (h) => h.length >= 2,
    );
    expect(hits().sort()).toEqual([`/gone/${tag}`, `/ok/${tag}`]);
    // The 410 is recorded as the job ends, after the push service counted the request.
    await jobsDone();
    await raise(`win-b-${tag}`);
    await waitFor(
      async () => hits(),
      (h) => h.length >= 3,
    );
    await jobsDone();
    expect(hits().filter((p) => p.startsWith('/gone/'))).toHaveLength(1);
    expect(hits().filter((p) => p.startsWith('/ok/'))).toHaveLength(2);
    // Another person cannot mark this person's notification read.
    const mine = (await client.call<Page>(NOTIFICATIONS, { first: 1 })).notifications.edges[0];
    const response = await api.graphql(
      `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
      { id: mine?.node.id },
      bearer(other.user.accessToken),
    );
    expect(errorCodes(response)).toContain('NOT_FOUND');
  });

  it('pushes to the app’s devices through FCM in the person’s language, and forgets a gone token', async () => {
    const { user, client } = await onboardedUser();
    await client.call(`mutation { updateProfile(input: { locale: "de-DE" }) { locale } }`);
    const token = `device-${randomUUID()}`;
    const register = `mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id platform } }`;
    const registered = await client.call<{ registerPushDevice: { platform: string } }>(register, {
      input: { token, platform: 'ANDROID' },
    });
    expect(registered.registerPushDevice.platform).toBe('android');
    await client.call(register, { input: { token: GONE_TOKEN, platform: 'IOS' } });
    const bad = await api.graphql(
      register,
      { input: { token: 'has spaces', platform: 'IOS' } },
      bearer(user.accessToken),
    );
    expect(errorCodes(bad)).toContain('BAD_USER_INPUT');

    const { delivery } = api.container.services.notifications;
    const tag = randomUUID();
    const raise = (groupKey: string) =>
      delivery.raise([
        {
          userId: user.userId,
          type: 'large_transaction',
          groupKey,
          params: { amount: '250.00', currency: 'USD', categoryName: 'Gadgets' },
        },
      ]);
    const sentTo = (deviceToken: string) =>
      fcm.calls.filter((c) => c.message.token === deviceToken);
    await raise(`large-a-${tag}`);
    await waitFor(
      async () => sentTo(token),
      (calls) => calls.length >= 1,
    );
    expect(sentTo(token)[0]?.message.notification).toEqual({
      title: 'Große Ausgabe',
      body: expect.stringContaining('Gadgets'),
    });
    // The gone token is forgotten once its answer is in (the first fan-out may still be on it).
    await waitFor(
      () =>
        new NotificationRepository(api.container.database.db, api.container.cipher).listPushDevices(
          user.userId,
        ),
      (devices) => devices.length === 1,
    );
    expect(sentTo(GONE_TOKEN)).toHaveLength(1);
    // The gone token was forgotten: the next notification reaches only the live device.
    await raise(`large-b-${tag}`);
    await waitFor(
      async () => sentTo(token),
      (calls) => calls.length >= 2,
    );
    await sleep(300);
    expect(sentTo(GONE_TOKEN)).toHaveLength(1);
    const unregister = `mutation($token: String!) { unregisterPushDevice(token: $token) }`;
    expect(await client.call(unregister, { token })).toEqual({ unregisterPushDevice: true });
    expect(await client.call(unregister, { token })).toEqual({ unregisterPushDevice: false });
  });

  it('holds push back during quiet hours and sends it when they end', async () => {
    const { user, client, page } = await onboardedUser('2026-03-11T02:59:00Z');
    await client.call(SETTINGS, { input: { quietHoursStart: '22:00', quietHoursEnd: '23:00' } });
    const tag = randomUUID();
    await client.call(REGISTER_PUSH, {
      input: { endpoint: `${push.url}/ok/${tag}`, keys: browserKeys() },
    });
    // 22:59:57 in New York (EDT from March 8): quiet 22:00–23:00 ends in 3 s of the running clock.
    // Set only now, so a slow setup cannot use up the quiet time.
    setNow('2026-03-11T02:59:57Z');
    await api.container.services.notifications.delivery.raise([
      { userId: user.userId, type: 'win', groupKey: `quiet-${tag}`, params: { milestone: 7 } },
    ]);
    // In-app at once; the push only once quiet hours are over by the clock, however slow the
    // machine (the arrival's clock time is the proof, not how long the test waited).
    await waitFor(page, (p) => p.edges.some((e) => e.node.groupKey === `quiet-${tag}`));
    const sent = await waitFor(
      async () => push.received.filter((p) => p.endsWith(tag)),
      (h) => h.length > 0,
      20_000,
    );
    expect(sent).toHaveLength(1);
    const arrivals = (push.receivedAt.get(`/ok/${tag}`) ?? []).map((at) => at.toISOString());
    expect(arrivals).toHaveLength(1);
    expect(
      arrivals.every((at) => at >= '2026-03-11T03:00:00.000Z'),
      `pushed at ${arrivals.join(', ')}`,
    ).toBe(true);
  });

  it('delivers notificationAdded live to the viewer only', async () => {
    const { user, client } = await onboardedUser();
    const other = await onboardedUser();
    const mine = await subscribe<{ notificationAdded: Node }>(api.url, ADDED, {
      connectionParams: bearer(user.accessToken),
    });
    const theirs = await subscribe<{ notificationAdded: Node }>(api.url, ADDED, {
      connectionParams: bearer(other.user.accessToken),
    });
    try {
      const created = await client.call<{ createTransaction: { transaction: { id: string } } }>(
        CREATE,
        { input: { amount: '250.00', categoryId: 'gadgets' } },
      );
      const large = `large:${created.createTransaction.transaction.id}`;
      let event = (await mine.next()).notificationAdded;
      while (event.groupKey !== large) event = (await mine.next()).notificationAdded;
      expect(event.type).toBe('LARGE_TRANSACTION');
      await expect(theirs.next(1000)).rejects.toThrow();
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  it('sends the morning note once per local day from 08:00', async () => {
    const early = await onboardedUser('2026-03-12T11:00:00Z');
    const { schedule } = api.container.services.notifications;
    await schedule.runDue(); // 07:00 in New York: not yet.
    await jobsDone();
    expect((await early.page()).edges.filter((e) => e.node.type === 'MORNING')).toHaveLength(0);
    setNow('2026-03-12T12:30:00Z'); // 08:30
    await schedule.runDue();
    await schedule.runDue();
    const token = await accessTokenWithScopes(api, early.user.userId, ALL_SCOPES);
    const client = budgetClient(api, { ...early.user, accessToken: token });
    const page = async () => (await client.call<Page>(NOTIFICATIONS, { first: 100 })).notifications;
    await waitFor(page, (p) => p.edges.some((e) => e.node.groupKey === 'morning:2026-03-12'));
    await jobsDone();
    const result = await page();
    expect(result.edges.filter((e) => e.node.type === 'MORNING')).toHaveLength(1);
  });
});
