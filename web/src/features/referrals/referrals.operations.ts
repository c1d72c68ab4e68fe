import type { MyReferralQuery } from '@/lib/graphql/generated';

/** The viewer's invite code and what it brought (query `myReferral`). */
export const MY_REFERRAL = /* GraphQL */ `
  query MyReferral {
    myReferral {
      code
      shareUrl
      invitedCount
      completedCount
      rewardedCount
      premiumDaysEarned
      referrerRewardDays
    }
  }
`;

export type MyReferralResult = MyReferralQuery;
