import { isUuid } from '../../graphql/ids';
import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { toGoal } from './goal.type';

/** A savings goal by id for `node`, as the `goal` query answers it. */
export const goalNode: NodeSource = {
  typeName: 'Goal',
  scope: 'read:goals',
  find: async (ctx, viewer, id) => {
    if (!isUuid(id)) return null;
    const view = await nullWhenNotFound(ctx.services.goals.goals.get(viewer.userId, id));
    if (!view) return null;
    return toGoal(view, (await ctx.services.goals.plans.getSettings(viewer.userId)).currency);
  },
};
