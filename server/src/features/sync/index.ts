export { ChangesService } from './changes.service';
export { ChangesResolver } from './changes.resolver';
