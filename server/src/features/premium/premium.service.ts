import type { AuditService } from '../audit';
import type { UserRepository, UserRow } from '../accounts';
import { isPremium } from '../auth';
import { PremiumError } from './premium.errors';
import {
  premiumExtendedBy,
  premiumUntilAtLeast,
  type PlanChange,
  type PremiumSource,
} from './premium.rules';

/** A person's entitlement as it stands now. */
export interface Entitlement {
  user: UserRow;
  isPremium: boolean;
}

/**
 * Premium entitlements: the plan, who granted it and until when. The `premium:*` scopes follow it
 * at the person's next sign-in or token refresh (access tokens live 15 minutes). Every grant and
 * revocation is audited with the admin who made it.
 */
export class PremiumService {
  constructor(
    private readonly deps: { users: UserRepository; audit: AuditService; now: () => Date },
  ) {}

  async entitlementOf(userId: string): Promise<Entitlement> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new PremiumError('PREMIUM_USER_NOT_FOUND');
    return { user, isPremium: isPremium(user, this.deps.now()) };
  }

  /** Makes a person premium until `until` (null: no end); granting again replaces the end. */
  async grant(
    adminId: string,
    userId: string,
    until: Date | null,
    ip: string | null,
  ): Promise<Entitlement> {
    const now = this.deps.now();
    if (until && until <= now)
      throw new PremiumError('PREMIUM_INPUT_INVALID', { message: 'until must be in the future.' });
    const user = await this.deps.users.update(userId, {
      plan: 'premium',
      premiumSource: 'admin',
      premiumUntil: until,
      updatedAt: now,
    });
    if (!user) throw new PremiumError('PREMIUM_USER_NOT_FOUND');
    await this.deps.audit.record({
      event: 'admin.premium_granted',
      userId,
      ip,
      details: { adminId, until: until?.toISOString() ?? null },
    });
    return { user, isPremium: isPremium(user, now) };
  }

  /**
   * Premium earned rather than granted by an admin (a referral reward, a store purchase), written
   * through `users` so it commits with the caller's transaction. Returns the plan change made (null:
   * nothing changed, e.g. premium without an end); the caller audits it with its own event.
   */
  async applyOn(
    users: UserRepository,
    userId: string,
    grant: { days: number } | { until: Date },
    source: PremiumSource,
  ): Promise<PlanChange | null> {
    const now = this.deps.now();
    const user = await users.findById(userId);
    if (!user) throw new PremiumError('PREMIUM_USER_NOT_FOUND');
    const change =
      'days' in grant
        ? premiumExtendedBy(user, grant.days, source, now)
        : premiumUntilAtLeast(user, grant.until, source, now);
    if (change) await users.update(userId, { ...change, updatedAt: now });
    return change;
  }

  /** Back to the standard plan; revoking twice changes nothing more. */
  async revoke(adminId: string, userId: string, ip: string | null): Promise<Entitlement> {
    const now = this.deps.now();
    const user = await this.deps.users.update(userId, {
      plan: 'standard',
      premiumSource: null,
      premiumUntil: null,
      updatedAt: now,
    });
    if (!user) throw new PremiumError('PREMIUM_USER_NOT_FOUND');
    await this.deps.audit.record({
      event: 'admin.premium_revoked',
      userId,
      ip,
      details: { adminId },
    });
    return { user, isPremium: false };
  }
}
