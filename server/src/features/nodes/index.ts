export { NodeResolver } from './node.resolver';
export { NodeError } from './node.errors';
export { NODE_SOURCES } from './node.service';
