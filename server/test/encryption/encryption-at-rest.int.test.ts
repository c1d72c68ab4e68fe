import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
import { transactions } from '../../src/features/transactions';
import { WebhookRepository, webhookEndpoints } from '../../src/features/webhooks';
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
const MOOD = `mutation($input: LogMoodInput!) { logMood(input: $input) { on label note } }`;
const key = () => randomBytes(32).toString('base64');
const k1 = `k1:${key()}`;
const k2 = `k2:${key()}`;
const JPEG_START = Buffer.from([0xff, 0xd8]);
const storage = TEST_MODE === 'distributed' ? 'database' : 'directory';

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
  };

  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;

  /** A node on the same database and data directory each time: a restart with other keys. */
  async function start(config: Record<string, string>): Promise<TestApi> {
    const mail = captureMail();
    const options = { logger: testLogger('encryption'), mailer: mail.mailer };
    const nodeConfig = testConfig({
      PACE_DATA_DIR: dataDir,
      RECEIPT_STORAGE: storage,
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
    const { endpoint, secret } = await api.container.services.webhooks.create(user.userId, {
      url: 'https://93.184.215.14/pace',
      eventTypes: ['transaction.created'],
    });
    ids = {
      transaction: created.data!.createTransaction.transaction.id,
      receipt: upload.body.id!,
      endpoint: endpoint.id,
      secret,
      moodDay: mood.data!.logMood.on,
    };
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Every encrypted value as stored: read with SQL (and the file system), not the repositories. */
  async function rawValues(): Promise<{ texts: string[]; devices: string[]; image: Buffer }> {
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
    const imageKey = `${user.userId}/${ids.receipt}.jpg`;
    const image =
      storage === 'database'
        ? (await db.select().from(receiptImages).where(eq(receiptImages.storageKey, imageKey)))[0]
            ?.data
        : await readFile(path.join(dataDir, 'receipts', user.userId, `${ids.receipt}.jpg`));
    expect(tx && hook && image && subs.length === 1 && keys.length > 0).toBeTruthy();
    expect(moods).toHaveLength(1);
    expect(devices).toHaveLength(2);
    return {
      devices: devices.map((d) => d.token),
      texts: [
        tx!.description,
        tx!.merchant!,
        subs[0]!.p256dh,
        subs[0]!.auth,
        hook!.secret,
        moods[0]!.label!,
        moods[0]!.note!,
        ...keys.map((k) => JSON.stringify(k.privateJwk)),
      ],
      image: image!,
    };
  }

  async function readBack(api: TestApi) {
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
    return {
      nodes: list.data?.transactions.edges.map((e) => e.node),
      moods: moods.data?.moods,
      exported: exported.map((row) => [row.label, row.note]),
      image: Buffer.from(await image.arrayBuffer()),
      push: subs.map((s) => [s.p256dh, s.auth]),
      devices: devices.map((d) => d.token).sort(),
    };
  }

  it('keeps no plaintext in the encrypted columns and files, and reads them back', async () => {
    const { texts, devices, image } = await rawValues();
    for (const text of texts) expect(text).toMatch(/^"?enc:v1:k1:/);
    // The FCM token is sealed; the row written before encryption still reads as it is.
    expect(devices.filter((d) => d.startsWith('enc:v1:k1:'))).toHaveLength(1);
    expect(devices.join('\n')).not.toContain(FCM_TOKEN);
    const joined = texts.join('\n');
    for (const secret of [NOTE, MERCHANT, P256DH, AUTH, ids.secret, '"d":', MOOD_LABEL, MOOD_NOTE])
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
    expect(first['transactions.description']).toBe(1);
    expect(first['webhook_endpoints.secret']).toBe(1);
    expect(first.receipt_images).toBe(1);
    expect(first['mood_entries.label']).toBe(1);
    expect(first['mood_entries.note']).toBe(1);
    // The sealed token and the one stored in the clear before.
    expect(first['push_devices.token']).toBe(2);
    const again = await api.container.services.encryption.rotateAll({ userId: null, via: 'cli' });
    expect(Object.values(again).every((n) => n === 0)).toBe(true);

    const { texts, devices, image } = await rawValues();
    for (const text of [...texts, ...devices]) expect(text).toMatch(/^"?enc:v1:k2:/);
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
  }, 120_000);
});
