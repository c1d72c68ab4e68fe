import type { NodeSource } from '../../graphql/node';
import { toChallengeParticipation } from './challenge.type';

/** An attempt at a challenge by id for `node`, among those `myChallenges` lists. */
export const challengeParticipationNode: NodeSource = {
  typeName: 'ChallengeParticipation',
  scope: 'read:goals',
  find: async (ctx, viewer, id) => {
    const view = (await ctx.services.challenges.mine(viewer.userId)).find((p) => p.row.id === id);
    return view ? toChallengeParticipation(view) : null;
  },
};
