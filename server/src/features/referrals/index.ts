export { ReferralService, type SignUpReferral } from './referral.service';
export { ReferralRepository } from './referral.repository';
export { ReferralResolver } from './referral.resolver';
export { ReferralError } from './referral.errors';
