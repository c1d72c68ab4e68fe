export { HouseholdScreen } from './household-screen';
export { AcceptInviteScreen } from './accept-invite-screen';
export { HouseholdEntry } from './household-entry';
export {
  BookedBy,
  MemberFilter,
  matchesBookedBy,
  useHousehold,
  type BookedByFilter,
} from './member-filter';
