export { PremiumService } from './premium.service';
export { PremiumResolver } from './premium.resolver';
export { PremiumError } from './premium.errors';
export { type PremiumSource, type PlanChange } from './premium.rules';
export { Entitlement, toEntitlement } from './premium.type';
