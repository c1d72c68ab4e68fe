import type { Logger } from '../infra/logger';
import type { Services } from '../app/services';

/** What every resolver receives. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  services: Services;
}
