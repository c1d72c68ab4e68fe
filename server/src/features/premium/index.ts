export { PremiumService } from './premium.service';
export { PremiumResolver } from './premium.resolver';
export { PremiumError } from './premium.errors';
