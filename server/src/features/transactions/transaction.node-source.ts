import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toTransaction } from './transaction.type';

/** A transaction by id for `node`, as the `transaction` query answers it. */
export const transactionNode: NodeSource = {
  typeName: 'Transaction',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const row = await nullWhenNotFound(ctx.services.transactions.writes.get(viewer.userId, id));
    return row && toTransaction(row);
  },
};
