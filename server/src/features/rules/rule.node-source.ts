import { isUuid } from '../../graphql/ids';
import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toRule } from './rule.type';

/** A categorisation rule by id for `node`, as the `rule` query answers it. */
export const ruleNode: NodeSource = {
  typeName: 'Rule',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    if (!isUuid(id)) return null;
    // A member finds the shared budget's rules (docs/households.md).
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = await nullWhenNotFound(ctx.services.rules.rules.get(ownerId, id));
    if (!row) return null;
    return toRule(row, (await ctx.services.rules.plans.getSettings(ownerId)).currency);
  },
};
