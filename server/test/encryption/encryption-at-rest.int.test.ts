import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserDataRepository } from '../../src/features/accounts/user-data.repository';
import { signingKeys } from '../../src/features/auth';
import {
  ENCRYPTED_COLUMNS,
  EncryptionRotationRepository,
  openExportedRow,
} from '../../src/features/encryption';
import { moodEntries } from '../../src/features/habits';
import {
  NotificationRepository,
  pushDevices,
  pushSubscriptions,
  pushTokenHashOf,
} from '../../src/features/notifications';
import { receiptImages } from '../../src/features/receipts/receipt.table';
import { categoryRules } from '../../src/features/rules';
import { transactions } from '../../src/features/transactions';
import {
  WebhookRepository,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '../../src/features/webhooks';
import { computeSignature } from '../../src/features/webhooks/webhook-signature';
import { startApi } from '../../src/app/start-api';
import { startWorker } from '../../src/app/start-worker';
import { openPglite } from '../../src/infra/db/pglite';
import {
  bearer,
  captureMail,
  createPostgresDatabase,
  postGraphQL,
  signUp,
  testConfig,
  testLogger,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { REAL_RECEIPT, uploadReceipt } from '../receipts/receipt-client';

const NOTE = 'Birthday gift for Anna';
const MERCHANT = 'Blue Bottle Coffee';
const P256DH = `BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM`;
const AUTH = 'tBHItJI5svbpez7KI4CCXg';
// An FCM registration token as the app reports it, and one stored before tokens were encrypted.
const FCM_TOKEN = `fcm-${randomBytes(24).toString('base64url')}:APA91b${randomBytes(40).toString('base64url')}`;
const LEGACY_FCM_TOKEN = `fcm-legacy-${randomBytes(24).toString('base64url')}`;
const MOOD_LABEL = 'Restless';
const MOOD_NOTE = 'Argued with the landlord about the deposit';
// A rule as the API writes it, and one stored in the clear before rules were encrypted.
const RULE_PATTERN = 'Tartine Bakery';
const RULE_RENAME = 'Tartine';
const RULE_NOTE = 'Morning bun with Lea';
const LEGACY_PATTERN = 'Sightglass';
const LEGACY_RENAME = 'Sightglass Coffee';
// A delivery body stored in the clear before bodies were encrypted.
const LEGACY_BODY = JSON.stringify({
  type: 'webhook.test',
  data: { note: 'Rent share for Marta' },
});
const RULE_FIELDS = 'id textPattern renameMerchant';
const CREATE_RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { rule { id } } }`;
const TX_FIELDS = 'categoryId merchant description';
const CREATE_TX = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { ${TX_FIELDS} } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 10) {
  edges { node { id body attempts { responseSnippet } } } } }`;
const MOOD = `mutation($input: LogMoodInput!) { logMood(input: $input) { on label note } }`;
const key = () => randomBytes(32).toString('base64');
const k1 = `k1:${key()}`;
const k2 = `k2:${key()}`;
const JPEG_START = Buffer.from([0xff, 0xd8]);
const storage = TEST_MODE === 'distributed' ? 'database' : 'directory';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that echoes the body it got in its answer (the stored response snippet). */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`received ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function until<T>(what: string, read: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`encryption at rest (${TEST_MODE}, receipts in ${storage})`, () => {
  let dataDir: string;
  let api: TestApi;
  let user: TestUser;
  let servedImage: Buffer;
  let ids: {
    transaction: string;
    receipt: string;
    endpoint: string;
    secret: string;
    moodDay: string;
    rule: string;
    legacyRule: string;
    delivery: string;
    legacyDelivery: string;
  };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;

  /** A node on the same database and data directory each time: a restart with other keys. */
  async function start(config: Record<string, string>): Promise<TestApi> {
    const mail = captureMail();
    const options = { logger: testLogger('encryption'), mailer: mail.mailer };
    const nodeConfig = testConfig({
      PACE_DATA_DIR: dataDir,
      RECEIPT_STORAGE: storage,
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...config,
    });
    // Distributed: a BullMQ worker beside the node (the sign-up mail is a job).
    const worker = databaseUrl ? await startWorker(nodeConfig, options) : undefined;
    const running = await startApi(
      nodeConfig,
      databaseUrl
        ? options
        : { ...options, database: await openPglite({ dataDir: path.join(dataDir, 'db') }) },
    );
    return {
      ...running,
      stop: async () => {
        await worker?.stop();
        await running.stop();
      },
      mail,
      graphql: (query, variables, headers) => postGraphQL(running.url, query, variables, headers),
    };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pace-enc-'));
    receiver = await startReceiver();
    if (TEST_MODE === 'distributed') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = () => created.drop();
    }
    api = await start({ ENCRYPTION_KEYS: k1 });
    user = await signUp(api);
    const auth = bearer(user.accessToken);
    await api.graphql(
      'mutation { completeOnboarding(input: { currency: "USD", timeZone: "UTC", income: "3000.00" }) { alreadyCompleted } }',
      {},
      auth,
    );
    const created = await api.graphql<{ createTransaction: { transaction: { id: string } } }>(
      'mutation($d: String, $m: String) { createTransaction(input: { amount: "4.50", categoryId: "coffee", description: $d, merchant: $m }) { transaction { id } } }',
      { d: NOTE, m: MERCHANT },
      auth,
    );
    // Twice the same day: the second mood replaces the first, sealed again for the same entry.
    await api.graphql(MOOD, { input: { score: 2, label: 'Tired', note: 'First draft' } }, auth);
    const mood = await api.graphql<{ logMood: { on: string } }>(
      MOOD,
      { input: { score: 3, label: MOOD_LABEL, note: MOOD_NOTE } },
      auth,
    );
    const upload = await uploadReceipt(api, user.accessToken, REAL_RECEIPT);
    expect(upload.status).toBeLessThan(300);
    await new NotificationRepository(
      api.container.database.db,
      api.container.cipher,
    ).savePushSubscription({
      id: randomUUID(),
      userId: user.userId,
      endpoint: `https://push.example.com/${randomUUID()}`,
      p256dh: P256DH,
      auth: AUTH,
      createdAt: new Date(),
    });
    await new NotificationRepository(
      api.container.database.db,
      api.container.cipher,
    ).savePushDevice({
      id: randomUUID(),
      userId: user.userId,
      token: FCM_TOKEN,
      platform: 'android',
      createdAt: new Date(),
    });
    // A row as the migration leaves one written before: the token in the clear, its hash beside it.
    await api.container.database.db.insert(pushDevices).values({
      id: randomUUID(),
      userId: user.userId,
      token: LEGACY_FCM_TOKEN,
      tokenHash: pushTokenHashOf(LEGACY_FCM_TOKEN),
      platform: 'ios',
      createdAt: new Date(),
    });
    const rule = randomUUID();
    await api.graphql(
      CREATE_RULE,
      {
        input: {
          id: rule,
          textPattern: RULE_PATTERN,
          renameMerchant: RULE_RENAME,
          setCategoryId: 'coffee',
        },
      },
      auth,
    );
    // Rows as written before rules and delivery bodies were encrypted: in the clear.
    const legacyRule = randomUUID();
    const now = new Date();
    await api.container.database.db.insert(categoryRules).values({
      id: legacyRule,
      userId: user.userId,
      position: 1,
      textPattern: LEGACY_PATTERN,
      renameMerchant: LEGACY_RENAME,
      setCategoryId: 'coffee',
      createdAt: now,
      updatedAt: now,
    });
    // The legacy rule still categorises (and renames) a new transaction.
    const legacyRuled = await api.graphql<{ createTransaction: { transaction: unknown } }>(
      CREATE_TX,
      { input: { amount: '5.00', merchant: 'SIGHTGLASS 7TH ST', description: 'Cortado' } },
      auth,
    );
    expect(legacyRuled.data?.createTransaction.transaction).toEqual({
      categoryId: 'coffee',
      merchant: LEGACY_RENAME,
      description: 'Cortado',
    });
    const { endpoint, secret } = await api.container.services.webhooks.create(user.userId, {
      url: `${receiver.url}/hook`,
      eventTypes: ['transaction.created'],
    });
    const legacyDelivery = randomUUID();
    await api.container.database.db.insert(webhookDeliveries).values({
      id: legacyDelivery,
      userId: user.userId,
      endpointId: endpoint.id,
      eventId: randomUUID(),
      eventType: 'webhook.test',
      body: LEGACY_BODY,
      status: 'succeeded',
      attemptCount: 1,
      round: 1,
      lastStatusCode: 200,
      createdAt: new Date(now.getTime() - 60_000),
      completedAt: new Date(now.getTime() - 60_000),
    });
    // Categorised by the (encrypted) rule, and delivered to the endpoint.
    const ruled = await api.graphql<{ createTransaction: { transaction: unknown } }>(
      CREATE_TX,
      { input: { amount: '6.00', merchant: 'TARTINE BAKERY #2', description: RULE_NOTE } },
      auth,
    );
    expect(ruled.data?.createTransaction.transaction).toEqual({
      categoryId: 'coffee',
      merchant: RULE_RENAME,
      description: RULE_NOTE,
    });
    await until('the delivery', () => receiver.received[0]);
    const [delivery] = await api.container.database.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventType, 'transaction.created'));
    await until(
      'the attempt',
      async () =>
        (
          await api.container.database.db
            .select()
            .from(webhookAttempts)
            .where(eq(webhookAttempts.deliveryId, delivery!.id))
        )[0],
    );
    ids = {
      transaction: created.data!.createTransaction.transaction.id,
      receipt: upload.body.id!,
      endpoint: endpoint.id,
      secret,
      moodDay: mood.data!.logMood.on,
      rule,
      legacyRule,
      delivery: delivery!.id,
      legacyDelivery,
    };
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Every encrypted value as stored: read with SQL (and the file system), not the repositories. */
  async function rawValues(): Promise<{
    texts: string[];
    devices: string[];
    legacy: string[];
    image: Buffer;
  }> {
    const db = api.container.database.db;
    const [tx] = await db.select().from(transactions).where(eq(transactions.id, ids.transaction));
    const subs = await db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.userId));
    const [hook] = await db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, ids.endpoint));
    const keys = await db.select().from(signingKeys);
    const moods = await db.select().from(moodEntries).where(eq(moodEntries.userId, user.userId));
    const devices = await db.select().from(pushDevices).where(eq(pushDevices.userId, user.userId));
    const rules = new Map(
      (await db.select().from(categoryRules).where(eq(categoryRules.userId, user.userId))).map(
        (r) => [r.id, r],
      ),
    );
    const deliveries = new Map(
      (
        await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.userId, user.userId))
      ).map((d) => [d.id, d]),
    );
    const attempts = await db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, ids.delivery));
    const [rule, legacyRule] = [rules.get(ids.rule), rules.get(ids.legacyRule)];
    const [delivery, legacyDelivery] = [
      deliveries.get(ids.delivery),
      deliveries.get(ids.legacyDelivery),
    ];
    const imageKey = `${user.userId}/${ids.receipt}.jpg`;
    const image =
      storage === 'database'
        ? (await db.select().from(receiptImages).where(eq(receiptImages.storageKey, imageKey)))[0]
            ?.data
        : await readFile(path.join(dataDir, 'receipts', user.userId, `${ids.receipt}.jpg`));
    expect(tx && hook && image && subs.length === 1 && keys.length > 0).toBeTruthy();
    expect(moods).toHaveLength(1);
    expect(devices).toHaveLength(2);
    expect(rule && legacyRule && delivery && legacyDelivery && rules.size === 2).toBeTruthy();
    expect(deliveries.size).toBe(2);
    expect(attempts).toHaveLength(1);
    return {
      devices: devices.map((d) => d.token),
      legacy: [legacyRule!.textPattern!, legacyRule!.renameMerchant!, legacyDelivery!.body],
      texts: [
        tx!.description,
        tx!.merchant!,
        subs[0]!.p256dh,
        subs[0]!.auth,
        hook!.secret,
        moods[0]!.label!,
        moods[0]!.note!,
        rule!.textPattern!,
        rule!.renameMerchant!,
        delivery!.body,
        attempts[0]!.responseSnippet!,
        ...keys.map((k) => JSON.stringify(k.privateJwk)),
      ],
      image: image!,
    };
  }

  async function readBack(api: TestApi) {
    const auth = bearer(user.accessToken);
    const list = await api.graphql<{
      transactions: { edges: Array<{ node: { description: string; merchant: string } }> };
    }>(
      'query { transactions(first: 5, filter: { text: "bottle" }) { edges { node { description merchant } } } }',
      {},
      bearer(user.accessToken),
    );
    const image = await fetch(`${api.url}/api/receipts/${ids.receipt}/image`, {
      headers: bearer(user.accessToken),
    });
    const subs = await new NotificationRepository(
      api.container.database.db,
      api.container.cipher,
    ).listPushSubscriptions(user.userId);
    const devices = await new NotificationRepository(
      api.container.database.db,
      api.container.cipher,
    ).listPushDevices(user.userId);
    const moods = await api.graphql<{ moods: Array<{ on: string; label: string; note: string }> }>(
      'query { moods { on label note } }',
      {},
      bearer(user.accessToken),
    );
    // The data export opens the raw rows (keyed by user and day) as the export service does.
    const exported = (
      await new UserDataRepository(api.container.database.db).rowsOf('mood_entries', user.userId)
    ).map((row) => openExportedRow(api.container.cipher, 'mood_entries', row));
    const rules = await api.graphql<{
      rulesConnection: { edges: Array<{ node: { id: string } }> };
    }>(`{ rulesConnection(first: 10) { edges { node { ${RULE_FIELDS} } } } }`, {}, auth);
    const deliveries = await api.graphql<{
      webhookDeliveries: {
        edges: Array<{
          node: { id: string; body: string; attempts: Array<{ responseSnippet: string }> };
        }>;
      };
    }>(DELIVERIES, { id: ids.endpoint }, auth);
    const exportedRules = (
      await new UserDataRepository(api.container.database.db).rowsOf('category_rules', user.userId)
    ).map((row) => openExportedRow(api.container.cipher, 'category_rules', row));
    return {
      rules: rules.data?.rulesConnection.edges.map((e) => e.node),
      exportedRules: exportedRules
        .map((row) => [row.text_pattern, row.rename_merchant])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      deliveries: deliveries.data?.webhookDeliveries.edges.map((e) => e.node),
      nodes: list.data?.transactions.edges.map((e) => e.node),
      moods: moods.data?.moods,
      exported: exported.map((row) => [row.label, row.note]),
      image: Buffer.from(await image.arrayBuffer()),
      push: subs.map((s) => [s.p256dh, s.auth]),
      devices: devices.map((d) => d.token).sort(),
    };
  }

  /** Rules, delivery bodies and response snippets as the API shows them: in the clear. */
  function expectRulesAndDeliveries(read: Awaited<ReturnType<typeof readBack>>) {
    expect(read.rules).toEqual([
      { id: ids.rule, textPattern: RULE_PATTERN, renameMerchant: RULE_RENAME },
      { id: ids.legacyRule, textPattern: LEGACY_PATTERN, renameMerchant: LEGACY_RENAME },
    ]);
    expect(read.exportedRules).toEqual([
      [LEGACY_PATTERN, LEGACY_RENAME],
      [RULE_PATTERN, RULE_RENAME],
    ]);
    const sent = receiver.received[0]!.body;
    expect(read.deliveries).toEqual([
      { id: ids.delivery, body: sent, attempts: [{ responseSnippet: `received ${sent}` }] },
      { id: ids.legacyDelivery, body: LEGACY_BODY, attempts: [] },
    ]);
  }

  it('keeps no plaintext in the encrypted columns and files, and reads them back', async () => {
    const { texts, devices, legacy, image } = await rawValues();
    for (const text of texts) expect(text).toMatch(/^"?enc:v1:k1:/);
    // Rows written before rules and delivery bodies were encrypted stay readable as they are.
    expect(legacy).toEqual([LEGACY_PATTERN, LEGACY_RENAME, LEGACY_BODY]);
    // The FCM token is sealed; the row written before encryption still reads as it is.
    expect(devices.filter((d) => d.startsWith('enc:v1:k1:'))).toHaveLength(1);
    expect(devices.join('\n')).not.toContain(FCM_TOKEN);
    const joined = texts.join('\n');
    for (const secret of [
      NOTE,
      MERCHANT,
      P256DH,
      AUTH,
      ids.secret,
      '"d":',
      MOOD_LABEL,
      MOOD_NOTE,
      RULE_PATTERN,
      RULE_RENAME,
      RULE_NOTE,
      'transaction.created',
    ])
      expect(joined).not.toContain(secret);
    const read = await readBack(api);
    servedImage = read.image;
    expect(servedImage.subarray(0, 2).equals(JPEG_START)).toBe(true);
    expect(image.subarray(0, 2).equals(JPEG_START)).toBe(false);
    expect(image.includes(servedImage.subarray(1000, 1064))).toBe(false);
    expect(read.nodes).toEqual([{ description: NOTE, merchant: MERCHANT }]);
    expect(read.push).toEqual([[P256DH, AUTH]]);
    expect(read.devices).toEqual([FCM_TOKEN, LEGACY_FCM_TOKEN].sort());
    expect(read.moods).toEqual([{ on: ids.moodDay, label: MOOD_LABEL, note: MOOD_NOTE }]);
    expect(read.exported).toEqual([[MOOD_LABEL, MOOD_NOTE]]);
    expectRulesAndDeliveries(read);
    // The receiver got the plaintext body, signed as documented: the HMAC covers those bytes.
    const sent = receiver.received[0]!;
    expect(JSON.parse(sent.body)).toMatchObject({
      type: 'transaction.created',
      data: { transaction: { merchant: RULE_RENAME, description: RULE_NOTE } },
    });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(sent.headers['pace-signature']))!;
    expect(v1).toBe(computeSignature(ids.secret, Number(t), sent.body));
  });

  it('finds an FCM token by its hash: registered again it moves, unregistered it goes', async () => {
    const repository = new NotificationRepository(api.container.database.db, api.container.cipher);
    const other = await signUp(api);
    const device = {
      id: randomUUID(),
      userId: other.userId,
      token: `fcm-moving-${randomUUID()}`,
      platform: 'android' as const,
      createdAt: new Date(),
    };
    await repository.savePushDevice(device);
    const moved = await repository.savePushDevice({
      ...device,
      id: randomUUID(),
      userId: user.userId,
    });
    expect(moved).toMatchObject({ id: device.id, userId: user.userId, token: device.token });
    expect(await repository.listPushDevices(other.userId)).toEqual([]);
    expect(await repository.deletePushDevice(other.userId, device.token)).toBe(0);
    expect(await repository.deletePushDevice(user.userId, device.token)).toBe(1);
    expect((await repository.listPushDevices(user.userId)).map((d) => d.token).sort()).toEqual(
      [FCM_TOKEN, LEGACY_FCM_TOKEN].sort(),
    );
  });

  it('rotates every value to a new active key; everything still reads, logins and signatures work', async () => {
    await api.stop();
    api = await start({ ENCRYPTION_KEYS: `${k1},${k2}`, ENCRYPTION_ACTIVE_KEY: 'k2' });
    // The walk over (user_id, on): a row after the cursor is listed, the cursor's own is not.
    const rotation = new EncryptionRotationRepository(api.container.database.db);
    const note = ENCRYPTED_COLUMNS.find((c) => c.name === 'mood_entries.note')!;
    const stale = (afterId: string[]) =>
      rotation.listStale(note, { activeKeyId: 'k2', afterId, limit: 10 });
    expect(await stale([user.userId, '2000-01-01'])).toEqual([
      expect.objectContaining({
        id: [user.userId, ids.moodDay],
        bound: [user.userId, ids.moodDay],
      }),
    ]);
    expect(await stale([user.userId, ids.moodDay])).toEqual([]);
    const first = await api.container.services.encryption.rotateAll({ userId: null, via: 'cli' });
    expect(first['transactions.description']).toBe(3);
    expect(first['webhook_endpoints.secret']).toBe(1);
    expect(first.receipt_images).toBe(1);
    expect(first['mood_entries.label']).toBe(1);
    expect(first['mood_entries.note']).toBe(1);
    // The sealed token and the one stored in the clear before.
    expect(first['push_devices.token']).toBe(2);
    // Sealed and legacy rules and delivery bodies alike; the one response snippet.
    expect(first['category_rules.text_pattern']).toBe(2);
    expect(first['category_rules.rename_merchant']).toBe(2);
    expect(first['webhook_deliveries.body']).toBe(2);
    expect(first['webhook_attempts.response_snippet']).toBe(1);
    const again = await api.container.services.encryption.rotateAll({ userId: null, via: 'cli' });
    expect(Object.values(again).every((n) => n === 0)).toBe(true);

    const { texts, devices, legacy, image } = await rawValues();
    for (const text of [...texts, ...devices, ...legacy]) expect(text).toMatch(/^"?enc:v1:k2:/);
    expect(image.includes(Buffer.from('k2'))).toBe(true);

    // k1 removed: nothing needs it any more.
    await api.stop();
    api = await start({ ENCRYPTION_KEYS: k2 });
    const read = await readBack(api);
    expect(read.nodes).toEqual([{ description: NOTE, merchant: MERCHANT }]);
    expect(read.image.equals(servedImage)).toBe(true);
    expect(read.push).toEqual([[P256DH, AUTH]]);
    expect(read.devices).toEqual([FCM_TOKEN, LEGACY_FCM_TOKEN].sort());
    expect(read.moods).toEqual([{ on: ids.moodDay, label: MOOD_LABEL, note: MOOD_NOTE }]);
    expect(read.exported).toEqual([[MOOD_LABEL, MOOD_NOTE]]);
    expectRulesAndDeliveries(read);

    const login = await api.graphql<{ login: { accessToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: user.email, p: user.password },
    );
    const me = await api.graphql<{ me: { id: string } }>(
      'query { me { id } }',
      {},
      bearer(login.data!.login.accessToken),
    );
    expect(me.data?.me.id).toBe(user.userId);

    const endpoint = await new WebhookRepository(
      api.container.database.db,
      api.container.cipher,
    ).findEndpoint(user.userId, ids.endpoint);
    expect(endpoint?.secret).toBe(ids.secret);
    expect(computeSignature(endpoint!.secret, 1, '{}')).toBe(computeSignature(ids.secret, 1, '{}'));

    // A replay of the re-encrypted delivery sends the very bytes of the first attempt, signed anew.
    const replayed = await api.graphql<{ replayWebhookDelivery: { delivery: { id: string } } }>(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id } } }',
      { id: ids.delivery },
      bearer(login.data!.login.accessToken),
    );
    expect(replayed.data?.replayWebhookDelivery.delivery.id).toBe(ids.delivery);
    const replay = await until('the replay', () => receiver.received[1]);
    expect(replay.body).toBe(receiver.received[0]!.body);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(replay.headers['pace-signature']))!;
    expect(v1).toBe(computeSignature(ids.secret, Number(t), replay.body));
  }, 120_000);
});
