import type { NodeSource } from '../../graphql/node';
import { toBudgetAdjustment } from './adjustment.type';

/** A manual budget move in force by id for `node` (a deleted one is not found). */
export const budgetAdjustmentNode: NodeSource = {
  typeName: 'BudgetAdjustment',
  scope: 'read:budget',
  find: async (ctx, viewer, id) => {
    const row = await ctx.services.budget.adjustments.find(viewer.userId, id);
    if (!row) return null;
    const { currency } = await ctx.services.budget.plans.getSettings(viewer.userId);
    return toBudgetAdjustment(row, currency);
  },
};
