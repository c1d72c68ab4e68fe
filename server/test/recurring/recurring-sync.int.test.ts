import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { joinHousehold } from '../households/household-client';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * Recurring expenses travel to devices through `changes(since)` like the other synced records:
 * creating one, an edit from a date on (which ends the old rule and starts a new one), ending one
 * and the job posting an occurrence each come as a RECURRING change, for every reader of the
 * budget (a household member too) and for no one else.
 */

let nowIso = '2026-03-10T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const RECURRING = 'id amount { amount } startOn endOn postedThrough previousId memberId';
const SCHEDULE = `mutation($input: CreateRecurringTransactionInput!) { scheduleRecurringTransaction(input: $input) {
  recurringTransaction { id } } }`;
const UPDATE = `mutation($input: UpdateRecurringTransactionInput!) { updateRecurringTransaction(input: $input) {
  recurringTransaction { id } previous { id } } }`;
const STOP = `mutation($id: ID!, $lastOn: Date) { stopRecurringTransaction(id: $id, lastOn: $lastOn) {
  recurringTransaction { id } } }`;
const CHANGES = `query($since: String) { changes(since: $since, first: 500) { cursor
  changes { kind id deleted recurringTransaction { ${RECURRING} } } } }`;

interface RecurringView {
  id: string;
  amount: { amount: string };
  startOn: string;
  endOn: string | null;
  postedThrough: string | null;
  previousId: string | null;
  memberId: string | null;
}
interface Pulled {
  cursor: string;
  recurring: RecurringView[];
}
type Client = ReturnType<typeof budgetClient>;

describe(`recurring expenses through changes(since) (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** A client with a token minted now (tokens live 15 minutes of the test clock). */
  const as = async (user: TestUser): Promise<Client> =>
    budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });

  async function onboarded(): Promise<{ user: TestUser; client: Client }> {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }

  async function pull(client: Client, since: string | null): Promise<Pulled> {
    const answer = await client.call<{
      changes: {
        cursor: string;
        changes: Array<{
          kind: string;
          id: string;
          deleted: boolean;
          recurringTransaction: RecurringView | null;
        }>;
      };
    }>(CHANGES, { since });
    const recurring = answer.changes.changes.filter((c) => c.kind === 'RECURRING');
    for (const change of recurring) {
      expect(change.deleted).toBe(false);
      expect(change.recurringTransaction?.id).toBe(change.id);
    }
    return {
      cursor: answer.changes.cursor,
      recurring: recurring.map((c) => c.recurringTransaction as RecurringView),
    };
  }

  const weekly = (extra: Record<string, unknown>) => ({
    amount: '10.00',
    categoryId: 'groceries',
    frequency: 'WEEKLY',
    dayNumber: 2,
    startOn: '2026-03-10',
    ...extra,
  });

  it('lists a created rule, its edit from a date on, its end and each posting', async () => {
    nowIso = '2026-03-10T15:00:00Z';
    const { user, client } = await onboarded();
    const start = await pull(client, null);
    expect(start.recurring).toEqual([]);

    const made = await client.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input: weekly({}) });
    const { id } = made.scheduleRecurringTransaction.recurringTransaction;
    // Created, and its first occurrence (today) posted at once.
    const created = await pull(client, start.cursor);
    expect(created.recurring.at(-1)).toMatchObject({
      id,
      amount: { amount: '10.00' },
      endOn: null,
      postedThrough: '2026-03-10',
    });

    const edited = await client.call<{
      updateRecurringTransaction: {
        recurringTransaction: { id: string };
        previous: { id: string };
      };
    }>(UPDATE, { input: { id, from: '2026-03-15', amount: '12.00' } });
    const nextId = edited.updateRecurringTransaction.recurringTransaction.id;
    const afterEdit = await pull(client, created.cursor);
    expect(afterEdit.recurring).toEqual([
      expect.objectContaining({ id, endOn: '2026-03-14', amount: { amount: '10.00' } }),
      expect.objectContaining({
        id: nextId,
        previousId: id,
        startOn: '2026-03-15',
        endOn: null,
        amount: { amount: '12.00' },
      }),
    ]);

    // A week later the job posts the next occurrence: the device learns the rule moved on.
    nowIso = '2026-03-17T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = await as(user);
    const afterPosting = await pull(fresh, afterEdit.cursor);
    expect(afterPosting.recurring).toEqual([
      expect.objectContaining({ id: nextId, postedThrough: '2026-03-17' }),
    ]);

    await fresh.call(STOP, { id: nextId, lastOn: '2026-03-20' });
    const afterEnd = await pull(fresh, afterPosting.cursor);
    expect(afterEnd.recurring).toEqual([
      expect.objectContaining({ id: nextId, endOn: '2026-03-20', postedThrough: '2026-03-17' }),
    ]);
    // Nothing more: a pull from the last cursor is empty.
    expect((await pull(fresh, afterEnd.cursor)).recurring).toEqual([]);
    // A device starting afresh gets both rules as they are now.
    const all = await pull(fresh, null);
    expect(all.recurring.map((r) => [r.id, r.endOn])).toEqual([
      [id, '2026-03-14'],
      [nextId, '2026-03-20'],
    ]);
  });

  it('lists the budget’s rules to a household member, never to another person', async () => {
    nowIso = '2026-03-10T15:00:00Z';
    const { user: owner, client: ownerClient } = await onboarded();
    const member = await signUp(api);
    await joinHousehold(api, owner, member, 'MEMBER');
    const memberClient = budgetClient(api, member);
    const stranger = await onboarded();
    const strangerStart = await pull(stranger.client, null);

    const ownerMade = await ownerClient.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input: weekly({ description: 'Rent' }) });
    const memberMade = await memberClient.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input: weekly({ description: 'Gym', startOn: '2026-03-12' }) });
    const ownerRule = ownerMade.scheduleRecurringTransaction.recurringTransaction.id;
    const memberRule = memberMade.scheduleRecurringTransaction.recurringTransaction.id;

    const seenByMember = await pull(memberClient, null);
    expect(seenByMember.recurring.map((r) => [r.id, r.memberId])).toEqual([
      [ownerRule, null],
      [memberRule, member.userId],
    ]);
    const seenByOwner = await pull(ownerClient, null);
    expect(seenByOwner.recurring.map((r) => r.id)).toEqual([ownerRule, memberRule]);

    // The owner ends the member's rule: the member's device learns of it.
    await ownerClient.call(STOP, { id: memberRule, lastOn: '2026-03-11' });
    const ended = await pull(memberClient, seenByMember.cursor);
    expect(ended.recurring).toEqual([
      expect.objectContaining({ id: memberRule, endOn: '2026-03-11' }),
    ]);

    // Another person's pull never carries this budget's rules.
    expect((await pull(stranger.client, strangerStart.cursor)).recurring).toEqual([]);
    expect((await pull(stranger.client, null)).recurring).toEqual([]);
  });
});
