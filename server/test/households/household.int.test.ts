import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCodes,
  isDistributed,
  signUp,
  startSecondNode,
  startTestApi,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
  type TestUser,
} from '../kit';
import { subscribe } from '../subscriptions';
import { sha256 } from '../../src/features/accounts';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const nowIso = '2026-03-10T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const HOUSEHOLD_FIELDS = `id ownerId viewerRole version members { userId name email role } invites { id email role }`;
const INVITE = `mutation Invite($input: InviteToHouseholdInput!) {
  inviteToHousehold(input: $input) { invite { id email role } household { ${HOUSEHOLD_FIELDS} } }
}`;
const ACCEPT = `mutation Accept($input: AcceptHouseholdInviteInput!) {
  acceptHouseholdInvite(input: $input) { household { ${HOUSEHOLD_FIELDS} } }
}`;
const HOUSEHOLD = `query { household { ${HOUSEHOLD_FIELDS} } }`;
const SPENDING = `query Spending($month: YearMonth!) {
  household { spending(month: $month) { userId spent { amount currency } count } }
}`;
const LEAVE = `mutation { leaveHousehold { left } }`;
const REMOVE = `mutation Remove($userId: ID!) { removeHouseholdMember(userId: $userId) { household { id } } }`;
const ROLE = `mutation Role($input: ChangeHouseholdRoleInput!) {
  changeHouseholdMemberRole(input: $input) { household { members { userId role } } }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeHouseholdInvite(id: $id) { household { id } } }`;
const LEDGER = `query Ledger($filter: TransactionFilter) {
  transactionsConnection(first: 50, filter: $filter) { nodes { id memberId amount { amount } } }
}`;
const UPDATED = `subscription { budgetUpdated { transactionId totals { spent { amount } } } }`;

type Household = {
  id: string;
  ownerId: string;
  viewerRole: string;
  version: number;
  members: Array<{ userId: string; role: string; email: string }>;
  invites: Array<{ id: string; email: string; role: string }>;
};
type Ledger = {
  transactionsConnection: { nodes: Array<{ id: string; memberId: string | null }> };
};
type Updated = { budgetUpdated: { transactionId: string | null } };

