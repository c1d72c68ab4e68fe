import { randomUUID } from 'node:crypto';
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

const clock = fixedClock('2026-03-10T15:00:00Z');

const ADJUST = `mutation A($input: AdjustBudgetInput!) { adjustBudget(input: $input) { id month fromCategoryId fromOn toCategoryId toOn amount { amount } deletedAt } }`;
const DELETE = `mutation D($id: ID!) { deleteBudgetAdjustment(id: $id) { id deletedAt } }`;
const LIST = `query L($month: YearMonth!) { budgetAdjustments(month: $month) { id fromCategoryId toCategoryId amount { amount currency } } }`;
const CHANGES = `query C($since: String) { changes(since: $since) { cursor changes { kind id deleted adjustment { id month fromOn toOn amount { amount } } } } }`;

interface ChangesResult {
  changes: {
    cursor: string;
    changes: Array<{
      kind: string;
      id: string;
      deleted: boolean;
      adjustment: { id: string; month: string; amount: { amount: string } } | null;
    }>;
  };
}

describe(`manual budget moves (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('moves an amount between cells, survives recomputes and replays, shows as MANUAL, and deleting undoes it', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const month = async () =>
      (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    const cell = (m: MonthResult['budgetMonth'], date: string, id: string) =>
      cents(
        m.days.find((d) => d.date === date)?.categories.find((c) => c.categoryId === id)?.allocation
          .amount ?? 'NaN',
      );
    const before = await month();

    const id = randomUUID();
    const input = {
      id,
      fromCategoryId: 'groceries',
      fromOn: '2026-03-12',
      toCategoryId: 'dining_out',
      toOn: '2026-03-15',
      amount: '5.00',
    };
    const made = await client.call<{ adjustBudget: { month: string; amount: { amount: string } } }>(
      ADJUST,
      { input },
    );
    expect(made.adjustBudget).toMatchObject({ month: '2026-03', amount: { amount: '5.00' } });
    // A later write recomputes the month from the ledger: the move stays; a replay adds nothing.
    await client.call(CREATE, { input: { amount: '1.00', categoryId: 'coffee' } });
    await client.call(ADJUST, { input });
    const after = await month();
    expect(cell(after, '2026-03-12', 'groceries')).toBe(
      cell(before, '2026-03-12', 'groceries') - 500,
    );
    expect(cell(after, '2026-03-15', 'dining_out')).toBe(
      cell(before, '2026-03-15', 'dining_out') + 500,
    );
    expect(after.totals.allocated).toEqual(before.totals.allocated);
    expect(after.moves.filter((m) => m.reason === 'MANUAL')).toEqual([
      {
        reason: 'MANUAL',
        fromCategoryId: 'groceries',
        toCategoryId: 'dining_out',
        fromDays: ['2026-03-12'],
        toDays: ['2026-03-15'],
        amount: { amount: '5.00' },
        onDay: '2026-03-12',
      },
    ]);

    await client.call(DELETE, { id });
    const undone = await month();
    expect(cell(undone, '2026-03-12', 'groceries')).toBe(cell(before, '2026-03-12', 'groceries'));
    expect(cell(undone, '2026-03-15', 'dining_out')).toBe(cell(before, '2026-03-15', 'dining_out'));
    expect(undone.moves.some((m) => m.reason === 'MANUAL')).toBe(false);
  });

  it('refuses past days, another month, more than the day has, categories outside the plan, and another person’s move', async () => {
    const owner = budgetClient(api, await signUp(api));
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    const base = {
      fromCategoryId: 'groceries',
      fromOn: '2026-03-12',
      toCategoryId: 'dining_out',
      toOn: '2026-03-15',
      amount: '1.00',
    };
    for (const change of [
      { fromOn: '2026-03-09' },
      { toOn: '2026-04-01' },
      { amount: '100000.00' },
      { amount: '0.00' },
      { toCategoryId: 'no-such' },
    ]) {
      expect(errorCodes(await owner.raw(ADJUST, { input: { ...base, ...change } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    const made = await owner.call<{ adjustBudget: { id: string } }>(ADJUST, { input: base });
    const intruder = budgetClient(api, await signUp(api));
    expect(errorCodes(await intruder.raw(DELETE, { id: made.adjustBudget.id }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('lists the month’s moves in force and syncs each move and its deletion through changes(since)', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const start = (await client.call<ChangesResult>(CHANGES, { since: null })).changes.cursor;
    const move = (id: string, amount: string) =>
      client.call(ADJUST, {
        input: {
          id,
          fromCategoryId: 'groceries',
          fromOn: '2026-03-12',
          toCategoryId: 'dining_out',
          toOn: '2026-03-15',
          amount,
        },
      });
    const kept = randomUUID();
    const undone = randomUUID();
    await move(kept, '2.00');
    await move(undone, '3.00');
    await client.call(DELETE, { id: undone });

    const listed = await client.call<{ budgetAdjustments: Array<{ id: string }> }>(LIST, {
      month: '2026-03',
    });
    expect(listed.budgetAdjustments).toEqual([
      {
        id: kept,
        fromCategoryId: 'groceries',
        toCategoryId: 'dining_out',
        amount: { amount: '2.00', currency: 'USD' },
      },
    ]);
    expect(
      (await client.call<{ budgetAdjustments: unknown[] }>(LIST, { month: '2026-04' }))
        .budgetAdjustments,
    ).toEqual([]);

    const pulled = (await client.call<ChangesResult>(CHANGES, { since: start })).changes.changes;
    const adjustments = pulled.filter((c) => c.kind === 'ADJUSTMENT');
    // The deleted move comes once, as a tombstone at its deletion's place in the feed.
    expect(adjustments.map((c) => [c.id, c.deleted])).toEqual([
      [kept, false],
      [undone, true],
    ]);
    expect(adjustments[0]?.adjustment).toMatchObject({
      month: '2026-03',
      amount: { amount: '2.00' },
    });
    const last = (await client.call<ChangesResult>(CHANGES, { since: start })).changes.cursor;
    expect((await client.call<ChangesResult>(CHANGES, { since: last })).changes.changes).toEqual(
      [],
    );
  });
});
