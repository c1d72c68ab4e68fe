export { goals } from './goal.table';
export type { GoalRow } from './goal.table';
export { GoalRepository } from './goal.repository';
export {
  GoalService,
  goalCategoryOf,
  goalSavingsReader,
  planGoalsReader,
  type GoalContributionReader,
  type GoalView,
} from './goal.service';
export { GoalResolver, type GoalServices } from './goal.resolver';
export { goalSurplusRollover, rolloverTransactionId } from './goal-rollover.service';
export { onboardingGoals } from './goal-onboarding.service';
export { Goal, toGoal } from './goal.type';
export { GoalError } from './goal.errors';
export { goalNode } from './goal.node-source';
