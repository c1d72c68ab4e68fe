import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { balancesByName, createMoneyAccount } from '../money-accounts/accounts-client';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * A goal contribution is booked into the money account it names (docs/accounts.md): the balance
 * changes there; an unknown or foreign account books nothing and the goal keeps what it had.
 */

const clock = fixedClock('2026-03-10T15:00:00Z');

const CREATE_GOAL = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }`;
const CONTRIBUTE = `mutation($input: ContributeToGoalInput!) { contributeToGoal(input: $input) {
  goal { saved { amount } } transaction { id accountId } } }`;
const GOAL = `query($id: ID!) { goal(id: $id) { saved { amount } } }`;
const CHANGES = `query($since: String) { changes(since: $since) { changes { kind transaction { id accountId categoryId } } } }`;

type Client = ReturnType<typeof budgetClient>;

describe(`goal contributions from a money account (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded(): Promise<Client> {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return client;
  }
  const createAccount = (client: Client, name: string) =>
    createMoneyAccount(client, {
      name,
      kind: 'SAVINGS',
      openingBalance: '500.00',
      openingOn: '2026-03-01',
    });
  async function createGoal(client: Client): Promise<string> {
    return (
      await client.call<{ createGoal: { goal: { id: string } } }>(CREATE_GOAL, {
        input: { name: 'Bike', target: '300.00' },
      })
    ).createGoal.goal.id;
  }
  const balancesOf = balancesByName;

  it('books the contribution into the chosen account; a replay books nothing twice', async () => {
    const client = await onboarded();
    const savings = await createAccount(client, 'Savings');
    const goalId = await createGoal(client);
    const input = { id: randomUUID(), goalId, amount: '40.00', accountId: savings };
    const answer = await client.call<{
      contributeToGoal: { goal: { saved: { amount: string } }; transaction: { accountId: string } };
    }>(CONTRIBUTE, { input });
    expect(answer.contributeToGoal.transaction.accountId).toBe(savings);
    expect(answer.contributeToGoal.goal.saved.amount).toBe('40.00');
    await client.call(CONTRIBUTE, { input });
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Savings: '460.00' });

    const pulled = await client.call<{
      changes: { changes: Array<{ kind: string; transaction: { accountId: string } | null }> };
    }>(CHANGES, { since: null });
    const booked = pulled.changes.changes.filter((c) => c.kind === 'TRANSACTION');
    expect(booked.map((c) => c.transaction?.accountId)).toEqual([savings]);

    // Without an account it comes out of the default one.
    await client.call(CONTRIBUTE, { input: { goalId, amount: '5.00' } });
    expect(await balancesOf(client)).toEqual({ Main: '-5.00', Savings: '460.00' });
  });

  it('refuses an unknown or another person’s account: nothing booked, the goal unchanged', async () => {
    const client = await onboarded();
    const stranger = await onboarded();
    const theirs = await createAccount(stranger, 'Theirs');
    const goalId = await createGoal(client);
    for (const accountId of [theirs, randomUUID(), 'not-an-id']) {
      const answer = await client.raw(CONTRIBUTE, {
        input: { goalId, amount: '10.00', accountId },
      });
      expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
      expect(answer.errors?.[0]?.extensions?.reason).toBe('MONEY_ACCOUNT_NOT_FOUND');
    }
    const goal = await client.call<{ goal: { saved: { amount: string } } }>(GOAL, { id: goalId });
    expect(goal.goal.saved.amount).toBe('0.00');
    expect(await balancesOf(client)).toEqual({ Main: '0.00' });
    expect(await balancesOf(stranger)).toEqual({ Main: '0.00', Theirs: '500.00' });
  });
});
