import type { NodeSource } from '../../graphql/node';
import { toMoneyAccount, toTransfer } from './money-account.type';

/** A money account by id for `node`. */
export const moneyAccountNode: NodeSource = {
  typeName: 'MoneyAccount',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const views = await ctx.services.moneyAccounts.accounts.list(ownerId);
    const view = views.find((v) => v.row.id === id);
    return view ? toMoneyAccount(view) : null;
  },
};

/** A live transfer by id for `node`. */
export const transferNode: NodeSource = {
  typeName: 'Transfer',
  scope: 'read:transactions',
  find: async (ctx, viewer, id) => {
    const { ownerId } = await ctx.services.households.actingBudget(viewer.userId, 'read');
    const row = (await ctx.services.moneyAccounts.transfers.list(ownerId)).find((t) => t.id === id);
    return row ? toTransfer(row) : null;
  },
};
