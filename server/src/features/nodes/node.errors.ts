import { defineErrors } from '../../graphql/app-error';

export type NodeErrorCode = 'NODE_NOT_FOUND' | 'NODE_IDS_TOO_MANY';

export const NodeError = defineErrors<NodeErrorCode>('NodeError', {
  NODE_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: '`node(id)` was given an id that names none of the viewer’s records (another person’s, a deleted one, or no record at all).',
    action: 'Check the id; ids of other people’s records are never resolved.',
    message: () => 'Nothing of yours has this id.',
  },
  NODE_IDS_TOO_MANY: {
    publicCode: 'BAD_USER_INPUT',
    when: '`nodes(ids)` was given more ids than it accepts at once (details.max).',
    action: 'Split the ids into several calls of at most details.max ids.',
    message: (d) => `At most ${String(d.max)} ids at once.`,
  },
});
