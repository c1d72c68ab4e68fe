import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import {
  budgetClient,
  cents,
  CREATE,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from './budget-client';

// 2026-03-01 10:00 in New York: the first day of the month for the user.
const clock = fixedClock('2026-03-01T15:00:00Z');

describe(`budget scenario (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('plans the month to the cent, covers an overspend from Flex first, and gives it all back on delete', async () => {
    const client = budgetClient(api, await signUp(api));
    type Onboarded = {
      completeOnboarding: {
        alreadyCompleted: boolean;
        plan: {
          startsOn: string;
          totals: { income: { amount: string }; planned: { amount: string } };
          categories: Array<{ id: string; amount: { amount: string } }>;
        };
      };
    };
    const onboarded = await client.call<Onboarded>(ONBOARD, { input: US_ONBOARDING });
    const plan = onboarded.completeOnboarding.plan;
    expect(plan.startsOn).toBe('2026-03-01');
    expect(plan.totals.planned.amount).toBe('6000.00');
    expect(plan.categories.reduce((sum, c) => sum + cents(c.amount.amount), 0)).toBe(600_000);
    expect(plan.categories.find((c) => c.id === 'rent')?.amount.amount).toBe('1500.00');
    expect(plan.categories.find((c) => c.id === 'savings')?.amount.amount).toBe('400.00');

    const before = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(before.today).toBe('2026-03-01');
    expect(before.totals.allocated.amount).toBe('6000.00');
    const allocatedCells = before.days
      .flatMap((d) => d.categories)
      .reduce((sum, c) => sum + cents(c.allocation.amount), 0);
    expect(allocatedCells).toBe(600_000);

    const dayOne = (m: MonthResult['budgetMonth'], id: string) =>
      m.days[0]?.categories.find((c) => c.categoryId === id);
    // Dining out's spending days depend on the user id (deterministic per user), so today's
    // allocation is read, and the spend goes exactly 50.00 over it.
    expect(before.categories.find((c) => c.categoryId === 'flex')?.allocation.amount).toBe(
      '840.00',
    );
    const diningToday = cents(dayOne(before, 'dining_out')?.allocation.amount ?? '0');
    const spend = diningToday + 5000; // 50.00 over today's dining allocation
    const created = await client.call<{
      createTransaction: { transaction: { id: string; bookedOn: string } };
    }>(CREATE, {
      input: {
        amount: (spend / 100).toFixed(2),
        categoryId: 'dining_out',
        description: 'Birthday dinner',
      },
    });
    expect(created.createTransaction.transaction.bookedOn).toBe('2026-03-01');

    const after = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(after.totals.allocated.amount).toBe('6000.00');
    expect(after.totals.deficit.amount).toBe('0.00');
    // The overspend is covered on day 1 by moves whose amounts add up to it, Flex first.
    const overspendMoves = after.moves.filter((m) => m.reason === 'OVERSPEND');
    expect(overspendMoves[0]?.fromCategoryId).toBe('flex');
    expect(
      overspendMoves.every((m) => m.toCategoryId === 'dining_out' && m.onDay === '2026-03-01'),
    ).toBe(true);
    expect(overspendMoves.reduce((sum, m) => sum + cents(m.amount.amount), 0)).toBe(5000);
    expect(dayOne(after, 'dining_out')).toMatchObject({
      covered: { amount: '50.00' },
      status: 'RED',
    });
    expect(overspendMoves).toEqual([
      expect.objectContaining({
        fromCategoryId: 'flex',
        amount: { amount: '50.00' },
        fromDays: before.days.slice(1).map((d) => d.date),
      }),
    ]);
    expect(after.categories.find((c) => c.categoryId === 'flex')?.allocation.amount).toBe('790.00');
    expect(cents(dayOne(after, 'dining_out')?.allocation.amount ?? '0')).toBe(spend);
    // Later days of Flex shrank by exactly the covered amount; sacred categories never moved.
    const flexLater = (m: MonthResult['budgetMonth']) =>
      m.days
        .slice(1)
        .reduce(
          (sum, d) =>
            sum +
            cents(d.categories.find((c) => c.categoryId === 'flex')?.allocation.amount ?? '0'),
          0,
        );
    expect(flexLater(before) - flexLater(after)).toBe(5000);
    const sacred = before.categories
      .filter((c) => c.priority === 'sacred')
      .map((c) => c.categoryId);
    for (const id of sacred) {
      expect(
        after.days.map((d) => d.categories.find((c) => c.categoryId === id)?.allocation.amount),
      ).toEqual(
        before.days.map((d) => d.categories.find((c) => c.categoryId === id)?.allocation.amount),
      );
    }

    await client.call(
      `mutation($id: ID!) { deleteTransaction(id: $id) { transaction { deletedAt } } }`,
      { id: created.createTransaction.transaction.id },
    );
    const restored = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(restored).toEqual(before);
  });

  it('books an instant on the user’s local date: 03:30Z on March 1 is February 28 in New York', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const created = await client.call<{ createTransaction: { transaction: { bookedOn: string } } }>(
      CREATE,
      {
        input: { amount: '12.30', categoryId: 'groceries', occurredAt: '2026-03-01T03:30:00Z' },
      },
    );
    expect(created.createTransaction.transaction.bookedOn).toBe('2026-02-28');
  });

  it('refuses more decimals than the currency has, and work before onboarding', async () => {
    const client = budgetClient(api, await signUp(api));
    expect(
      errorCodes(await client.raw(CREATE, { input: { amount: '1.00', categoryId: 'groceries' } })),
    ).toEqual(['CONFLICT']);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    expect(
      errorCodes(
        await client.raw(CREATE, { input: { amount: '12.345', categoryId: 'groceries' } }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const replay = await client.call<{ completeOnboarding: { alreadyCompleted: boolean } }>(
      ONBOARD,
      { input: { ...US_ONBOARDING, income: '9000.00' } },
    );
    expect(replay.completeOnboarding.alreadyCompleted).toBe(true);
  });

  it('answers NOT_FOUND for another user’s transaction', async () => {
    const owner = budgetClient(api, await signUp(api));
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    const created = await owner.call<{
      createTransaction: { transaction: { id: string; version: number } };
    }>(CREATE, { input: { amount: '5.00', categoryId: 'coffee' } });
    const { id, version } = created.createTransaction.transaction;
    const other = budgetClient(api, await signUp(api));
    await other.call(ONBOARD, { input: US_ONBOARDING });
    expect(
      errorCodes(await other.raw(`query($id: ID!) { transaction(id: $id) { id } }`, { id })),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await other.raw(`mutation($id: ID!) { deleteTransaction(id: $id) { conflict } }`, { id }),
      ),
    ).toEqual(['NOT_FOUND']);
    const update = `mutation($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict } }`;
    expect(
      errorCodes(await other.raw(update, { input: { id, baseVersion: version, amount: '1.00' } })),
    ).toEqual(['NOT_FOUND']);
    // Replaying the owner's id as another user's create does not reveal or touch it.
    expect(
      errorCodes(await other.raw(CREATE, { input: { id, amount: '5.00', categoryId: 'coffee' } })),
    ).toEqual(['CONFLICT']);
  });
});
