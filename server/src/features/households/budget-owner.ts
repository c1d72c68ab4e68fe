import type { GraphQLContext } from '../../graphql/context';
import { viewerIdOf } from '../../graphql/viewer';
import type { BudgetAccess } from './household.rules';
import type { ActingBudget } from './household.service';

/**
 * The id of the budget a budget, category or transaction operation acts on: the viewer's own, or
 * their household owner's while they belong to one. A VIEWER asking to write is refused
 * (HOUSEHOLD_READ_ONLY). Resolvers use it instead of `viewerIdOf` for the shared budget.
 */
export async function budgetOwnerIdOf(ctx: GraphQLContext, access: BudgetAccess): Promise<string> {
  return (await budgetActorOf(ctx, access)).ownerId;
}

/** The acting budget with who is booking into it (`memberId`, stamped on transactions). */
export function budgetActorOf(ctx: GraphQLContext, access: BudgetAccess): Promise<ActingBudget> {
  return ctx.services.households.actingBudget(viewerIdOf(ctx), access);
}
