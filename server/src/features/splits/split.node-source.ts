import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toSplit } from './split.type';

/** A split payment by id for `node`, as the `split` query answers it. */
export const splitNode: NodeSource = {
  typeName: 'Split',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const row = await nullWhenNotFound(ctx.services.splits.get(viewer.userId, id));
    return row && toSplit(row);
  },
};
