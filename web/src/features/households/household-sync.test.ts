import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { pullChanges } from '@/lib/sync/pull';
import type { GraphqlTransport } from '@/lib/sync';
import { applyHouseholdChange, type WireHousehold } from './household-sync';
import { matchesBookedBy } from './member-filter';

const OWNER = '11111111-1111-4111-8111-111111111111';
const PARTNER = '22222222-2222-4222-8222-222222222222';

function household(viewerRole: string): WireHousehold {
  return {
    id: 'h1',
    ownerId: OWNER,
    viewerRole,
    version: 1,
    updatedAt: '2026-03-10T00:00:00Z',
    members: [
      { userId: OWNER, name: 'Sam', email: 'sam@example.com', role: 'OWNER' },
      { userId: PARTNER, name: 'Alex', email: 'alex@example.com', role: 'MEMBER' },
    ],
  };
}

let db: PaceDatabase;
beforeEach(() => {
  db = new PaceDatabase(`household-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('applyHouseholdChange', () => {
  it.each([
    ['joining someone’s household moves the budget', null, 'MEMBER', true],
    ['owning one keeps the person’s own budget', null, 'OWNER', false],
    ['a role change inside it does not move it', 'MEMBER', 'VIEWER', false],
    ['leaving it moves the budget back', 'MEMBER', null, true],
    ['the owner dissolving it keeps their budget', 'OWNER', null, false],
  ] as const)('%s', async (_name, before, after, moved) => {
    if (before)
      await applyHouseholdChange(db, { id: 'h1', deleted: false, household: household(before) });
    const change = after
      ? { id: 'h1', deleted: false, household: household(after) }
      : { id: 'h1', deleted: true, household: null };
    expect(await applyHouseholdChange(db, change)).toBe(moved);
    expect((await db.households.toArray()).map((h) => h.viewerRole)).toEqual(after ? [after] : []);
  });
});

describe('matchesBookedBy', () => {
  const filter = (userId: string) => ({ userId, ownerId: OWNER });
  it.each([
    ['no filter', null, null, true],
    ['the owner’s own booking, owner chosen', null, filter(OWNER), true],
    ['the owner’s own booking, partner chosen', null, filter(PARTNER), false],
    ['the partner’s booking, partner chosen', PARTNER, filter(PARTNER), true],
    ['the partner’s booking, owner chosen', PARTNER, filter(OWNER), false],
  ] as const)('%s', (_name, memberId, chosen, expected) => {
    expect(matchesBookedBy({ memberId }, chosen)).toBe(expected);
  });
});

describe('pulling after joining a household', () => {
  it('drops the mirror of the person’s own budget and pulls the shared one from the start', async () => {
    const sinces: Array<string | null> = [];
    const pages = [
      // The first pull after joining: the household, then (from the start) the shared ledger.
      [
        {
          kind: 'HOUSEHOLD',
          id: 'h1',
          deleted: false,
          cursor: 'c9',
          household: household('MEMBER'),
        },
      ],
      [
        {
          kind: 'HOUSEHOLD',
          id: 'h1',
          deleted: false,
          cursor: 'c9',
          household: household('MEMBER'),
        },
      ],
    ];
    const transport: GraphqlTransport = async <T>(
      _query: string,
      variables?: Record<string, unknown>,
    ) => {
      sinces.push((variables?.since as string | null) ?? null);
      const changes = pages.shift() ?? [];
      return { changes: { cursor: 'c9', hasMore: false, changes } } as T;
    };
    await db.meta.put({ key: 'changesCursor', value: 'c5' });
    await db.transactions.put({
      id: 'own',
      categoryId: 'groceries',
      direction: 'expense',
      amountMinor: 100,
      currency: 'USD',
      bookedOn: '2026-03-01',
      occurredAt: '2026-03-01T10:00:00Z',
      merchant: null,
      note: null,
      source: 'manual',
      version: 1,
      updatedAt: '2026-03-01T10:00:00Z',
      deletedAt: null,
      pending: 0,
    } as never);
    await pullChanges(db, transport);
    expect(sinces).toEqual(['c5', null]);
    expect(await db.transactions.count()).toBe(0);
    expect((await db.meta.get('changesCursor'))?.value).toBe('c9');
  });
});
