export { budgetMonthSnapshots, budgetPlans, budgetSettings, nextChangeSeq } from './budget.table';
export type { BudgetPlanRow, BudgetSettingsRow } from './budget.table';
export { BudgetRepository } from './budget.repository';
export {
  BudgetMonthService,
  type LedgerChange,
  type MonthLedgerReader,
  type WriteContext,
  type WriteOutcome,
} from './month.service';
export { PlanService, type OnboardingGoals } from './plan.service';
export type { MonthClose, MonthCloseHandler } from './month-close.service';
export { BudgetQueryService } from './budget-query.service';
export { BudgetResolver, type BudgetServices } from './budget.resolver';
export { BudgetError } from './budget.errors';
export { Dashboard } from './dashboard.type';
export { BudgetSettings, Plan, toBudgetSettings, toPlan } from './plan.type';
export { AlertRepository } from './alert.repository';
export { TransactionAlertService } from './alert.service';
export type { GoalSavings } from './alert.rules';
export { CategoryRepository } from './category.repository';
export { CategoryService } from './category.service';
export { CategoryResolver } from './category.resolver';
export { UserCategory, toUserCategory } from './category.type';
export type { UserCategoryRow } from './category.table';
export { AdjustmentRepository } from './adjustment.repository';
export { AdjustmentService } from './adjustment.service';
export { BudgetAdjustment, toBudgetAdjustment } from './adjustment.type';
export type { BudgetAdjustmentRow } from './adjustment.table';
export { createMonthPlansJob } from './budget.jobs';
export { budgetAdjustmentNode } from './adjustment.node-source';
export { budgetCategoryNode } from './budget-category.node-source';
