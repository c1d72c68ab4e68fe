export { households, householdMembers, householdInvites } from './household.table';
export type { HouseholdRow, HouseholdMemberRow, HouseholdRole } from './household.table';
export { HouseholdRepository } from './household.repository';
export { HouseholdService, type ActingBudget, type HouseholdChange } from './household.service';
export { Household, toHousehold } from './household.type';
export { HouseholdResolver, TransactionMemberResolver } from './household.resolver';
export { HouseholdError } from './household.errors';
export { budgetOwnerIdOf, budgetActorOf } from './budget-owner';
export { withHouseholdFanOut } from './household-events';
