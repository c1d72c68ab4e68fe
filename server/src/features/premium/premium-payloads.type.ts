import { Field, ObjectType } from 'type-graphql';
import { Entitlement } from './premium.type';

@ObjectType({ description: 'The plan after `grantPremiumAccess`.' })
export class GrantPremiumAccessPayload {
  @Field(() => Entitlement, { description: 'The person’s plan, now premium.' })
  entitlement!: Entitlement;
}

@ObjectType({ description: 'The plan after `revokePremiumAccess`.' })
export class RevokePremiumAccessPayload {
  @Field(() => Entitlement, { description: 'The person’s plan, back on standard.' })
  entitlement!: Entitlement;
}
