import { randomBytes } from 'node:crypto';
import { dateInMonth, daysInMonth, type LocalMonth } from '@pace/engine';
import type { Clock } from '../../infra/clock';
import { sendEmailJob } from '../../infra/mail/email.job';
import type { JobQueue } from '../../infra/queue/job';
import { isUuid } from '../../graphql/ids';
import { sha256, type UserRepository } from '../accounts';
import { HouseholdError } from './household.errors';
import { householdMailWords } from './household-mail-words';
import type {
  HouseholdMemberView,
  HouseholdRepository,
  MemberSpendingRow,
} from './household.repository';
import {
  INVITE_TTL_MS,
  MAX_HOUSEHOLD_SIZE,
  inviteState,
  normalizeEmail,
  roleAllows,
  type BudgetAccess,
} from './household.rules';
import type {
  HouseholdInviteRow,
  HouseholdMemberRow,
  HouseholdRole,
  HouseholdRow,
  InvitableRole,
} from './household.table';

/** Whose budget a call acts on, and who is booking into it. */
export interface ActingBudget {
  /** The budget's owner: the caller outside a household. */
  ownerId: string;
  /** The caller when they act on someone else's budget (stamped on what they book); else null. */
  memberId: string | null;
  /** The caller's role in their household; null outside one. */
  role: HouseholdRole | null;
}

/** A household as its members see it. */
export interface HouseholdView {
  household: HouseholdRow;
  viewerId: string;
  viewerRole: HouseholdRole;
  members: HouseholdMemberView[];
  /** Pending invitations; only the owner sees them (empty for others). */
  invites: HouseholdInviteRow[];
}

/** The caller's household as sync carries it: an upsert, or a tombstone after leaving. */
export interface HouseholdChange {
  seq: number;
  householdId: string;
  /** Null: the caller left it (or it dissolved). */
  view: HouseholdView | null;
}

/** One person's expenses of a month in the shared budget. */
export interface MemberSpending {
  userId: string;
  name: string;
  currency: string;
  spentMinor: number;
  count: number;
}

/**
 * Households: a budget shared by its owner with members and viewers, through e-mailed single-use
 * invitations. The shared plan is the owner's own budget (docs/households.md).
 */
export class HouseholdService {
  constructor(
    private readonly deps: {
      repository: HouseholdRepository;
      users: UserRepository;
      queue: JobQueue;
      clock: Clock;
      publicUrl: string;
      newId: () => string;
    },
  ) {}

  /** The budget a person's budget operations act on; VIEWERs asking to write are refused. */
  async actingBudget(userId: string, access: BudgetAccess): Promise<ActingBudget> {
    const membership = await this.deps.repository.findMembershipOf(userId);
    if (!membership) return { ownerId: userId, memberId: null, role: null };
    const { role } = membership.member;
    if (!roleAllows(role, access)) throw new HouseholdError('HOUSEHOLD_READ_ONLY');
    const { ownerId } = membership.household;
    return { ownerId, memberId: ownerId === userId ? null : userId, role };
  }

  /**
   * The scopes a budget event published for `userId` goes to: the owner and every member of the
   * household they own; none for a member's own (dormant) budget; the person alone otherwise.
   */
  async eventScopesOf(userId: string): Promise<string[]> {
    const membership = await this.deps.repository.findMembershipOf(userId);
    if (!membership) return [userId];
    const { household } = membership;
    if (household.ownerId !== userId) return [];
    return [
      userId,
      ...(await this.deps.repository.listOtherMemberIds(household.id, household.ownerId)),
    ];
  }

  /** The caller's household, or null outside one. */
  async find(userId: string): Promise<HouseholdView | null> {
    const membership = await this.deps.repository.findMembershipOf(userId);
    return membership && this.viewOf(userId, membership.household, membership.member.role);
  }

  /**
   * The caller's household for sync when it (or their membership) changed after `since`: the
   * household as it is, or a tombstone (`view` null) when they left it since.
   */
  async changeOf(userId: string, since: number): Promise<HouseholdChange | null> {
    const { repository } = this.deps;
    const membership = await repository.findMembershipOf(userId);
    if (membership) {
      const seq = Math.max(membership.household.changeSeq, membership.member.changeSeq);
      if (seq <= since) return null;
      const view = await this.viewOf(userId, membership.household, membership.member.role);
      return { seq, householdId: membership.household.id, view };
    }
    const left = (await repository.listMembershipChangesSince(userId, since)).at(-1);
    return left ? { seq: left.changeSeq, householdId: left.householdId, view: null } : null;
  }

