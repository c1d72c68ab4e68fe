import { and, count, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import type { UserRepository } from '../accounts';
import {
  referralCodes,
  referralRewards,
  referrals,
  signUpDevices,
  type ReferralRewardRow,
  type ReferralRow,
} from './referral.table';

export interface ReferralCounts {
  invited: number;
  completed: number;
  rewarded: number;
  premiumDaysEarned: number;
}

/** The only SQL of referrals: codes, who invited whom, reward decisions and sign-up devices. */
export class ReferralRepository {
  constructor(
    private readonly db: Db,
    /** The accounts' repository on a given connection, for plan changes in the same transaction. */
    private readonly usersOn: (db: Db) => UserRepository,
  ) {}

  transaction<T>(
    work: (repository: ReferralRepository, users: UserRepository) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction((tx) =>
      work(new ReferralRepository(tx, this.usersOn), this.usersOn(tx)),
    );
  }

  async codeOf(userId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ code: referralCodes.code })
      .from(referralCodes)
      .where(eq(referralCodes.userId, userId));
    return row?.code ?? null;
  }

  async ownerOfCode(code: string): Promise<string | null> {
    const [row] = await this.db
      .select({ userId: referralCodes.userId })
      .from(referralCodes)
      .where(eq(referralCodes.code, code));
    return row?.userId ?? null;
  }

  /** Stores a code unless the person has one or the code is taken (then the caller reads again). */
  async insertCode(userId: string, code: string, now: Date): Promise<void> {
    await this.db
      .insert(referralCodes)
      .values({ userId, code, createdAt: now })
      .onConflictDoNothing();
  }

  /** Holds the referrer's code row until the transaction ends: their rewards are decided one at a time. */
  async lockReferrer(userId: string): Promise<void> {
    await this.db
      .select({ userId: referralCodes.userId })
      .from(referralCodes)
      .where(eq(referralCodes.userId, userId))
      .for('update');
  }

  async saveDevice(userId: string, deviceHash: string, now: Date): Promise<void> {
    await this.db
      .insert(signUpDevices)
      .values({ userId, deviceHash, createdAt: now })
      .onConflictDoNothing();
  }

  async devicesOf(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .select({ hash: signUpDevices.deviceHash })
      .from(signUpDevices)
      .where(inArray(signUpDevices.userId, [...userIds]));
    return rows.map((row) => row.hash);
  }

  /** False when the invitee already joined with a code. */
  async insertReferral(row: ReferralRow): Promise<boolean> {
    const rows = await this.db
      .insert(referrals)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: referrals.id });
    return rows.length > 0;
  }

  async referralOfInvitee(inviteeId: string): Promise<ReferralRow | null> {
    const [row] = await this.db.select().from(referrals).where(eq(referrals.inviteeId, inviteeId));
    return row ?? null;
  }

  /** Everyone who joined with the referrer's code. */
  async inviteesOf(referrerId: string): Promise<string[]> {
    const rows = await this.db
      .select({ inviteeId: referrals.inviteeId })
      .from(referrals)
      .where(eq(referrals.userId, referrerId));
    return rows.map((row) => row.inviteeId);
  }

  /** The invitees of a referrer whose referral was rewarded. */
  async rewardedInvitees(referrerId: string): Promise<string[]> {
    const rows = await this.db
      .select({ inviteeId: referrals.inviteeId })
      .from(referrals)
      .innerJoin(referralRewards, eq(referralRewards.referralId, referrals.id))
      .where(and(eq(referrals.userId, referrerId), eq(referralRewards.outcome, 'granted')));
    return rows.map((row) => row.inviteeId);
  }

  /** Records the decision on a referral's reward; false when it was decided before. */
  async claimReward(row: ReferralRewardRow): Promise<boolean> {
    const rows = await this.db
      .insert(referralRewards)
      .values(row)
      .onConflictDoNothing()
      .returning({ referralId: referralRewards.referralId });
    return rows.length > 0;
  }

  async countsOf(referrerId: string): Promise<ReferralCounts> {
    const [invited] = await this.db
      .select({ n: count() })
      .from(referrals)
      .where(eq(referrals.userId, referrerId));
    const [decided] = await this.db
      .select({
        completed: count(),
        rewarded: sql<number>`count(*) filter (where ${referralRewards.outcome} = 'granted')`,
        days: sum(
          sql`case when ${referralRewards.outcome} = 'granted' then ${referralRewards.referrerDays} else 0 end`,
        ),
      })
      .from(referralRewards)
      .where(eq(referralRewards.userId, referrerId));
    return {
      invited: Number(invited?.n ?? 0),
      completed: Number(decided?.completed ?? 0),
      rewarded: Number(decided?.rewarded ?? 0),
      premiumDaysEarned: Number(decided?.days ?? 0),
    };
  }
}
