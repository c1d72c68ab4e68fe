export { ChangesService } from './changes.service';
export { ChangesResolver } from './changes.resolver';
export { SyncError } from './sync.errors';
