export { featureFlags, featureFlagUsers } from './flag.table';
export { FlagService } from './flag.service';
export { FlagResolver } from './flag.resolver';
export { FlagError } from './flag.errors';
