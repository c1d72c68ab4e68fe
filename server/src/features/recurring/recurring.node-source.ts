import type { NodeSource } from '../../graphql/node';
import { toRecurringTransaction } from './recurring.type';

/** A recurring transaction by id for `node` (the person's list is short: read it whole). */
export const recurringTransactionNode: NodeSource = {
  typeName: 'RecurringTransaction',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const row = (await ctx.services.recurring.list(viewer.userId)).find((r) => r.id === id);
    return row ? toRecurringTransaction(row) : null;
  },
};
