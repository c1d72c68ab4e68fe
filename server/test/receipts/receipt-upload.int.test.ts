import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipts } from '../../src/features/receipts';
import {
  accessTokenWithScopes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { pngClaiming, REAL_RECEIPT, uploadReceipt } from './receipt-client';

/** Acceptance 1 (issue #11): every bad upload is a typed error, and nothing is stored. */
describe(`receipt uploads refused (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pace-receipts-'));
    api = await startTestApi({ config: { PACE_DATA_DIR: dataDir } });
    user = await signUp(api);
  });
  afterAll(async () => {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function nothingStored(): Promise<void> {
    const [row] = await api.container.database.db
      .select({ n: count() })
      .from(receipts)
      .where(eq(receipts.userId, user.userId));
    expect(row?.n).toBe(0);
    const files = await readdir(path.join(dataDir, 'receipts', user.userId)).catch(() => []);
    expect(files).toEqual([]);
  }

  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i += 1) random[i] = (i * 7919 + 13) % 251;
  const eleven = Buffer.alloc(11 * 1024 * 1024, 0x42);
  REAL_RECEIPT.copy(eleven, 0, 0, 1024);

  it.each([
    ['an empty file', Buffer.alloc(0), 400, 'RECEIPT_EMPTY'],
    ['an 11 MB file', eleven, 413, 'RECEIPT_TOO_LARGE'],
    [
      'a GIF',
      Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00;', 'latin1'),
      415,
      'RECEIPT_TYPE_UNSUPPORTED',
    ],
    ['random bytes labelled image/jpeg', random, 415, 'RECEIPT_TYPE_UNSUPPORTED'],
    [
      'a truncated JPEG',
      REAL_RECEIPT.subarray(0, Math.floor(REAL_RECEIPT.length / 2)),
      400,
      'RECEIPT_IMAGE_UNREADABLE',
    ],
    ['a 30000×30000 PNG', pngClaiming(30_000, 30_000), 400, 'RECEIPT_TOO_MANY_PIXELS'],
  ] as const)('refuses %s', async (_name, bytes, status, reason) => {
    const answer = await uploadReceipt(api, user.accessToken, bytes);
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    await nothingStored();
  });

  it('refuses a request without a file part', async () => {
    const response = await fetch(`${api.url}/api/receipts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'RECEIPT_FILE_MISSING' } }],
    });
    await nothingStored();
  });

  it('refuses a token without process:receipts, and no token at all', async () => {
    const token = await accessTokenWithScopes(api, user.userId, ['read:profile']);
    const denied = await uploadReceipt(api, token, REAL_RECEIPT);
    expect(denied.status).toBe(403);
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SCOPE_MISSING',
    });
    const anonymous = await uploadReceipt(api, null, REAL_RECEIPT);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await nothingStored();
  });
});