  /** Invites an address (creating the caller's household on the first invitation) and mails the link. */
  async invite(
    userId: string,
    input: { email: string; role: InvitableRole },
  ): Promise<{ view: HouseholdView; invite: HouseholdInviteRow }> {
    const { repository, users, clock, newId } = this.deps;
    const email = normalizeEmail(input.email);
    if (!email)
      throw new HouseholdError('HOUSEHOLD_INPUT_INVALID', {
        message: 'email is not an e-mail address.',
      });
    const inviter = await users.findById(userId);
    if (!inviter) throw new HouseholdError('HOUSEHOLD_NOT_FOUND');
    const invitee = await users.findByEmail(email);
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const result = await repository.transaction(async (tx) => {
      const household = await this.ownedHousehold(tx, userId, now);
      const members = await tx.listMembers(household.id);
      if (members.some((m) => m.email.toLowerCase() === email || m.userId === invitee?.id))
        throw new HouseholdError('HOUSEHOLD_ALREADY_MEMBER');
      await tx.revokePending(household.id, now, { email });
      const pending = await tx.listPendingInvites(household.id, now);
      if (members.length + pending.length >= MAX_HOUSEHOLD_SIZE)
        throw new HouseholdError('HOUSEHOLD_FULL', { limit: MAX_HOUSEHOLD_SIZE });
      const invite: HouseholdInviteRow = {
        id: newId(),
        householdId: household.id,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: userId,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
        createdAt: now,
      };
      await tx.insertInvite(invite);
      return { household, invite };
    });
    const locale = invitee?.locale ?? inviter.locale;
    const role = householdMailWords(locale, input.role === 'viewer' ? 'roleViewer' : 'roleMember');
    await this.deps.queue.enqueue(
      sendEmailJob,
      {
        to: email,
        locale,
        subject: householdMailWords(locale, 'inviteSubject', { inviter: inviter.name }),
        text: householdMailWords(locale, 'inviteBody', {
          inviter: inviter.name,
          role,
          link: `${this.deps.publicUrl}/household/accept/?token=${token}`,
        }),
      },
      { jobId: `household-invite-${result.invite.id}` },
    );
    return { view: await this.viewOf(userId, result.household, 'owner'), invite: result.invite };
  }

  /** Joins the household of an invitation sent to the caller's address; the link works once. */
  async accept(userId: string, token: string): Promise<HouseholdView> {
    const { repository, users, clock, newId } = this.deps;
    const now = clock.now();
    const invite = await repository.findInviteByHash(sha256(token.trim()));
    const state = inviteState(invite, now);
    if (state === 'USED') throw new HouseholdError('HOUSEHOLD_INVITE_USED');
    if (state === 'EXPIRED') throw new HouseholdError('HOUSEHOLD_INVITE_EXPIRED');
    if (state !== 'VALID' || !invite) throw new HouseholdError('HOUSEHOLD_INVITE_INVALID');
    const user = await users.findById(userId);
    if (user?.email.toLowerCase() !== invite.email)
      throw new HouseholdError('HOUSEHOLD_INVITE_OTHER_ADDRESS');
    const household = await repository.transaction(async (tx) => {
      const locked = await tx.lock(invite.householdId);
      if (!locked) throw new HouseholdError('HOUSEHOLD_INVITE_INVALID');
      const current = await tx.findMembershipOf(userId);
      if (current?.household.id === locked.id) throw new HouseholdError('HOUSEHOLD_ALREADY_MEMBER');
      if (current) throw new HouseholdError('HOUSEHOLD_ALREADY_IN_ONE');
      if (!(await tx.markAccepted(invite.id, userId, now)))
        throw new HouseholdError('HOUSEHOLD_INVITE_USED');
      await tx.insertMember({
        id: newId(),
        householdId: locked.id,
        userId,
        role: invite.role,
        joinedAt: now,
      });
      await tx.touch(locked.id, now);
      return locked;
    });
    return this.viewOf(userId, household, invite.role);
  }

  /** The owner makes a member a viewer or a viewer a member. */
  async changeRole(
    userId: string,
    input: { userId: string; role: InvitableRole },
  ): Promise<HouseholdView> {
    return this.asOwner(userId, async (tx, household, target) => {
      await tx.setRole(target(input.userId).id, input.role);
    });
  }

  /** The owner removes someone; what they booked stays in the shared budget. */
  async removeMember(userId: string, memberUserId: string): Promise<HouseholdView> {
    if (memberUserId === userId)
      throw new HouseholdError('HOUSEHOLD_INPUT_INVALID', {
        message: 'The owner leaves with leaveHousehold, once the other members are removed.',
      });
    return this.asOwner(userId, async (tx, _household, target) => {
      await tx.markLeft(target(memberUserId).id, this.deps.clock.now());
    });
  }

  /** The owner withdraws a pending invitation; its link stops working. */
  async revokeInvite(userId: string, inviteId: string): Promise<HouseholdView> {
    const membership = await this.deps.repository.findMembershipOf(userId);
    if (!membership || !isUuid(inviteId)) throw new HouseholdError('HOUSEHOLD_INVITE_NOT_FOUND');
    return this.asOwner(userId, async (tx, household) => {
      if ((await tx.revokePending(household.id, this.deps.clock.now(), { id: inviteId })) === 0)
        throw new HouseholdError('HOUSEHOLD_INVITE_NOT_FOUND');
    });
  }

