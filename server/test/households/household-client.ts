import { signUp, type TestApi, type TestUser } from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const INVITE = `mutation($input: InviteToHouseholdInput!) { inviteToHousehold(input: $input) { invite { id } } }`;
const ACCEPT = `mutation($input: AcceptHouseholdInviteInput!) { acceptHouseholdInvite(input: $input) { household { id } } }`;

export type HouseholdRole = 'MEMBER' | 'VIEWER';

/**
 * `person` joins `owner`'s household as a person would: the owner invites them, the invitation
 * mail's link is read (and taken out of the captured mail) and accepted.
 */
export async function joinHousehold(
  api: TestApi,
  owner: TestUser,
  person: TestUser,
  role: HouseholdRole,
): Promise<void> {
  await budgetClient(api, owner).call(INVITE, { input: { email: person.email, role } });
  const mail = await api.mail.next(person.email.toLowerCase());
  api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
  const token = /token=([\w-]+)/.exec(mail.text)?.[1];
  await budgetClient(api, person).call(ACCEPT, { input: { token } });
}

/** An onboarded owner (US plan) with a MEMBER and a VIEWER who have no budget of their own. */
export async function householdOfThree(
  api: TestApi,
): Promise<{ owner: TestUser; member: TestUser; viewer: TestUser }> {
  const owner = await signUp(api);
  await budgetClient(api, owner).call(ONBOARD, { input: US_ONBOARDING });
  const member = await signUp(api);
  const viewer = await signUp(api);
  await joinHousehold(api, owner, member, 'MEMBER');
  await joinHousehold(api, owner, viewer, 'VIEWER');
  return { owner, member, viewer };
}
