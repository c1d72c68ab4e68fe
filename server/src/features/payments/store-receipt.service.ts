import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit';
import type { PremiumService } from '../premium';
import {
  StoreVerificationError,
  type StorePlatform,
  type StorePurchase,
  type StoreReceiptVerifier,
} from '../../infra/stores/store-receipt';
import type { StorePurchaseRepository } from './store-purchase.repository';
import { StoreReceiptError, type StoreReceiptErrorCode } from './store-receipt.errors';

const MAX_RECEIPT_LENGTH = 4096;
const MAX_PRODUCT_ID_LENGTH = 200;

export interface StoreReceipt {
  platform: StorePlatform;
  /** Apple's transaction id or Google's purchase token, as the store plugin reported it. */
  receipt: string;
  productId: string;
}

export interface StoreReceiptOutcome {
  entitlement: Awaited<ReturnType<PremiumService['entitlementOf']>>;
  /** False when the purchase was verified before for this account and extends nothing now. */
  isNewlyApplied: boolean;
}

const FAILURE_CODES: Record<StoreVerificationError['failure'], StoreReceiptErrorCode> = {
  not_found: 'STORE_RECEIPT_NOT_FOUND',
  forged: 'STORE_RECEIPT_FORGED',
  wrong_app: 'STORE_RECEIPT_WRONG_APP',
  unavailable: 'STORE_UNAVAILABLE',
};

/**
 * Premium bought in the Capacitor app: the store is asked about the purchase (never the app's
 * word alone), and each purchase grants premium to one account, once per paid period — a replay
 * extends nothing, a renewal of the same purchase extends to its new end.
 */
export class StoreReceiptService {
  constructor(
    private readonly deps: {
      repository: StorePurchaseRepository;
      premium: PremiumService;
      audit: AuditService;
      now: () => Date;
      /** The stores with credentials; an absent one is not configured. */
      verifiers: Partial<Record<StorePlatform, StoreReceiptVerifier>>;
      /** The store product ids that are premium subscriptions. */
      premiumProductIds: readonly string[];
    },
  ) {}

  get platforms(): StorePlatform[] {
    return (['app_store', 'play_store'] as const).filter((p) => this.deps.verifiers[p]);
  }

  async verify(
    userId: string,
    input: StoreReceipt,
    ip: string | null,
  ): Promise<StoreReceiptOutcome> {
    const receipt = input.receipt.trim();
    const productId = input.productId.trim();
    if (!receipt || receipt.length > MAX_RECEIPT_LENGTH)
      throw new StoreReceiptError('STORE_RECEIPT_INVALID', {
        message: 'The receipt is empty or too long.',
      });
    if (!productId || productId.length > MAX_PRODUCT_ID_LENGTH)
      throw new StoreReceiptError('STORE_RECEIPT_INVALID', {
        message: 'The product id is empty or too long.',
      });
    const verifier = this.deps.verifiers[input.platform];
    if (!verifier)
      throw new StoreReceiptError('STORE_NOT_CONFIGURED', { platform: input.platform });
    if (!this.deps.premiumProductIds.includes(productId))
      throw new StoreReceiptError('STORE_RECEIPT_WRONG_PRODUCT', { productId });
    const purchase = await this.asked(verifier, receipt, productId, ip);
    const until = this.paidUntil(purchase, productId);
    const { isNewlyApplied, hasPlanChanged } = await this.claim(userId, purchase, until);
    if (hasPlanChanged)
      await this.deps.audit.record({
        event: 'payments.premium_granted',
        userId,
        ip,
        details: {
          provider: purchase.platform,
          productId,
          reference: purchase.reference,
          until: until.toISOString(),
        },
      });
    return { entitlement: await this.deps.premium.entitlementOf(userId), isNewlyApplied };
  }

  private async asked(
    verifier: StoreReceiptVerifier,
    receipt: string,
    productId: string,
    ip: string | null,
  ): Promise<StorePurchase> {
    try {
      return await verifier.verify(receipt, productId);
    } catch (error) {
      if (!(error instanceof StoreVerificationError)) throw error;
      if (error.failure === 'forged')
        await this.deps.audit.record({
          event: 'payments.signature_rejected',
          ip,
          details: { provider: verifier.platform, reason: error.message.slice(0, 300) },
        });
      throw new StoreReceiptError(FAILURE_CODES[error.failure], { cause: error.message });
    }
  }

  /** The end of the paid period, or the typed reason the purchase gives no premium. */
  private paidUntil(purchase: StorePurchase, productId: string): Date {
    if (purchase.productId !== productId || !purchase.expiresAt)
      throw new StoreReceiptError('STORE_RECEIPT_WRONG_PRODUCT', { productId: purchase.productId });
    if (purchase.revokedAt) throw new StoreReceiptError('STORE_RECEIPT_REVOKED');
    if (purchase.expiresAt <= this.deps.now()) throw new StoreReceiptError('STORE_RECEIPT_EXPIRED');
    if (!purchase.isActive) throw new StoreReceiptError('STORE_RECEIPT_NOT_ACTIVE');
    return purchase.expiresAt;
  }

  /**
   * Records the purchase for the account and extends premium in one transaction. Not newly
   * applied: recorded before for this account with the same or a later end. The plan may stay as
   * it is when premium already lasts longer (an admin's grant without end).
   */
  private claim(
    userId: string,
    purchase: StorePurchase,
    until: Date,
  ): Promise<{ isNewlyApplied: boolean; hasPlanChanged: boolean }> {
    const now = this.deps.now();
    return this.deps.repository.transaction(async (repository, users) => {
      const isNew = await repository.claim({
        id: randomUUID(),
        userId,
        platform: purchase.platform,
        purchaseId: purchase.purchaseId,
        productId: purchase.productId,
        expiresAt: until,
        createdAt: now,
        updatedAt: now,
      });
      if (!isNew) {
        const known = await repository.findForUpdate(purchase.platform, purchase.purchaseId);
        if (!known || known.userId !== userId) throw new StoreReceiptError('STORE_RECEIPT_CLAIMED');
        if (known.expiresAt >= until) return { isNewlyApplied: false, hasPlanChanged: false };
        await repository.extend(known.id, until, now);
      }
      const change = await this.deps.premium.applyOn(users, userId, { until }, purchase.platform);
      return { isNewlyApplied: true, hasPlanChanged: change !== null };
    });
  }
}
