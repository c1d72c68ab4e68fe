import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { PaymentService } from './payment.service';
import { StartPremiumCheckoutPayload } from './payment.type';

/** Buying premium: whether this server takes payments, and a checkout for the viewer. */
@Resolver()
export class PaymentResolver {
  constructor(private readonly payments: PaymentService) {}

  @RequireScopes('read:profile')
  @Query(() => Boolean, {
    description: 'Whether premium can be bought on this server (Stripe configured).',
  })
  premiumPurchaseAvailable(): boolean {
    return this.payments.isConfigured;
  }

  @RequireScopes('write:profile')
  @Mutation(() => StartPremiumCheckoutPayload, {
    description:
      'Starts buying premium: a Stripe Checkout session for the viewer (subscription). Nothing is charged until the person confirms on Stripe’s page.',
  })
  async startPremiumCheckout(@Ctx() ctx: GraphQLContext): Promise<StartPremiumCheckoutPayload> {
    return Object.assign(new StartPremiumCheckoutPayload(), {
      ...(await this.payments.startCheckout(viewerIdOf(ctx))),
    });
  }
}
