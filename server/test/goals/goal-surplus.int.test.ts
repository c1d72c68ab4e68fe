import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import {
  budgetClient,
  CREATE,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from '../budget/budget-client';

let now = Date.parse('2026-03-10T15:00:00Z');
const clock = { now: () => new Date(now) };

const GOALS = `{ goals { id name saved { amount } targetOn priority } }`;
const LIST = `{ transactions(first: 100) { edges { node { id bookedOn categoryId source direction description amount { amount } } } } }`;
const DELETE = `mutation D($id: ID!) { deleteTransaction(id: $id) { conflict } }`;
const SETTINGS = `mutation S($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { settings { surplusToGoals } } }`;

type Goals = { goals: Array<{ id: string; name: string; saved: { amount: string } }> };
type Listed = {
  transactions: {
    edges: Array<{
      node: {
        id: string;
        bookedOn: string;
        categoryId: string;
        source: string;
        direction: string;
        description: string;
        amount: { amount: string };
      };
    }>;
  };
};

const cents = (amount: string) => Math.round(Number(amount) * 100);
const decimal = (minor: number) => (minor / 100).toFixed(2);

/** What March left unspent, read as the person reads it: non-sacred categories' allocation − spent. */
function surplusOf(month: MonthResult['budgetMonth']): number {
  return month.categories
    .filter((c) => c.priority !== 'SACRED' && c.priority !== 'sacred')
    .reduce((sum, c) => sum + cents(c.allocation.amount) - cents(c.spent.amount), 0);
}

describe(`surplus rollover into goals at month close (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // The clock moves to the next month: tokens must outlive the jump.
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '3000000' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('goals given at onboarding are made with the first plan, which reserves for the dated one; a replay makes none again', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    const bike = randomUUID();
    const input = {
      ...US_ONBOARDING,
      id: randomUUID(),
      goals: [
        { id: bike, name: ' Bike ', target: '400.00', targetOn: '2026-06-30' },
        { name: 'House', target: '90000.00', priority: 2 },
      ],
    };
    type Onboarded = {
      completeOnboarding: {
        alreadyCompleted: boolean;
        plan: { categories: Array<{ id: string; amount: { amount: string } }> };
      };
    };
    const made = (await client.call<Onboarded>(ONBOARD, { input })).completeOnboarding;
    // 400.00 over March to June, from the first plan on.
    const reserved = made.plan.categories.find((c) => c.id === `goal:${bike}`);
    expect(cents(reserved?.amount.amount ?? '0')).toBeGreaterThan(0);
    const goals = (await client.call<Goals>(GOALS)).goals;
    expect(goals.map((g) => g.name).sort()).toEqual(['Bike', 'House']);
    const again = (await client.call<Onboarded>(ONBOARD, { input })).completeOnboarding;
    expect(again.alreadyCompleted).toBe(true);
    expect((await client.call<Goals>(GOALS)).goals).toHaveLength(2);

    const other = budgetClient(api, await signUp(api));
    const refused = await other.raw(ONBOARD, {
      input: { ...US_ONBOARDING, goals: [{ name: 'Old', target: '5.00', targetOn: '2026-03-01' }] },
    });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    // Nothing was written: onboarding can be done again with valid goals.
    const retried = await other.call<Onboarded>(ONBOARD, {
      input: { ...US_ONBOARDING, goals: [{ name: 'New', target: '5.00' }] },
    });
    expect(retried.completeOnboarding.alreadyCompleted).toBe(false);
  });

  it('at month close the surplus goes to goals by priority, each up to what it needs, once, as transfers an edit or delete undoes', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    const bike = randomUUID();
    const house = randomUUID();
    await client.call(ONBOARD, {
      input: {
        ...US_ONBOARDING,
        surplusToGoals: true,
        goals: [
          { id: house, name: 'House', target: '90000.00', priority: 2 },
          { id: bike, name: 'Bike', target: '100.00', targetOn: '2026-06-30', priority: 1 },
        ],
      },
    });
    await client.call(CREATE, { input: { amount: '50.00', categoryId: 'groceries' } });
    await client.call(CREATE, { input: { amount: '20.00', categoryId: `goal:${bike}` } });
    // Someone who did not opt in keeps the rules as they were.
    const plain = budgetClient(api, await signUp(api));
    await plain.call(ONBOARD, {
      input: { ...US_ONBOARDING, goals: [{ name: 'Car', target: '900.00' }] },
    });

    // April 2 in New York: March is finished; the plan job runs twice.
    now = Date.parse('2026-04-02T15:00:00Z');
    const march = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(march.totals.deficit.amount).toBe('0.00');
    const surplus = surplusOf(march);
    expect(surplus).toBeGreaterThan(8_000);
    const services = api.container.services;
    expect(await services.budget.months.ensureCurrentPlans()).toBeGreaterThanOrEqual(2);
    expect(await services.budget.months.ensureCurrentPlans()).toBe(0);

    // Bike (priority 1) gets the 80.00 it still needs; House the rest.
    const saved = new Map(
      (await client.call<Goals>(GOALS)).goals.map((g) => [g.id, g.saved.amount]),
    );
    expect(saved.get(bike)).toBe('100.00');
    expect(saved.get(house)).toBe(decimal(surplus - 8_000));
    const rollovers = (await client.call<Listed>(LIST)).transactions.edges
      .map((e) => e.node)
      .filter((t) => t.source === 'GOAL_ROLLOVER')
      .sort((a, b) => a.amount.amount.length - b.amount.amount.length);
    expect(rollovers.map((t) => [t.categoryId, t.amount.amount, t.bookedOn, t.direction])).toEqual([
      [`goal:${bike}`, '80.00', '2026-04-01', 'TRANSFER'],
      [`goal:${house}`, decimal(surplus - 8_000), '2026-04-01', 'TRANSFER'],
    ]);
    expect(rollovers[0]?.description).toBe('Left over from 2026-03, put aside for Bike');

    // April's plan was made after the close: Bike is reached and reserves nothing; the transfers
    // are not spending, and March is as it was.
    const april = (await client.call<MonthResult>(MONTH, { month: '2026-04' })).budgetMonth;
    expect(april.categories.find((c) => c.categoryId === `goal:${bike}`)).toMatchObject({
      allocation: { amount: '0.00' },
    });
    expect(april.totals.spent.amount).toBe('0.00');
    const marchAgain = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(surplusOf(marchAgain)).toBe(surplus);

    // Deleting a transfer undoes it, and no later read or job books it again.
    const houseTransfer = rollovers[1];
    await client.call(DELETE, { id: houseTransfer?.id });
    await services.budget.months.ensureCurrentPlans();
    await client.call<MonthResult>(MONTH, { month: '2026-04' });
    const after = new Map(
      (await client.call<Goals>(GOALS)).goals.map((g) => [g.id, g.saved.amount]),
    );
    expect(after.get(house)).toBe('0.00');
    expect(
      (await client.call<Listed>(LIST)).transactions.edges.filter(
        (e) => e.node.source === 'GOAL_ROLLOVER',
      ),
    ).toHaveLength(1);

    // Not opted in: nothing moved.
    const plainGoals = (await plain.call<Goals>(GOALS)).goals;
    expect(plainGoals.map((g) => g.saved.amount)).toEqual(['0.00']);
    // The setting can be turned on and off later.
    const toggled = await plain.call<{
      updatePlanSettings: { settings: { surplusToGoals: boolean } };
    }>(SETTINGS, { input: { surplusToGoals: true } });
    expect(toggled.updatePlanSettings.settings.surplusToGoals).toBe(true);
  });
});
