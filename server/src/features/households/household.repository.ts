import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { rowsOf } from '../../infra/db/migrate';
import { nextChangeSeq } from '../budget';
import { users } from '../accounts';
import {
  householdInvites,
  householdMembers,
  households,
  type HouseholdInviteRow,
  type HouseholdMemberRow,
  type HouseholdRole,
  type HouseholdRow,
} from './household.table';

/** A current member with the profile fields the household shows. */
export interface HouseholdMemberView extends HouseholdMemberRow {
  name: string;
  email: string;
}

/** What one member booked in a period of the shared budget (expenses only). */
export interface MemberSpendingRow {
  /** The booker; null for the owner's own bookings. */
  memberId: string | null;
  currency: string;
  spentMinor: number;
  count: number;
}

/** Households, their members and invitations. */
export class HouseholdRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): HouseholdRepository {
    return new HouseholdRepository(tx);
  }

  transaction<T>(work: (repository: HouseholdRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new HouseholdRepository(tx)));
  }

  /** The person's current membership with its household, or null outside one. */
  async findMembershipOf(
    userId: string,
  ): Promise<{ member: HouseholdMemberRow; household: HouseholdRow } | null> {
    const [row] = await this.db
      .select({ member: householdMembers, household: households })
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .where(and(eq(householdMembers.userId, userId), isNull(householdMembers.leftAt)));
    return row ?? null;
  }

  async findByOwner(ownerId: string): Promise<HouseholdRow | null> {
    const [row] = await this.db.select().from(households).where(eq(households.ownerId, ownerId));
    return row ?? null;
  }

  /** Locks the household row for the rest of the transaction (membership changes run one at a time). */
  async lock(householdId: string): Promise<HouseholdRow | null> {
    const [row] = await this.db
      .select()
      .from(households)
      .where(eq(households.id, householdId))
      .for('update');
    return row ?? null;
  }

  async insertHousehold(row: Pick<HouseholdRow, 'id' | 'ownerId' | 'createdAt'>): Promise<void> {
    await this.db
      .insert(households)
      .values({ ...row, updatedAt: row.createdAt })
      .onConflictDoNothing();
  }

  /** A change of members or roles: every member's devices pull the household again. */
  async touch(householdId: string, now: Date): Promise<void> {
    await this.db
      .update(households)
      .set({ version: sql`${households.version} + 1`, changeSeq: nextChangeSeq(), updatedAt: now })
      .where(eq(households.id, householdId));
  }

  async listMembers(householdId: string): Promise<HouseholdMemberView[]> {
    const rows = await this.db
      .select({ member: householdMembers, name: users.name, email: users.email })
      .from(householdMembers)
      .innerJoin(users, eq(users.id, householdMembers.userId))
      .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.leftAt)))
      // The owner first, then in the order they joined.
      .orderBy(
        sql`${householdMembers.role} <> 'owner'`,
        asc(householdMembers.joinedAt),
        asc(householdMembers.id),
      );
    return rows.map((row) => ({ ...row.member, name: row.name, email: row.email }));
  }

  /** User ids of the current members other than the owner. */
  async listOtherMemberIds(householdId: string, ownerId: string): Promise<string[]> {
    const rows = await this.db
      .select({ userId: householdMembers.userId })
      .from(householdMembers)
      .where(
        and(
          eq(householdMembers.householdId, householdId),
          isNull(householdMembers.leftAt),
          ne(householdMembers.userId, ownerId),
        ),
      );
    return rows.map((row) => row.userId);
  }

  async insertMember(
    row: Pick<HouseholdMemberRow, 'id' | 'householdId' | 'userId' | 'role' | 'joinedAt'>,
  ): Promise<void> {
    await this.db.insert(householdMembers).values(row);
  }

  async setRole(memberId: string, role: HouseholdRole): Promise<void> {
    await this.db
      .update(householdMembers)
      .set({ role, changeSeq: nextChangeSeq() })
      .where(eq(householdMembers.id, memberId));
  }

  async markLeft(memberId: string, now: Date): Promise<void> {
    await this.db
      .update(householdMembers)
      .set({ leftAt: now, changeSeq: nextChangeSeq() })
      .where(and(eq(householdMembers.id, memberId), isNull(householdMembers.leftAt)));
  }

  async insertInvite(row: HouseholdInviteRow): Promise<void> {
    await this.db.insert(householdInvites).values(row);
  }

  async findInviteByHash(tokenHash: string): Promise<HouseholdInviteRow | null> {
    const [row] = await this.db
      .select()
      .from(householdInvites)
      .where(eq(householdInvites.tokenHash, tokenHash));
    return row ?? null;
  }

  /** Invitations that can still be accepted, oldest first. */
  async listPendingInvites(householdId: string, now: Date): Promise<HouseholdInviteRow[]> {
    return this.db
      .select()
      .from(householdInvites)
      .where(
        and(
          eq(householdInvites.householdId, householdId),
          isNull(householdInvites.acceptedAt),
          isNull(householdInvites.revokedAt),
          gt(householdInvites.expiresAt, now),
        ),
      )
      .orderBy(asc(householdInvites.createdAt), asc(householdInvites.id));
  }

  /** Revokes pending invitations of the household (all, or those to one address); returns how many. */
  async revokePending(
    householdId: string,
    now: Date,
    filter: { email?: string; id?: string } = {},
  ): Promise<number> {
    const revoked = await this.db
      .update(householdInvites)
      .set({ revokedAt: now })
      .where(
        and(
          eq(householdInvites.householdId, householdId),
          isNull(householdInvites.acceptedAt),
          isNull(householdInvites.revokedAt),
          filter.email ? eq(householdInvites.email, filter.email) : undefined,
          filter.id ? eq(householdInvites.id, filter.id) : undefined,
        ),
      )
      .returning({ id: householdInvites.id });
    return revoked.length;
  }

  /** Spends an invitation once; false when it was accepted or revoked meanwhile. */
  async markAccepted(inviteId: string, userId: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(householdInvites)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(
        and(
          eq(householdInvites.id, inviteId),
          isNull(householdInvites.acceptedAt),
          isNull(householdInvites.revokedAt),
        ),
      )
      .returning({ id: householdInvites.id });
    return rows.length > 0;
  }

  /** The person's membership rows changed after a change number (tombstones included), newest last. */
  async listMembershipChangesSince(userId: string, since: number): Promise<HouseholdMemberRow[]> {
    return this.db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.userId, userId), gt(householdMembers.changeSeq, since)))
      .orderBy(asc(householdMembers.changeSeq));
  }

  /**
   * Expenses of the owner's ledger booked from `from` to `to` (local dates), per booker. The ledger
   * belongs to the transactions feature; this read only sums its rows by `member_id`.
   */
  async sumSpendingByMember(
    ownerId: string,
    from: string,
    to: string,
  ): Promise<MemberSpendingRow[]> {
    const result = await this.db.execute(sql`
      select member_id, currency, sum(amount_minor)::bigint as spent_minor, count(*)::int as n
      from transactions
      where user_id = ${ownerId} and deleted_at is null and direction = 'expense'
        and booked_on between ${from}::date and ${to}::date
      group by member_id, currency
      order by member_id nulls first, currency`);
    return rowsOf<{ member_id: string | null; currency: string; spent_minor: unknown; n: unknown }>(
      result,
    ).map((row) => ({
      memberId: row.member_id,
      currency: row.currency,
      spentMinor: Number(row.spent_minor),
      count: Number(row.n),
    }));
  }
}
