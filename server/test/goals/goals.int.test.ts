import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { subscribe } from '../subscriptions';
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

const GOAL_FIELDS = `id name categoryId target { amount currency } saved { amount } remaining { amount } percent targetOn priority status version deletedAt`;
const CREATE_GOAL = `mutation C($input: CreateGoalInput!) { createGoal(input: $input) { conflict goal { ${GOAL_FIELDS} } } }`;
const UPDATE_GOAL = `mutation U($input: UpdateGoalInput!) { updateGoal(input: $input) { conflict goal { ${GOAL_FIELDS} } } }`;
const DELETE_GOAL = `mutation D($id: ID!) { deleteGoal(id: $id) { conflict goal { ${GOAL_FIELDS} } } }`;
const GOALS = `{ goals { ${GOAL_FIELDS} } }`;
const CHANGES = `query Changes($since: String) { changes(since: $since) { cursor changes { kind id deleted goal { id version saved { amount } } } } }`;

interface GoalData {
  id: string;
  name: string;
  categoryId: string;
  target: { amount: string; currency: string };
  saved: { amount: string };
  remaining: { amount: string };
  percent: number;
  targetOn: string | null;
  priority: number;
  status: string;
  version: number;
  deletedAt: string | null;
}
type GoalPayload = { conflict: boolean; goal: GoalData };

