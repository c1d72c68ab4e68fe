import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import {
  budgetClient,
  CREATE,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from './budget-client';

const clock = fixedClock('2026-03-10T15:00:00Z');

const CREATE_CATEGORY = `mutation C($input: CreateCategoryInput!) { createCategory(input: $input) { conflict category { id name behaviour priority version } } }`;
const UPDATE_CATEGORY = `mutation U($input: UpdateCategoryInput!) { updateCategory(input: $input) { conflict category { id name behaviour priority version } } }`;
const CATEGORIES = `{ categories { id name behaviour priority isInPlan } }`;
const CHANGES = `query Changes($since: String) { changes(since: $since) { cursor changes { kind id category { id priority version } } } }`;

type CategoryPayload = {
  conflict: boolean;
  category: { id: string; name: string; behaviour: string; priority: string; version: number };
};
type ChangesResult = {
  changes: {
    cursor: string;
    changes: Array<{
      kind: string;
      id: string;
      category: { id: string; priority: string; version: number } | null;
    }>;
  };
};

describe(`user-made categories (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates once with defaults, books on it, changes its priority with a version, and syncs it', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const start = (await client.call<ChangesResult>(CHANGES, {})).changes.cursor;

    const created = await client.call<{ createCategory: CategoryPayload }>(CREATE_CATEGORY, {
      input: { id: 'pets', name: ' Pets ' },
    });
    expect(created.createCategory).toEqual({
      conflict: false,
      category: { id: 'pets', name: 'Pets', behaviour: 'spread', priority: 'flexible', version: 1 },
    });
    const replayed = await client.call<{ createCategory: CategoryPayload }>(CREATE_CATEGORY, {
      input: { id: 'pets', name: 'Other name' },
    });
    expect(replayed.createCategory.category).toMatchObject({ name: 'Pets', version: 1 });
    const listed = await client.call<{
      categories: Array<{ id: string; priority: string; isInPlan: boolean }>;
    }>(CATEGORIES);
    expect(listed.categories).toContainEqual({
      id: 'pets',
      name: 'Pets',
      behaviour: 'spread',
      priority: 'flexible',
      isInPlan: false,
    });

    await client.call(CREATE, { input: { amount: '30.00', categoryId: 'pets' } });
    const month = async () =>
      (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect((await month()).categories.find((c) => c.categoryId === 'pets')).toMatchObject({
      priority: 'flexible',
      spent: { amount: '30.00' },
    });

    const updated = await client.call<{ updateCategory: CategoryPayload }>(UPDATE_CATEGORY, {
      input: { id: 'pets', baseVersion: 1, priority: 'DISCRETIONARY' },
    });
    expect(updated.updateCategory).toMatchObject({
      conflict: false,
      category: { priority: 'discretionary', version: 2 },
    });
    const stale = await client.call<{ updateCategory: CategoryPayload }>(UPDATE_CATEGORY, {
      input: { id: 'pets', baseVersion: 1, name: 'Animals' },
    });
    expect(stale.updateCategory).toMatchObject({
      conflict: true,
      category: { name: 'Pets', version: 2 },
    });
    // The month is recomputed with the new priority at once.
    expect((await month()).categories.find((c) => c.categoryId === 'pets')?.priority).toBe(
      'discretionary',
    );

    const changes = (
      await client.call<ChangesResult>(CHANGES, { since: start })
    ).changes.changes.filter((c) => c.kind === 'CATEGORY');
    expect(changes).toEqual([
      {
        kind: 'CATEGORY',
        id: 'pets',
        category: { id: 'pets', priority: 'discretionary', version: 2 },
      },
    ]);
  });

  it('refuses built-in and reserved ids, the buffer, unknown categories and another person’s category', async () => {
    const owner = budgetClient(api, await signUp(api));
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    const intruder = budgetClient(api, await signUp(api));
    await intruder.call(ONBOARD, { input: US_ONBOARDING });
    for (const id of ['groceries', 'goal:car', 'has space']) {
      expect(errorCodes(await owner.raw(CREATE_CATEGORY, { input: { id, name: 'X' } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect(
      errorCodes(
        await owner.raw(CREATE, { input: { amount: '1.00', categoryId: 'not-made-yet' } }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    await owner.call(CREATE_CATEGORY, {
      input: { id: 'garden', name: 'Garden', behaviour: 'CLUSTERED' },
    });
    expect(
      errorCodes(
        await intruder.raw(UPDATE_CATEGORY, {
          input: { id: 'garden', baseVersion: 1, name: 'Mine' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await intruder.raw(CREATE, { input: { amount: '1.00', categoryId: 'garden' } })),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
