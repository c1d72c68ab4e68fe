export { splits } from './split.table';
export type { SplitRow } from './split.table';
export { SplitRepository, splitTextContext } from './split.repository';
export { SplitService } from './split.service';
export { SplitResolver } from './split.resolver';
export { Split, toSplit } from './split.type';
export { SplitError } from './split.errors';
export { splitNode } from './split.node-source';
export { checkSplitPartChange, checkSplitParts, MAX_SPLIT_PARTS } from './split.rules';
