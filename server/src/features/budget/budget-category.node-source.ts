import type { NodeSource } from '../../graphql/node';
import { parseBudgetCategoryId, toBudgetCategory } from './budget-category.type';

/** A category of the viewer's budget by its opaque node id (another person's never resolves). */
export const budgetCategoryNode: NodeSource = {
  typeName: 'BudgetCategory',
  scope: 'read:budget',
  find: async (ctx, viewer, id) => {
    const named = parseBudgetCategoryId(id);
    if (!named || named.userId !== viewer.userId) return null;
    const settings = await ctx.services.budget.plans.getSettings(viewer.userId);
    const entry = (await ctx.services.budget.plans.listCategories(viewer.userId)).find(
      (c) => c.id === named.categoryId,
    );
    return entry ? toBudgetCategory(viewer.userId, entry, settings.currency) : null;
  },
};
