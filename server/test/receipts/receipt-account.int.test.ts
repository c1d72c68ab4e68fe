import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptRepository } from '../../src/features/receipts';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';
import { balancesByName, createMoneyAccount } from '../money-accounts/accounts-client';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * Confirming a receipt books its expense into the money account the person chose
 * (docs/accounts.md); an unknown or foreign account books nothing and leaves the receipt as it was.
 */

const clock = fixedClock('2026-03-10T15:00:00Z');

const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  receipt { id status } transaction { id accountId amount { amount } } } }`;
const RECEIPT = `query($id: ID!) { receipt(id: $id) { id status transactionId } }`;
const LEDGER = `query { transactionsConnection(first: 50) { nodes { id accountId } } }`;
const CHANGES = `query($since: String) { changes(since: $since) { changes { kind transaction { id accountId source } } } }`;

type Client = ReturnType<typeof budgetClient>;

describe(`receipts confirmed into a money account (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded(): Promise<{ user: TestUser; client: Client }> {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }
  const createAccount = (client: Client, name: string) =>
    createMoneyAccount(client, {
      name,
      kind: 'CREDIT_CARD',
      openingBalance: '0.00',
      openingOn: '2026-03-01',
    });
  const balancesOf = balancesByName;
  /** A receipt read by OCR and waiting for review (the photo and the job play no part here). */
  async function processedReceipt(user: TestUser): Promise<string> {
    const id = randomUUID();
    const now = clock.now();
    await new ReceiptRepository(api.container.database.db).insert({
      id,
      userId: user.userId,
      status: 'PROCESSED',
      storageKey: null,
      contentType: 'image/jpeg',
      sizeBytes: 1,
      ocrProvider: 'test',
      ocrLines: null,
      parsed: null,
      currency: 'USD',
      progress: 1,
      stage: null,
      attempts: 1,
      failureCode: null,
      failureMessage: null,
      transactionId: null,
      createdAt: now,
      updatedAt: now,
      processedAt: now,
    });
    return id;
  }
  const review = (receiptId: string, accountId?: string) => ({
    receiptId,
    merchant: 'Corner shop',
    bookedOn: '2026-03-09',
    amount: '23.40',
    currency: 'USD',
    categoryId: 'groceries',
    ...(accountId === undefined ? {} : { accountId }),
  });

  it('books the expense into the chosen account; a second confirm changes nothing', async () => {
    const { user, client } = await onboarded();
    const card = await createAccount(client, 'Card');
    const receiptId = await processedReceipt(user);
    const confirmed = await client.call<{
      confirmReceipt: { receipt: { status: string }; transaction: { accountId: string } };
    }>(CONFIRM, { input: review(receiptId, card) });
    expect(confirmed.confirmReceipt.receipt.status).toBe('CONFIRMED');
    expect(confirmed.confirmReceipt.transaction.accountId).toBe(card);
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Card: '-23.40' });
    await client.call(CONFIRM, { input: review(receiptId, card) });
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Card: '-23.40' });

    const pulled = await client.call<{
      changes: { changes: Array<{ kind: string; transaction: { accountId: string } | null }> };
    }>(CHANGES, { since: null });
    const booked = pulled.changes.changes.filter((c) => c.kind === 'TRANSACTION');
    expect(booked.map((c) => c.transaction?.accountId)).toEqual([card]);

    // Without an account the expense stays on the default one.
    await client.call(CONFIRM, { input: review(await processedReceipt(user)) });
    expect(await balancesOf(client)).toEqual({ Main: '-23.40', Card: '-23.40' });
  });

  it('refuses an unknown or another person’s account: nothing booked, the receipt waits', async () => {
    const { user, client } = await onboarded();
    const stranger = await onboarded();
    const theirs = await createAccount(stranger.client, 'Theirs');
    const receiptId = await processedReceipt(user);
    for (const accountId of [theirs, randomUUID(), 'not-an-id']) {
      const answer = await client.raw(CONFIRM, { input: review(receiptId, accountId) });
      expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
      expect(answer.errors?.[0]?.extensions?.reason).toBe('MONEY_ACCOUNT_NOT_FOUND');
    }
    const receipt = await client.call<{ receipt: { status: string; transactionId: null } }>(
      RECEIPT,
      { id: receiptId },
    );
    expect(receipt.receipt).toMatchObject({ status: 'PROCESSED', transactionId: null });
    const ledger = await client.call<{ transactionsConnection: { nodes: unknown[] } }>(LEDGER);
    expect(ledger.transactionsConnection.nodes).toEqual([]);
    expect(await balancesOf(stranger.client)).toEqual({ Main: '0.00', Theirs: '0.00' });
  });
});
