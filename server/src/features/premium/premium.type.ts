import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserPlan } from '../accounts';
import type { Entitlement as EntitlementView } from './premium.service';

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
  })
  source!: string | null;
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
