import { Field, Int, ObjectType } from 'type-graphql';
import type { ReferralSummary as ReferralSummaryView } from './referral.service';

@ObjectType({
  description:
    'The viewer’s invite code and what it brought. A reward is decided once per invitee, when they complete onboarding.',
})
export class ReferralSummary {
  @Field(() => String, {
    description:
      'The viewer’s invite code: 8 upper-case letters and digits without 0, 1, I, L or O. Made on first request, the same afterwards.',
  })
  code!: string;

  @Field(() => String, {
    description: 'A link to the PWA’s sign-up page with the code filled in (`/sign-up/?ref=CODE`).',
  })
  shareUrl!: string;

  @Field(() => Int, { description: 'People who created an account with the code.' })
  invitedCount!: number;

  @Field(() => Int, {
    description: 'Of those, the ones who completed onboarding (their reward was decided).',
  })
  completedCount!: number;

  @Field(() => Int, {
    description:
      'Of those, the ones whose reward was granted (the others were refused as the same person: same mailbox, device or payment method).',
  })
  rewardedCount!: number;

  @Field(() => Int, { description: 'Premium days the viewer earned through the code, in total.' })
  premiumDaysEarned!: number;

  @Field(() => Int, {
    description: 'Premium days the viewer earns for each invitee who completes onboarding.',
  })
  referrerRewardDays!: number;

  @Field(() => Int, {
    description: 'Premium days an invitee earns when they complete onboarding.',
  })
  inviteeRewardDays!: number;
}

export function toReferralSummary(view: ReferralSummaryView): ReferralSummary {
  return Object.assign(new ReferralSummary(), {
    code: view.code,
    shareUrl: view.shareUrl,
    invitedCount: view.invited,
    completedCount: view.completed,
    rewardedCount: view.rewarded,
    premiumDaysEarned: view.premiumDaysEarned,
    referrerRewardDays: view.referrerRewardDays,
    inviteeRewardDays: view.inviteeRewardDays,
  });
}