describe(`savings goals (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // The clock moves to the next month: tokens must outlive the jump.
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '3000000' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates once, adds up its contributions, reserves the rest in the next plan, and syncs to its deletion', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const start = (await client.call<{ changes: { cursor: string } }>(CHANGES, {})).changes.cursor;

    const id = randomUUID();
    const input = { id, name: ' Bike ', target: '900.00', targetOn: '2026-05-31' };
    const created = (await client.call<{ createGoal: GoalPayload }>(CREATE_GOAL, { input }))
      .createGoal;
    expect(created).toEqual({
      conflict: false,
      goal: {
        id,
        name: 'Bike',
        categoryId: `goal:${id}`,
        target: { amount: '900.00', currency: 'USD' },
        saved: { amount: '0.00' },
        remaining: { amount: '900.00' },
        percent: 0,
        targetOn: '2026-05-31',
        priority: 1,
        status: 'ACTIVE',
        version: 1,
        deletedAt: null,
      },
    });
    // A replay returns the stored goal and changes nothing, whatever it now says.
    const replayed = await client.call<{ createGoal: GoalPayload }>(CREATE_GOAL, {
      input: { ...input, name: 'Car', target: '5.00' },
    });
    expect(replayed.createGoal.goal).toEqual(created.goal);

    // Contributions are expenses booked on the goal's category; deleting one undoes it.
    await client.call(CREATE, { input: { amount: '300.00', categoryId: `goal:${id}` } });
    const extra = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      CREATE,
      { input: { amount: '50.00', categoryId: `goal:${id}` } },
    );
    await client.call(`mutation D($id: ID!) { deleteTransaction(id: $id) { conflict } }`, {
      id: extra.createTransaction.transaction.id,
    });
    const [listed] = (await client.call<{ goals: GoalData[] }>(GOALS)).goals;
    expect(listed).toMatchObject({
      saved: { amount: '300.00' },
      remaining: { amount: '600.00' },
      percent: 33,
    });

    const stale = (
      await client.call<{ updateGoal: GoalPayload }>(UPDATE_GOAL, {
        input: { id, baseVersion: 7, name: 'Lost' },
      })
    ).updateGoal;
    expect(stale).toMatchObject({ conflict: true, goal: { name: 'Bike', version: 1 } });
    const updated = (
      await client.call<{ updateGoal: GoalPayload }>(UPDATE_GOAL, {
        input: { id, baseVersion: 1, priority: 2 },
      })
    ).updateGoal;
    expect(updated).toMatchObject({
      conflict: false,
      goal: { name: 'Bike', priority: 2, version: 2, targetOn: '2026-05-31' },
    });

    // The current month takes the goal in when its plan is made again from today.
    const regenerated = await client.call<{
      regeneratePlan: { plan: { categories: Array<{ id: string; amount: { amount: string } }> } };
    }>(`mutation { regeneratePlan(input: {}) { plan { categories { id amount { amount } } } } }`);
    const reserved = regenerated.regeneratePlan.plan.categories.find((c) => c.id === `goal:${id}`);
    expect(Number(reserved?.amount.amount)).toBeGreaterThan(0);

    // April's plan reserves what is left over the months to the target date: 600.00 / 2.
    now = Date.parse('2026-04-02T15:00:00Z');
    const april = (await client.call<MonthResult>(MONTH, { month: '2026-04' })).budgetMonth;
    expect(april.categories.find((c) => c.categoryId === `goal:${id}`)).toMatchObject({
      priority: 'sacred',
      allocation: { amount: '300.00' },
    });

    const deleted = (await client.call<{ deleteGoal: GoalPayload }>(DELETE_GOAL, { id }))
      .deleteGoal;
    expect(deleted.goal.version).toBe(3);
    expect(deleted.goal.deletedAt).not.toBeNull();
    const again = (await client.call<{ deleteGoal: GoalPayload }>(DELETE_GOAL, { id })).deleteGoal;
    expect(again.goal.version).toBe(3);
    expect((await client.call<{ goals: GoalData[] }>(GOALS)).goals).toEqual([]);

    const changes = await client.call<{
      changes: {
        changes: Array<{
          kind: string;
          id: string;
          deleted: boolean;
          goal: { version: number } | null;
        }>;
      };
    }>(CHANGES, { since: start });
    const goalChanges = changes.changes.changes.filter((c) => c.kind === 'GOAL');
    // Each write took a new change number, so only the last state of the goal is listed.
    expect(goalChanges).toEqual([
      { kind: 'GOAL', id, deleted: true, goal: expect.objectContaining({ version: 3 }) },
    ]);
  });

  it('money put aside in a goal’s first month comes out of Flex as a transfer, never an overspend', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    // The month's plan was made before the goal: it reserves nothing for it.
    const made = await client.call<{ createGoal: GoalPayload }>(CREATE_GOAL, {
      input: { name: 'Trip', target: '1000.00' },
    });
    const { categoryId } = made.createGoal.goal;
    await client.call(CREATE, { input: { amount: '120.00', categoryId } });
    const { budgetMonth } = await client.call<MonthResult>(MONTH, { month: '2026-03' });
    const day = budgetMonth.days.find((d) => d.date === '2026-03-10');
    expect(day?.categories.find((c) => c.categoryId === categoryId)).toMatchObject({
      allocation: { amount: '120.00' },
      spent: { amount: '120.00' },
      covered: { amount: '0.00' },
      status: 'GREEN',
    });
    expect(day?.categories.every((c) => c.status !== 'RED')).toBe(true);
    const toGoal = budgetMonth.moves.filter((m) => m.toCategoryId === categoryId);
    expect(toGoal.map((m) => [m.reason, m.fromCategoryId, m.amount.amount])).toEqual([
      ['GOAL_TRANSFER', 'flex', '120.00'],
    ]);
    expect(budgetMonth.totals.deficit.amount).toBe('0.00');
  });

  it('contributeToGoal puts money aside once per id, on the goal’s category, and refuses what is not the viewer’s goal', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const owner = await signUp(api);
    const client = budgetClient(api, owner);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const made = await client.call<{ createGoal: GoalPayload }>(CREATE_GOAL, {
      input: { name: 'Trip', target: '400.00' },
    });
    const goalId = made.createGoal.goal.id;
    const CONTRIBUTE = `mutation ($input: ContributeToGoalInput!) { contributeToGoal(input: $input) {
      goal { id saved { amount } remaining { amount } percent }
      transaction { id categoryId amount { amount currency } direction description bookedOn }
    } }`;
    type Contribution = {
      contributeToGoal: {
        goal: {
          id: string;
          saved: { amount: string };
          remaining: { amount: string };
          percent: number;
        };
        transaction: { id: string; categoryId: string; description: string; bookedOn: string };
      };
    };
    const id = randomUUID();
    const first = await client.call<Contribution>(CONTRIBUTE, {
      input: { id, goalId, amount: '100.00' },
    });
    expect(first.contributeToGoal).toEqual({
      goal: {
        id: goalId,
        saved: { amount: '100.00' },
        remaining: { amount: '300.00' },
        percent: 25,
      },
      transaction: {
        id,
        categoryId: `goal:${goalId}`,
        amount: { amount: '100.00', currency: 'USD' },
        direction: 'EXPENSE',
        description: 'Trip',
        bookedOn: '2026-03-10',
      },
    });
    // A replay (the same id) changes nothing.
    const again = await client.call<Contribution>(CONTRIBUTE, {
      input: { id, goalId, amount: '100.00' },
    });
    expect(again.contributeToGoal.goal.saved.amount).toBe('100.00');
    // An id already used by another ledger entry is refused, and nothing is booked.
    const grocery = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      CREATE,
      { input: { amount: '5.00', categoryId: 'groceries' } },
    );
    const reused = await api.graphql(
      CONTRIBUTE,
      { input: { id: grocery.createTransaction.transaction.id, goalId, amount: '1.00' } },
      bearer(owner.accessToken),
    );
    expect(errorCodes(reused)).toEqual(['BAD_USER_INPUT']);
    // Nothing above zero, another person’s goal or a deleted goal: refused with a typed error.
    expect(
      errorCodes(
        await api.graphql(
          CONTRIBUTE,
          { input: { goalId, amount: '0.00' } },
          bearer(owner.accessToken),
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const stranger = await signUp(api);
    await budgetClient(api, stranger).call(ONBOARD, { input: US_ONBOARDING });
    expect(
      errorCodes(
        await api.graphql(
          CONTRIBUTE,
          { input: { goalId, amount: '1.00' } },
          bearer(stranger.accessToken),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    await client.call(DELETE_GOAL, { id: goalId });
    expect(
      errorCodes(
        await api.graphql(
          CONTRIBUTE,
          { input: { goalId, amount: '1.00' } },
          bearer(owner.accessToken),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('tells each milestone once, the highest when a contribution crosses several', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const made = await client.call<{ createGoal: GoalPayload }>(CREATE_GOAL, {
      input: { name: 'Trip', target: '100.00' },
    });
    const { categoryId } = made.createGoal.goal;
    type Alert = {
      kind: string;
      categoryId: string | null;
      categoryName: string | null;
      milestone: number | null;
      amount: { amount: string };
      allocation: { amount: string } | null;
    };
    const alerts = await subscribe<{ transactionAlert: Alert }>(
      api.url,
      `subscription { transactionAlert { kind categoryId categoryName milestone amount { amount } allocation { amount } } }`,
      { connectionParams: bearer(user.accessToken) },
    );
    const milestones: Alert[] = [];
    const nextMilestone = async () => {
      for (;;) {
        const alert = (await alerts.next()).transactionAlert;
        if (alert.kind === 'GOAL_MILESTONE') return alert;
      }
    };
    const contribute = (amount: string) =>
      client.call<{ createTransaction: { transaction: { id: string } } }>(CREATE, {
        input: { amount, categoryId },
      });
    try {
      await contribute('30.00');
      milestones.push(await nextMilestone());
      const second = await contribute('30.00');
      milestones.push(await nextMilestone());
      // Down to 30 % and back up to 60 %: 50 % was already told.
      await client.call(`mutation D($id: ID!) { deleteTransaction(id: $id) { conflict } }`, {
        id: second.createTransaction.transaction.id,
      });
      await contribute('30.00');
      // 60 → 100 %: 75 and 90 are crossed too, only 100 is told.
      await contribute('40.00');
      milestones.push(await nextMilestone());
    } finally {
      await alerts.close();
    }
    expect(milestones).toEqual([
      {
        kind: 'GOAL_MILESTONE',
        categoryId,
        categoryName: 'Trip',
        milestone: 25,
        amount: { amount: '30.00' },
        allocation: { amount: '100.00' },
      },
      expect.objectContaining({ milestone: 50, amount: { amount: '60.00' } }),
      expect.objectContaining({ milestone: 100, amount: { amount: '100.00' } }),
    ]);
  });

  it('refuses bad input, another person’s goal and a goal before onboarding', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const owner = budgetClient(api, await signUp(api));
    const intruder = budgetClient(api, await signUp(api));
    expect(
      errorCodes(await owner.raw(CREATE_GOAL, { input: { name: 'Trip', target: '100.00' } })),
    ).toEqual(['CONFLICT']);
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    for (const input of [
      { name: 'Trip', target: '0' },
      { name: '   ', target: '100.00' },
      { name: 'x'.repeat(101), target: '100.00' },
      { name: 'Trip', target: '100.001' },
      { name: 'Trip', target: '100.00', targetOn: '2026-03-09' },
      { name: 'Trip', target: '100.00', priority: 0 },
      { id: 'not-a-uuid', name: 'Trip', target: '100.00' },
    ]) {
      expect(errorCodes(await owner.raw(CREATE_GOAL, { input })), JSON.stringify(input)).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect((await owner.call<{ goals: GoalData[] }>(GOALS)).goals).toEqual([]);

    const made = await owner.call<{ createGoal: GoalPayload }>(CREATE_GOAL, {
      input: { name: 'Trip', target: '100.00', targetOn: '2026-03-10' },
    });
    const id = made.createGoal.goal.id;
    expect(
      errorCodes(await intruder.raw(UPDATE_GOAL, { input: { id, baseVersion: 1, name: 'Mine' } })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await intruder.raw(DELETE_GOAL, { id }))).toEqual(['NOT_FOUND']);
    // Someone else's id cannot be taken over by a create either.
    await intruder.call(ONBOARD, { input: US_ONBOARDING });
    expect(
      errorCodes(await intruder.raw(CREATE_GOAL, { input: { id, name: 'Mine', target: '1.00' } })),
    ).toEqual(['CONFLICT']);
    expect((await owner.call<{ goals: GoalData[] }>(GOALS)).goals).toMatchObject([
      { id, name: 'Trip', version: 1 },
    ]);
  });
});
