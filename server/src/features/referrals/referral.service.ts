import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { AuditService } from '../audit';
import type { UserRepository } from '../accounts';
import type { PremiumService } from '../premium';
import { ReferralError } from './referral.errors';
import type { ReferralCounts, ReferralRepository } from './referral.repository';
import {
  INVITEE_REWARD_DAYS,
  REFERRER_REWARD_DAYS,
  judgeReward,
  newReferralCode,
  normaliseReferralCode,
  type RewardDecision,
} from './referral.rules';

/** A valid code given at sign-up: whose it is. */
export interface SignUpReferral {
  referrerId: string;
  code: string;
}

export interface ReferralSummary extends ReferralCounts {
  code: string;
  shareUrl: string;
  referrerRewardDays: number;
  inviteeRewardDays: number;
}

/** A code is drawn again when it collides with another person's (about 1 in 10^12 per draw). */
const CODE_ATTEMPTS = 5;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Referrals: a person's invite code, sign-ups with a code, and the premium days both sides earn
 * once, when the invitee completes onboarding — unless the two look like one person (same
 * mailbox, device or payment method), which is refused, recorded and audited.
 */
export class ReferralService {
  constructor(
    private readonly deps: {
      repository: ReferralRepository;
      users: UserRepository;
      premium: PremiumService;
      audit: AuditService;
      now: () => Date;
      /** The PWA's address: share links point at its sign-up page. */
      publicUrl: string;
      /** Payment-method fingerprints of people (the payments feature's customers). */
      paymentFingerprints: (userIds: readonly string[]) => Promise<string[]>;
      randomIndex?: (size: number) => number;
    },
  ) {}

  async summaryOf(userId: string): Promise<ReferralSummary> {
    const code = await this.codeOf(userId);
    const shareUrl = new URL('/sign-up/', this.deps.publicUrl);
    shareUrl.searchParams.set('ref', code);
    return {
      code,
      shareUrl: shareUrl.toString(),
      referrerRewardDays: REFERRER_REWARD_DAYS,
      inviteeRewardDays: INVITEE_REWARD_DAYS,
      ...(await this.deps.repository.countsOf(userId)),
    };
  }

  /** The person's invite code, made on first use; the same code every time after. */
  async codeOf(userId: string): Promise<string> {
    const { repository } = this.deps;
    const random = this.deps.randomIndex ?? ((size: number) => randomInt(size));
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      const existing = await repository.codeOf(userId);
      if (existing) return existing;
      await repository.insertCode(userId, newReferralCode(random), this.deps.now());
    }
    const code = await repository.codeOf(userId);
    if (!code) throw new Error('no free invite code after several draws');
    return code;
  }

  /**
   * The referral a code given at sign-up names: null without a code; REFERRAL_CODE_UNKNOWN (before
   * any account is made) when it names nobody.
   */
  async checkCode(raw: string | null | undefined): Promise<SignUpReferral | null> {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const code = normaliseReferralCode(raw);
    const referrerId = code ? await this.deps.repository.ownerOfCode(code) : null;
    if (!code || !referrerId) throw new ReferralError('REFERRAL_CODE_UNKNOWN');
    return { referrerId, code };
  }

  /** A new account: remembers the hash of its device id, and who invited it. */
  async recordSignUp(
    inviteeId: string,
    referral: SignUpReferral | null,
    deviceId: string | null,
  ): Promise<void> {
    const { repository } = this.deps;
    const now = this.deps.now();
    if (deviceId?.trim()) await repository.saveDevice(inviteeId, sha256(deviceId.trim()), now);
    if (referral)
      await repository.insertReferral({
        id: randomUUID(),
        userId: referral.referrerId,
        inviteeId,
        createdAt: now,
      });
  }

  /**
   * The invitee completed onboarding: the reward is decided once. The decision row (keyed by the
   * referral) and the premium days commit together, so a retried or concurrent completion finds
   * the decision made and changes nothing.
   */
  async onOnboarded(inviteeId: string): Promise<RewardDecision | null> {
    const referral = await this.deps.repository.referralOfInvitee(inviteeId);
    if (!referral) return null;
    const now = this.deps.now();
    // Payment methods are read before the transaction (another feature's tables, on its own
    // connection): the referrer's, the invitee's and those of every invitee of the referrer.
    const payments = await this.paymentsOf([
      referral.userId,
      ...(await this.deps.repository.inviteesOf(referral.userId)),
    ]);
    const paymentsOf = (ids: readonly string[]) => ids.flatMap((id) => payments.get(id) ?? []);
    const decided = await this.deps.repository.transaction(async (repository, users) => {
      await repository.lockReferrer(referral.userId);
      const referrer = await users.findById(referral.userId);
      const invitee = await users.findById(inviteeId);
      if (!referrer || !invitee) return null;
      const rewarded = (await repository.rewardedInvitees(referrer.id)).filter(
        (id) => id !== invitee.id,
      );
      const referrerDevices = await repository.devicesOf([referrer.id]);
      const inviteeDevices = await repository.devicesOf([invitee.id]);
      const rewardedDevices = await repository.devicesOf(rewarded);
      const referrerPayments = paymentsOf([referrer.id]);
      const inviteePayments = paymentsOf([invitee.id]);
      const rewardedPayments = paymentsOf(rewarded);
      const decision = judgeReward({
        referrer,
        invitee,
        referrerDevices,
        inviteeDevices,
        rewardedDevices,
        referrerPayments,
        inviteePayments,
        rewardedPayments,
      });
      const isGranted = decision.outcome === 'granted';
      const claimed = await repository.claimReward({
        referralId: referral.id,
        userId: referrer.id,
        outcome: decision.outcome,
        reason: decision.outcome === 'refused' ? decision.reason : null,
        referrerDays: isGranted ? REFERRER_REWARD_DAYS : 0,
        inviteeDays: isGranted ? INVITEE_REWARD_DAYS : 0,
        decidedAt: now,
      });
      if (!claimed) return null;
      if (!isGranted) return { decision, referrerUntil: null, inviteeUntil: null };
      const premium = this.deps.premium;
      const forReferrer = await premium.applyOn(
        users,
        referrer.id,
        { days: REFERRER_REWARD_DAYS },
        'referral',
      );
      const forInvitee = await premium.applyOn(
        users,
        invitee.id,
        { days: INVITEE_REWARD_DAYS },
        'referral',
      );
      return {
        decision,
        referrerUntil: forReferrer?.premiumUntil ?? null,
        inviteeUntil: forInvitee?.premiumUntil ?? null,
      };
    });
    if (!decided) return null;
    const { decision } = decided;
    await this.deps.audit.record({
      event: decision.outcome === 'granted' ? 'referral.reward_granted' : 'referral.reward_refused',
      userId: referral.userId,
      details: {
        referralId: referral.id,
        inviteeId,
        reason: decision.outcome === 'refused' ? decision.reason : null,
        referrerDays: decision.outcome === 'granted' ? REFERRER_REWARD_DAYS : 0,
        inviteeDays: decision.outcome === 'granted' ? INVITEE_REWARD_DAYS : 0,
        referrerUntil: decided.referrerUntil?.toISOString() ?? null,
        inviteeUntil: decided.inviteeUntil?.toISOString() ?? null,
      },
    });
    return decision;
  }

  private async paymentsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const entries = await Promise.all(
      userIds.map(async (id) => [id, await this.deps.paymentFingerprints([id])] as const),
    );
    return new Map(entries);
  }
}
