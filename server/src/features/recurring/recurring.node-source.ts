import type { NodeSource } from '../../graphql/node';
import { toRecurringTransaction } from './recurring.type';

/** A recurring transaction by id for `node` (the person's list is short: read it whole). */
export const recurringTransactionNode: NodeSource = {
  typeName: 'RecurringTransaction',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = (await ctx.services.recurring.list(ownerId)).find((r) => r.id === id);
    return row ? toRecurringTransaction(row) : null;
  },
};
