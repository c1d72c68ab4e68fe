import type { NodeSource } from '../../graphql/node';
import { toBudgetAdjustment } from './adjustment.type';

/** A manual budget move in force by id for `node` (a deleted one is not found). */
export const budgetAdjustmentNode: NodeSource = {
  typeName: 'BudgetAdjustment',
  scope: 'read:budget',
  find: async (ctx, viewer, id) => {
    // A member finds the shared budget's moves (docs/households.md).
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = await ctx.services.budget.adjustments.find(ownerId, id);
    if (!row) return null;
    const { currency } = await ctx.services.budget.plans.getSettings(ownerId);
    return toBudgetAdjustment(row, currency);
  },
};
