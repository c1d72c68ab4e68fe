import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserPlan } from '../accounts';
import type { Entitlement as EntitlementView } from './premium.service';

/** Who made a person premium (the stored premium source). */
export enum EntitlementSource {
  ADMIN = 'admin',
  STRIPE = 'stripe',
  REFERRAL = 'referral',
  APP_STORE = 'app_store',
  PLAY_STORE = 'play_store',
}
registerEnumType(EntitlementSource, {
  name: 'EntitlementSource',
  description: 'Who made a person premium.',
  valuesConfig: {
    ADMIN: { description: 'An admin granted it (`grantPremiumAccess`).' },
    STRIPE: { description: 'A card payment through Stripe.' },
    REFERRAL: { description: 'Days earned by inviting people who joined.' },
    APP_STORE: { description: 'A purchase in Apple’s App Store.' },
    PLAY_STORE: { description: 'A purchase in Google Play.' },
  },
});

@ObjectType({
  description:
    'A person’s plan. The premium scopes follow it at the next sign-in or token refresh (access tokens live 15 minutes).',
})
export class Entitlement {
  @Field(() => ID, { description: 'The person’s account id.' }) userId!: string;
  @Field(() => UserPlan, { description: 'The plan as stored.' }) plan!: UserPlan;
  @Field(() => Boolean, {
    description: 'Whether premium is in force now (the premium plan, its end not passed).',
  })
  isPremium!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Who made it premium: `admin`, `stripe`, `referral`, `app_store` or `play_store`; null on standard.',
    deprecationReason: 'Use origin. Removal after 2027-06-30.',
  })
  source!: string | null;
  @Field(() => EntitlementSource, {
    nullable: true,
    description: 'Who made it premium; null on the standard plan.',
  })
  get origin(): EntitlementSource | null {
    return (this.source as EntitlementSource | null) ?? null;
  }
  @Field(() => Date, {
    nullable: true,
    description: 'When premium ends; null when it has no end, or on the standard plan.',
  })
  until!: Date | null;
}

@InputType({ description: 'Premium for a person, granted by an admin.' })
export class GrantPremiumInput {
  @Field(() => ID, { description: 'The person’s account id.' }) userId!: string;
  @Field(() => Date, {
    nullable: true,
    description:
      'When it ends (in the future); null or absent for no end. Granting again replaces it.',
  })
  until?: Date | null;
}

export function toEntitlement(view: EntitlementView): Entitlement {
  return Object.assign(new Entitlement(), {
    userId: view.user.id,
    plan: view.user.plan as UserPlan,
    isPremium: view.isPremium,
    source: view.user.premiumSource,
    until: view.user.premiumUntil,
  });
}
