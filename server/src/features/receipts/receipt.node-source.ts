import { isUuid } from '../../graphql/ids';
import { nullWhenNotFound, type NodeSource } from '../../graphql/node';

/**
 * A receipt by id for `node`, as the `receipt` query answers it. The GraphQL mapping is loaded
 * when first needed: `node` lists this source while the error catalogue (which names the receipt
 * errors) is still loading, so this file imports nothing that leads back to it.
 */
export const receiptNode: NodeSource = {
  typeName: 'Receipt',
  scope: 'process:receipts',
  find: async (ctx, viewer, id) => {
    if (!isUuid(id)) return null;
    const row = await nullWhenNotFound(ctx.services.receipts.receipts.get(viewer.userId, id));
    if (!row) return null;
    const { toReceipt } = await import('./receipt.type');
    return toReceipt(row);
  },
};
