import type { NodeSource } from '../../graphql/node';
import { toNotification } from './notification.type';

/** A notification by id for `node`. */
export const notificationNode: NodeSource = {
  typeName: 'Notification',
  scope: 'read:profile',
  find: async (ctx, viewer, id) => {
    const row = await ctx.services.notifications.inbox.find(viewer.userId, id);
    return row && toNotification(row);
  },
};
