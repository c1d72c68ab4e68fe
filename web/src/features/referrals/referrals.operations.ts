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

// Typed here until the shared generated types include `myReferral`.
export interface MyReferralResult {
  myReferral: {
    code: string;
    shareUrl: string;
    invitedCount: number;
    completedCount: number;
    rewardedCount: number;
    premiumDaysEarned: number;
    referrerRewardDays: number;
  };
}
