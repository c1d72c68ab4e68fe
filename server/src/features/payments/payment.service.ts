import type Stripe from 'stripe';
import type { AuditService } from '../audit';
import type { UserRepository, UserRow } from '../accounts';
import { PaymentError } from './payment.errors';
import type { PaymentRepository } from './payment.repository';

/** Premium bought through Stripe lasts until the paid period ends, plus a day for renewal to land. */
const RENEWAL_GRACE_MS = 24 * 3600 * 1000;
/** Before the first invoice arrives, a completed checkout gives a month. */
const FIRST_PERIOD_MS = 31 * 24 * 3600 * 1000;

export interface PaymentSettings {
  webhookSecret: string;
  priceId: string;
  /** Where Stripe sends the person back: the PWA's premium page. */
  publicUrl: string;
}

export type WebhookOutcome = 'premium_granted' | 'premium_revoked' | 'ignored';

/**
 * Premium bought with Stripe: a checkout session for the viewer, and the signed events Stripe
 * sends back (verified with the official library, handled once per event id).
 */
export class PaymentService {
  constructor(
    private readonly deps: {
      repository: PaymentRepository;
      users: UserRepository;
      audit: AuditService;
      now: () => Date;
      /** Null: payments are not configured (the embedded default). */
      stripe: Stripe | null;
      settings: PaymentSettings | null;
      /** Refuses a purchase before the person verified their address (the email feature). */
      requireVerifiedEmail?: (userId: string) => Promise<void>;
    },
  ) {}

  get isConfigured(): boolean {
    return this.deps.stripe !== null && this.deps.settings !== null;
  }

  /** A Stripe Checkout page where the person subscribes to premium; returns its URL. */
  async startCheckout(userId: string): Promise<{ url: string }> {
    await this.deps.requireVerifiedEmail?.(userId);
    const { stripe, settings } = this.configured();
    const user = await this.deps.users.findById(userId);
    if (!user) throw new PaymentError('PAYMENTS_NOT_CONFIGURED');
    const customer = await this.deps.repository.customerOf(userId);
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: settings.priceId, quantity: 1 }],
        client_reference_id: userId,
        ...(customer ? { customer: customer.customerId } : { customer_email: user.email }),
        subscription_data: { metadata: { paceUserId: userId } },
        success_url: new URL('/premium/?checkout=done', settings.publicUrl).toString(),
        cancel_url: new URL('/premium/?checkout=cancelled', settings.publicUrl).toString(),
      });
    } catch (error) {
      throw new PaymentError('PAYMENT_PROVIDER_FAILED', { cause: String(error) });
    }
    if (!session.url) throw new PaymentError('PAYMENT_PROVIDER_FAILED');
    return { url: session.url };
  }

  /**
   * One event from Stripe: verified against the signing secret (a bad signature is audited and
   * refused), then handled once — a replayed event id changes nothing. The claim of the event id
   * and the plan change commit together.
   */
  async handleWebhook(
    body: Buffer,
    signature: string | undefined,
    ip: string | null,
  ): Promise<{ duplicate: boolean; outcome: WebhookOutcome }> {
    const { stripe, settings } = this.configured();
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(body, signature ?? '', settings.webhookSecret);
    } catch {
      await this.deps.audit.record({
        event: 'payments.signature_rejected',
        ip,
        details: { provider: 'stripe', bytes: body.length },
      });
      throw new PaymentError('PAYMENT_SIGNATURE_INVALID');
    }
    const now = this.deps.now();
    const effect = await this.effectOf(event, now);
    const outcome = effect?.outcome ?? 'ignored';
    const claimed = await this.deps.repository.transaction(async (repository, users) => {
      const isNew = await repository.claimEvent({
        eventId: event.id,
        provider: 'stripe',
        type: event.type,
        userId: effect?.userId ?? null,
        outcome,
        receivedAt: now,
      });
      if (isNew && effect) {
        if (effect.customerId) await repository.saveCustomer(effect.userId, effect.customerId, now);
        if (effect.change) await users.update(effect.userId, { ...effect.change, updatedAt: now });
      }
      return isNew;
    });
    if (claimed && effect?.change)
      await this.deps.audit.record({
        event:
          outcome === 'premium_revoked' ? 'payments.premium_revoked' : 'payments.premium_granted',
        userId: effect.userId,
        details: {
          provider: 'stripe',
          eventId: event.id,
          until: effect.change.premiumUntil?.toISOString() ?? null,
        },
      });
    return { duplicate: !claimed, outcome };
  }

  /** What an event means for a person's plan (null: nothing; `change` null: no plan change). */
  private async effectOf(event: Stripe.Event, now: Date): Promise<Effect | null> {
    // Only these three change a plan; every other event type is acknowledged and ignored.
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check
    switch (event.type) {
      case 'checkout.session.completed': {
        const session = event.data.object;
        const userId = session.client_reference_id;
        const user = userId ? await this.deps.users.findById(userId) : null;
        if (!user) return null;
        return {
          userId: user.id,
          customerId: idOf(session.customer),
          outcome: 'premium_granted',
          change: premiumUntil(user, new Date(now.getTime() + FIRST_PERIOD_MS)),
        };
      }
      case 'invoice.paid': {
        const invoice = event.data.object;
        const customer = await this.customerOf(invoice.customer);
        const user = customer ? await this.deps.users.findById(customer.userId) : null;
        if (!user) return null;
        const periodEnd = Math.max(0, ...invoice.lines.data.map((line) => line.period.end));
        const until = new Date(periodEnd * 1000 + RENEWAL_GRACE_MS);
        if (until <= now) return null;
        return {
          userId: user.id,
          customerId: null,
          outcome: 'premium_granted',
          change: premiumUntil(user, until),
        };
      }
      case 'customer.subscription.deleted': {
        const customer = await this.customerOf(event.data.object.customer);
        const user = customer ? await this.deps.users.findById(customer.userId) : null;
        if (!user) return null;
        return {
          userId: user.id,
          customerId: null,
          outcome: 'premium_revoked',
          // Only premium that Stripe gave is taken back by Stripe.
          change:
            user.premiumSource === 'stripe'
              ? { plan: 'standard', premiumSource: null, premiumUntil: null }
              : null,
        };
      }
      default:
        return null;
    }
  }

  private async customerOf(customer: string | { id: string } | null | undefined) {
    const customerId = idOf(customer);
    return customerId ? this.deps.repository.findByCustomer(customerId) : null;
  }

  private configured(): { stripe: Stripe; settings: PaymentSettings } {
    const { stripe, settings } = this.deps;
    if (!stripe || !settings) throw new PaymentError('PAYMENTS_NOT_CONFIGURED');
    return { stripe, settings };
  }
}

type PlanChange = Pick<UserRow, 'plan' | 'premiumSource' | 'premiumUntil'>;

interface Effect {
  userId: string;
  /** The Stripe customer to remember for later events. */
  customerId: string | null;
  outcome: WebhookOutcome;
  change: PlanChange | null;
}

/** Premium from Stripe until `until` — except that an admin's open-ended grant is never shortened. */
function premiumUntil(user: UserRow, until: Date): PlanChange | null {
  if (user.plan === 'premium' && user.premiumSource === 'admin' && user.premiumUntil === null)
    return null;
  return { plan: 'premium', premiumSource: 'stripe', premiumUntil: until };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
