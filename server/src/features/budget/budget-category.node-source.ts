import type { NodeSource } from '../../graphql/node';
import { parseBudgetCategoryId, toBudgetCategory } from './budget-category.type';

/** A category of the viewer's budget by its opaque node id (another person's never resolves). */
export const budgetCategoryNode: NodeSource = {
  typeName: 'BudgetCategory',
  scope: 'read:budget',
  find: async (ctx, viewer, id) => {
    const named = parseBudgetCategoryId(id);
    if (!named) return null;
    // A member finds the shared budget's categories (docs/households.md).
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    if (named.userId !== ownerId) return null;
    const settings = await ctx.services.budget.plans.getSettings(ownerId);
    const entry = (await ctx.services.budget.plans.listCategories(ownerId)).find(
      (c) => c.id === named.categoryId,
    );
    return entry ? toBudgetCategory(ownerId, entry, settings.currency) : null;
  },
};
