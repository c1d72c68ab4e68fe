import { isUuid } from '../../graphql/ids';
import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toRule } from './rule.type';

/** A categorisation rule by id for `node`, as the `rule` query answers it. */
export const ruleNode: NodeSource = {
  typeName: 'Rule',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    if (!isUuid(id)) return null;
    const row = await nullWhenNotFound(ctx.services.rules.rules.get(viewer.userId, id));
    if (!row) return null;
    return toRule(row, (await ctx.services.rules.plans.getSettings(viewer.userId)).currency);
  },
};
