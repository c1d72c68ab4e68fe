export { PremiumScreen } from './premium-screen';
export { PremiumLink } from './premium-link';
