import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'What startPremiumCheckout made: a Stripe Checkout page where the viewer subscribes.',
})
export class StartPremiumCheckoutPayload {
  @Field(() => String, {
    description:
      'Open this URL (Stripe-hosted); Stripe sends the person back to /premium/ of the PWA. Premium starts when Stripe’s signed event arrives.',
  })
  url!: string;
}
