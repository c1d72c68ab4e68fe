import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toSplit } from './split.type';

/** A split payment by id for `node`, as the `split` query answers it. */
export const splitNode: NodeSource = {
  typeName: 'Split',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    // A member finds the shared budget's splits (docs/households.md).
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = await nullWhenNotFound(ctx.services.splits.get(ownerId, id));
    return row && toSplit(row);
  },
};
