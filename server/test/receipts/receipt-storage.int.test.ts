import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptImages } from '../../src/features/receipts/receipt.table';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { fetchReceiptImage, REAL_RECEIPT, uploadReceipt } from './receipt-client';

/** RECEIPT_STORAGE=database: for API nodes and workers that share no directory. */
describe(`receipt images in the database (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ config: { RECEIPT_STORAGE: 'database' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const imagesOf = async (userId: string) =>
    (
      await api.container.database.db
        .select({ n: count() })
        .from(receiptImages)
        .where(eq(receiptImages.userId, userId))
    )[0]?.n;

  it('stores, serves and deletes the image', async () => {
    const user = await signUp(api);
    const answer = await uploadReceipt(api, user.accessToken, REAL_RECEIPT);
    expect(answer.status).toBe(202);
    const id = answer.body.id ?? '';
    expect(await imagesOf(user.userId)).toBe(1);
    const image = await fetchReceiptImage(api, user, id);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    const discarded = await api.graphql<{ discardReceipt: { receipt: { status: string } } }>(
      'mutation($id: ID!) { discardReceipt(id: $id) { receipt { status } } }',
      { id },
      bearer(user.accessToken),
    );
    expect(discarded.data?.discardReceipt.receipt.status).toBe('DISCARDED');
    expect(await imagesOf(user.userId)).toBe(0);
    expect((await fetchReceiptImage(api, user, id)).status).toBe(404);
  });
});