  /**
   * Leaves the household: the person's own budget is theirs again and what they booked stays in the
   * shared one. The owner leaves only alone (the household then dissolves).
   */
  async leave(userId: string): Promise<void> {
    const { repository, clock } = this.deps;
    const now = clock.now();
    await repository.transaction(async (tx) => {
      const membership = await tx.findMembershipOf(userId);
      if (!membership) throw new HouseholdError('HOUSEHOLD_NOT_FOUND');
      const { household, member } = membership;
      await tx.lock(household.id);
      if (household.ownerId === userId) {
        const others = await tx.listOtherMemberIds(household.id, userId);
        if (others.length > 0) throw new HouseholdError('HOUSEHOLD_OWNER_HAS_MEMBERS');
        await tx.revokePending(household.id, now);
      }
      await tx.markLeft(member.id, now);
      await tx.touch(household.id, now);
    });
  }

  /** Each member's expenses of a month in the shared budget (the owner's own bookings under the owner). */
  async spending(userId: string, month: LocalMonth): Promise<MemberSpending[]> {
    const view = await this.find(userId);
    if (!view) throw new HouseholdError('HOUSEHOLD_NOT_FOUND');
    const { ownerId } = view.household;
    const rows = await this.deps.repository.sumSpendingByMember(
      ownerId,
      dateInMonth(month, 1),
      dateInMonth(month, daysInMonth(month)),
    );
    return view.members.flatMap((member) => {
      const own = rows.filter((row) => bookerOf(row, ownerId) === member.userId);
      const currencies = [...new Set(own.map((row) => row.currency))];
      if (currencies.length === 0) currencies.push('');
      return currencies.map((currency) => {
        const same = own.filter((row) => row.currency === currency);
        return {
          userId: member.userId,
          name: member.name,
          currency,
          spentMinor: same.reduce((sum, row) => sum + row.spentMinor, 0),
          count: same.reduce((sum, row) => sum + row.count, 0),
        };
      });
    });
  }

  private async viewOf(
    viewerId: string,
    household: HouseholdRow,
    viewerRole: HouseholdRole,
  ): Promise<HouseholdView> {
    const { repository, clock } = this.deps;
    const [members, invites] = await Promise.all([
      repository.listMembers(household.id),
      viewerRole === 'owner' ? repository.listPendingInvites(household.id, clock.now()) : [],
    ]);
    const fresh = (await repository.findByOwner(household.ownerId)) ?? household;
    return { household: fresh, viewerId, viewerRole, members, invites };
  }

  /** The caller's own household, created (or started again) on their first invitation. */
  private async ownedHousehold(
    tx: HouseholdRepository,
    userId: string,
    now: Date,
  ): Promise<HouseholdRow> {
    const membership = await tx.findMembershipOf(userId);
    if (membership) {
      if (membership.household.ownerId !== userId) throw new HouseholdError('HOUSEHOLD_NOT_OWNER');
      return (await tx.lock(membership.household.id)) ?? membership.household;
    }
    const existing = await tx.findByOwner(userId);
    const householdId = existing?.id ?? this.deps.newId();
    if (!existing) await tx.insertHousehold({ id: householdId, ownerId: userId, createdAt: now });
    const locked = await tx.lock(householdId);
    if (!locked) throw new Error('household vanished');
    await tx.insertMember({
      id: this.deps.newId(),
      householdId,
      userId,
      role: 'owner',
      joinedAt: now,
    });
    await tx.touch(householdId, now);
    return locked;
  }

  /** Runs an owner-only change in one transaction, then returns the household as it is now. */
  private async asOwner(
    userId: string,
    change: (
      tx: HouseholdRepository,
      household: HouseholdRow,
      target: (memberUserId: string) => HouseholdMemberRow,
    ) => Promise<void>,
  ): Promise<HouseholdView> {
    const { repository, clock } = this.deps;
    const household = await repository.transaction(async (tx) => {
      const membership = await tx.findMembershipOf(userId);
      if (!membership) throw new HouseholdError('HOUSEHOLD_NOT_FOUND');
      if (membership.member.role !== 'owner') throw new HouseholdError('HOUSEHOLD_NOT_OWNER');
      const locked = (await tx.lock(membership.household.id)) ?? membership.household;
      const members = await tx.listMembers(locked.id);
      const target = (memberUserId: string): HouseholdMemberRow => {
        const found = members.find((m) => m.userId === memberUserId && m.role !== 'owner');
        if (!found) throw new HouseholdError('HOUSEHOLD_MEMBER_NOT_FOUND');
        return found;
      };
      await change(tx, locked, target);
      await tx.touch(locked.id, clock.now());
      return locked;
    });
    return this.viewOf(userId, household, 'owner');
  }
}

/** Who booked a row of the owner's ledger: the stamped member, or the owner. */
function bookerOf(row: MemberSpendingRow, ownerId: string): string {
  return row.memberId ?? ownerId;
}
