import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { budgetOwnerIdOf } from '../households';
import { InstallmentPlanInput } from './installment.input';
import type { InstallmentService } from './installment.service';
import { InstallmentPlan, toInstallmentPlan } from './installment.type';

/** The installment calculator: read with read:budget (it reads the plan's income and bills). */
@Resolver()
export class InstallmentResolver {
  constructor(private readonly installments: InstallmentService) {}

  @RequireScopes('read:budget')
  @Query(() => InstallmentPlan, {
    description:
      'The amortisation schedule of a loan repaid monthly, exact to the minor unit, with a risk verdict against the viewer’s plan (income, debt bills, recurring debt expenses), in the budget currency. Nothing is stored. Before onboarding: CONFLICT.',
  })
  async installmentPlan(
    @Arg('input', () => InstallmentPlanInput, { description: 'The loan to compute.' })
    input: InstallmentPlanInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstallmentPlan> {
    // Inside a household the verdict is against the shared plan (docs/households.md).
    const plan = await this.installments.plan(await budgetOwnerIdOf(ctx, 'read'), input);
    return toInstallmentPlan(plan, input.apr);
  }
}
