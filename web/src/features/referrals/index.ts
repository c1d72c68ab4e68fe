export { ReferralsScreen } from './referrals-screen';
export { ReferralLink } from './referral-link';
export { ReferralCodeField } from './referral-code-field';
export { deviceId } from './device-id';