describe(`households (${TEST_MODE})`, () => {
  let api: TestApi;
  let second: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi({ clock });
    if (isDistributed) second = await startSecondNode(api, { clock });
  });
  afterAll(async () => {
    await second?.stop();
    await api.stop();
  });

  const as = (user: TestUser) => budgetClient(api, user);

  async function onboarded(): Promise<TestUser> {
    const user = await signUp(api);
    await as(user).call(ONBOARD, { input: US_ONBOARDING });
    return user;
  }

  /** Invites `invitee` into `owner`'s household and returns the mailed link's token. */
  async function invite(owner: TestUser, invitee: TestUser, role = 'MEMBER'): Promise<string> {
    await as(owner).call(INVITE, { input: { email: invitee.email, role } });
    const mail = await api.mail.next(invitee.email.toLowerCase());
    api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
    const token = /\/household\/accept\/\?token=([\w-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no invitation link in ${mail.text}`);
    return token;
  }

  async function join(owner: TestUser, invitee: TestUser, role = 'MEMBER'): Promise<void> {
    const token = await invite(owner, invitee, role);
    await as(invitee).call(ACCEPT, { input: { token } });
  }

  const book = (user: TestUser, amount: string, id = randomUUID()) =>
    as(user).raw<{ createTransaction: { transaction: { id: string } } }>(CREATE, {
      input: { id, amount, categoryId: 'groceries' },
    });

  const reason = (response: GraphQLResponse<unknown>) =>
    response.errors?.[0]?.extensions?.reason as string | undefined;

  it('shares the owner’s budget: a purchase by either one reaches the other’s live Today, on any node', async () => {
    const owner = await onboarded();
    const partner = await signUp(api);
    await join(owner, partner);

    const household = (await as(partner).call<{ household: Household }>(HOUSEHOLD)).household;
    expect(household.ownerId).toBe(owner.userId);
    expect(household.viewerRole).toBe('MEMBER');
    expect(household.members.map((m) => [m.userId, m.role])).toEqual([
      [owner.userId, 'OWNER'],
      [partner.userId, 'MEMBER'],
    ]);

    const partnerToday = await subscribe<Updated>((second ?? api).url, UPDATED, {
      connectionParams: bearer(partner.accessToken),
    });
    const ownerToday = await subscribe<Updated>(api.url, UPDATED, {
      connectionParams: bearer(owner.accessToken),
    });
    try {
      const byOwner = randomUUID();
      expect((await book(owner, '12.50', byOwner)).errors).toBeUndefined();
      expect((await partnerToday.next()).budgetUpdated.transactionId).toBe(byOwner);
      expect((await ownerToday.next()).budgetUpdated.transactionId).toBe(byOwner);

      const byPartner = randomUUID();
      expect((await book(partner, '7.25', byPartner)).errors).toBeUndefined();
      expect((await ownerToday.next()).budgetUpdated.transactionId).toBe(byPartner);
      expect((await partnerToday.next()).budgetUpdated.transactionId).toBe(byPartner);

      // Both read one ledger; each entry says who booked it, and the member filter narrows it.
      const ledger = await as(owner).call<Ledger>(LEDGER);
      expect(ledger.transactionsConnection.nodes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: byOwner, memberId: null }),
          expect.objectContaining({ id: byPartner, memberId: partner.userId }),
        ]),
      );
      const partnersOnly = await as(partner).call<Ledger>(LEDGER, {
        filter: { memberId: partner.userId },
      });
      expect(partnersOnly.transactionsConnection.nodes.map((n) => n.id)).toEqual([byPartner]);
      const ownersOnly = await as(partner).call<Ledger>(LEDGER, {
        filter: { memberId: owner.userId },
      });
      expect(ownersOnly.transactionsConnection.nodes.map((n) => n.id)).toEqual([byOwner]);

      const spending = await as(partner).call<{
        household: { spending: Array<{ userId: string; spent: { amount: string } | null }> };
      }>(SPENDING, { month: '2026-03' });
      expect(spending.household.spending).toEqual([
        expect.objectContaining({
          userId: owner.userId,
          spent: { amount: '12.50', currency: 'USD' },
        }),
        expect.objectContaining({
          userId: partner.userId,
          spent: { amount: '7.25', currency: 'USD' },
        }),
      ]);

      // Removed: the next write of the shared budget no longer reaches the former member.
      await as(owner).call(REMOVE, { userId: partner.userId });
      const afterRemoval = randomUUID();
      await book(owner, '1.00', afterRemoval);
      expect((await ownerToday.next()).budgetUpdated.transactionId).toBe(afterRemoval);
      await expect(partnerToday.next(1_500)).rejects.toThrow(/no event/);
    } finally {
      await partnerToday.close();
      await ownerToday.close();
    }
  });

  it('lets a viewer read the shared budget and refuses every write', async () => {
    const owner = await onboarded();
    const viewer = await signUp(api);
    await join(owner, viewer, 'VIEWER');
    const refused = await book(viewer, '3.00');
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reason(refused)).toBe('HOUSEHOLD_READ_ONLY');
    const settings = await as(viewer).raw(
      `mutation { createCategory(input: { name: "Pets", behaviour: SPREAD, priority: FLEXIBLE }) { category { id } } }`,
    );
    expect(errorCodes(settings)).toContain('FORBIDDEN');
    // Reading works, on the owner's budget.
    const month = await as(viewer).call<{ budgetSettings: { currency: string } | null }>(
      `query { budgetSettings { currency } }`,
    );
    expect(month.budgetSettings?.currency).toBe('USD');
    // Made a member, the same person may book.
    await as(owner).call(ROLE, { input: { userId: viewer.userId, role: 'MEMBER' } });
    expect((await book(viewer, '3.00')).errors).toBeUndefined();
  });

  it('keeps each person’s own data when they leave; what they booked stays in the shared budget', async () => {
    const owner = await onboarded();
    const partner = await onboarded();
    const ownPurchase = randomUUID();
    await book(partner, '40.00', ownPurchase);
    await join(owner, partner);

    const shared = randomUUID();
    await book(partner, '9.99', shared);
    // In the household, the partner's own budget is out of reach, not changed.
    const inside = await as(partner).call<Ledger>(LEDGER);
    expect(inside.transactionsConnection.nodes.map((n) => n.id)).toEqual([shared]);

    // The owner cannot leave while someone else is in the household.
    const ownerLeaves = await as(owner).raw(LEAVE);
    expect(reason(ownerLeaves)).toBe('HOUSEHOLD_OWNER_HAS_MEMBERS');
    expect(errorCodes(ownerLeaves)).toEqual(['CONFLICT']);

    await as(partner).call(LEAVE);
    expect((await as(partner).call<{ household: null }>(HOUSEHOLD)).household).toBeNull();
    const own = await as(partner).call<Ledger>(LEDGER);
    expect(own.transactionsConnection.nodes.map((n) => n.id)).toEqual([ownPurchase]);
    const owners = await as(owner).call<Ledger>(LEDGER);
    expect(owners.transactionsConnection.nodes).toEqual([
      expect.objectContaining({ id: shared, memberId: partner.userId }),
    ]);
    // Alone now, the owner may leave: the household dissolves.
    await as(owner).call(LEAVE);
    expect((await as(owner).call<{ household: null }>(HOUSEHOLD)).household).toBeNull();
  });

  it('syncs the household and the shared plan’s ledger to a member’s device, and the leaving as a tombstone', async () => {
    const CHANGES = `query Changes($since: String) {
      changes(since: $since) { cursor changes { kind id deleted household { ownerId members { userId role } } transaction { id memberId } } }
    }`;
    type Changes = {
      changes: {
        cursor: string;
        changes: Array<{
          kind: string;
          id: string;
          deleted: boolean;
          household: { ownerId: string; members: Array<{ userId: string }> } | null;
          transaction: { id: string; memberId: string | null } | null;
        }>;
      };
    };
    const owner = await onboarded();
    const ownersPurchase = randomUUID();
    await book(owner, '5.00', ownersPurchase);
    const partner = await signUp(api);
    await join(owner, partner);
    const first = (await as(partner).call<Changes>(CHANGES, { since: null })).changes;
    const kinds = first.changes.map((c) => c.kind);
    expect(kinds).toContain('SETTINGS');
    expect(first.changes.find((c) => c.kind === 'HOUSEHOLD')?.household).toMatchObject({
      ownerId: owner.userId,
      members: [{ userId: owner.userId }, { userId: partner.userId }],
    });
    expect(first.changes.find((c) => c.kind === 'TRANSACTION')?.transaction).toEqual({
      id: ownersPurchase,
      memberId: null,
    });
    // The owner's next purchase comes in the member's next pull.
    const later = randomUUID();
    await book(owner, '2.00', later);
    const next = (await as(partner).call<Changes>(CHANGES, { since: first.cursor })).changes;
    expect(next.changes.map((c) => c.transaction?.id)).toContain(later);

    await as(partner).call(LEAVE);
    const after = (await as(partner).call<Changes>(CHANGES, { since: next.cursor })).changes;
    expect(after.changes).toContainEqual(
      expect.objectContaining({ kind: 'HOUSEHOLD', deleted: true, household: null }),
    );
  });

  it('refuses used, expired, revoked and misaddressed links, and inviting a member again', async () => {
    const owner = await onboarded();
    const partner = await signUp(api);
    const token = await invite(owner, partner);
    const stranger = await signUp(api);
    expect(reason(await as(stranger).raw(ACCEPT, { input: { token } }))).toBe(
      'HOUSEHOLD_INVITE_OTHER_ADDRESS',
    );
    await as(partner).call(ACCEPT, { input: { token } });
    expect(reason(await as(partner).raw(ACCEPT, { input: { token } }))).toBe(
      'HOUSEHOLD_INVITE_USED',
    );
    const again = await as(owner).raw(INVITE, { input: { email: partner.email, role: 'MEMBER' } });
    expect(reason(again)).toBe('HOUSEHOLD_ALREADY_MEMBER');
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    const late = await signUp(api);
    const lateToken = await invite(owner, late);
    // Seven days on (the link's life), it no longer works.
    await api.container.database.db.execute(
      sql`update household_invites set expires_at = ${new Date(Date.parse(nowIso) - 1).toISOString()}::timestamptz where token_hash = ${sha256(lateToken)}`,
    );
    const expired = await as(late).raw(ACCEPT, { input: { token: lateToken } });
    expect(reason(expired)).toBe('HOUSEHOLD_INVITE_EXPIRED');
    expect(errorCodes(expired)).toEqual(['BAD_USER_INPUT']);

    const revokedToken = await invite(owner, late);
    const pending = (await as(owner).call<{ household: Household }>(HOUSEHOLD)).household.invites;
    const pendingInvite = pending.find((i) => i.email === late.email.toLowerCase());
    expect(pending.filter((i) => i.email === late.email.toLowerCase())).toHaveLength(1);
    await as(owner).call(REVOKE, { id: pendingInvite?.id });
    expect(reason(await as(late).raw(ACCEPT, { input: { token: revokedToken } }))).toBe(
      'HOUSEHOLD_INVITE_INVALID',
    );
    expect(reason(await as(late).raw(ACCEPT, { input: { token: 'not-a-token' } }))).toBe(
      'HOUSEHOLD_INVITE_INVALID',
    );

    // A member cannot manage the household, nor join a second one.
    expect(reason(await as(partner).raw(REMOVE, { userId: owner.userId }))).toBe(
      'HOUSEHOLD_NOT_OWNER',
    );
    const otherOwner = await onboarded();
    const otherToken = await invite(otherOwner, partner);
    expect(reason(await as(partner).raw(ACCEPT, { input: { token: otherToken } }))).toBe(
      'HOUSEHOLD_ALREADY_IN_ONE',
    );
  });

  it('answers NOT_FOUND for another household’s members and invitations', async () => {
    const owner = await onboarded();
    const partner = await signUp(api);
    await join(owner, partner);
    const stranger = await onboarded();
    const strangersGuest = await signUp(api);
    await invite(stranger, strangersGuest);
    const theirs = (await as(stranger).call<{ household: Household }>(HOUSEHOLD)).household;
    const inviteId = theirs.invites[0]?.id;
    expect(inviteId).toBeDefined();
    for (const response of [
      await as(owner).raw(REVOKE, { id: inviteId }),
      await as(stranger).raw(REMOVE, { userId: partner.userId }),
      await as(stranger).raw(ROLE, { input: { userId: partner.userId, role: 'VIEWER' } }),
    ])
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});
