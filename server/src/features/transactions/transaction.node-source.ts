import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toTransaction } from './transaction.type';

/** A transaction by id for `node`, as the `transaction` query answers it. */
export const transactionNode: NodeSource = {
  typeName: 'Transaction',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    // A member finds the shared budget's transactions (docs/households.md).
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = await nullWhenNotFound(ctx.services.transactions.writes.get(ownerId, id));
    return row && toTransaction(row);
  },
};
