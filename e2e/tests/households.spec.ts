import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { latestMailTo } from './support/auth-ui';
import { PaceApi } from './support/pace-api';
import {
  followLiveSubscriptions,
  signInContext,
  TodayPage,
  TransactionsPage,
} from './support/pace-app';

// Households: an owner invites a partner by e-mail into their budget; both then plan and spend from
// it, and each one's purchases reach the other's open Today live.

const RENAME = `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { user { id } } }`;
const INVITED = /invites you to share a budget/;

async function named(api: PaceApi, name: string): Promise<string> {
  await api.gql(RENAME, { input: { name } });
  const { me } = await api.gql<{ me: { email: string } }>('{ me { email } }');
  return me.email;
}

/** The owner invites `email` from the Household page. */
async function invite(page: Page, email: string) {
  await page.goto('/household/');
  await expect(page.getByRole('heading', { level: 1, name: 'Household' })).toBeVisible();
  await expect(page.getByTestId('household-none')).toBeVisible();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('household-message')).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByTestId('household-invites')).toContainText(email);
}

test('two people share one budget: each purchase reaches the other’s open Today live', async ({
  browser,
  request,
}) => {
  const ownerApi = await PaceApi.createPlannedAccount(request, 'hh-owner');
  const partnerApi = await PaceApi.createAccount(request, 'hh-partner');
  await named(ownerApi, 'Sam');
  const partnerEmail = await named(partnerApi, 'Alex');

  const ownerContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  try {
    await signInContext(ownerContext, ownerApi);
    // The partner never onboarded: the shared plan will be their budget.
    await signInContext(partnerContext, partnerApi, { onboarded: false });
    const owner = await ownerContext.newPage();
    const partner = await partnerContext.newPage();

    await invite(owner, partnerEmail);
    await expectNoAxeViolations(owner, 'household, invitation pending');
    const mail = await latestMailTo(partnerEmail, INVITED);
    const link = /\/household\/accept\/\?token=[\w-]+/.exec(mail.text)?.[0] ?? '';
    expect(link).not.toBe('');

    await partner.goto(link);
    await expect(partner.getByTestId('household-accept-outcome')).toContainText(
      'You joined the household',
    );
    expect(partner.url()).not.toContain('token=');
    // The link works once.
    await partner.goto(link);
    await expect(partner.getByTestId('household-accept-outcome')).toContainText(
      'This invitation was already used',
    );

    // Today open on a tab of each: each hears of the other's purchases once the API has the
    // tabs' subscriptions (new tabs, so no socket closes meanwhile).
    const ownerToday = new TodayPage(await ownerContext.newPage());
    const partnerToday = new TodayPage(await partnerContext.newPage());
    const live = await followLiveSubscriptions([ownerToday.page, partnerToday.page], request);
    await ownerToday.open();
    await partnerToday.open();
    await live.registered('LiveBudgetUpdated');

    await ownerToday.quickAdd('12.34', 'Groceries', 'Market');
    await expect(partnerToday.recent).toContainText('Market');
    await partnerToday.quickAdd('5.60', 'Groceries', 'Bakery');
    await expect(ownerToday.recent).toContainText('Bakery');

    // Who booked what, and the ledger narrowed to one member.
    const ledger = new TransactionsPage(partner);
    await ledger.open();
    await expect(ledger.row('Bakery').getByTestId('booked-by')).toHaveText('Booked by Alex');
    await expect(ledger.row('Market').getByTestId('booked-by')).toHaveText('Booked by Sam');
    await partner.getByText('More filters').click();
    await partner.getByTestId('member-filter').selectOption({ label: 'Alex' });
    await expect(ledger.rows).toHaveCount(1);
    await expect(ledger.rows).toContainText('Bakery');

    // The household page lists both, with their roles, and this month's spending by member.
    await owner.goto('/household/');
    const members = owner.getByTestId('household-members');
    await expect(members).toContainText('Sam (you)');
    await expect(members).toContainText('Alex');
    await expect(owner.getByTestId('household-spending')).toContainText('Alex: $5.60');
    await expectNoAxeViolations(owner, 'household, two members');
  } finally {
    await ownerContext.close();
    await partnerContext.close();
  }
});

test('a viewer reads the shared budget; leaving gives the person their own budget back', async ({
  browser,
  request,
}) => {
  const ownerApi = await PaceApi.createPlannedAccount(request, 'hh-owner2');
  const viewerApi = await PaceApi.createPlannedAccount(request, 'hh-viewer');
  await named(ownerApi, 'Sam');
  const viewerEmail = await named(viewerApi, 'Kim');
  // The viewer's own budget has a purchase of their own before joining.
  await viewerApi.gql(
    'mutation { quickExpense(input: { amount: "3.21", note: "Own coffee" }) { transaction { id } } }',
  );
  await ownerApi.gql(
    'mutation { quickExpense(input: { amount: "8.00", note: "Shared lunch" }) { transaction { id } } }',
  );
  await ownerApi.gql(
    'mutation ($input: InviteToHouseholdInput!) { inviteToHousehold(input: $input) { invite { id } } }',
    { input: { email: viewerEmail, role: 'VIEWER' } },
  );
  const mail = await latestMailTo(viewerEmail, INVITED);
  const link = /\/household\/accept\/\?token=[\w-]+/.exec(mail.text)?.[0] ?? '';

  const context = await browser.newContext();
  try {
    await signInContext(context, viewerApi);
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByTestId('household-accept-outcome')).toContainText(
      'You joined the household',
    );
    const ledger = new TransactionsPage(page);
    await ledger.open();
    await expect(ledger.row('Shared lunch')).toBeVisible();
    await expect(ledger.row('Own coffee')).toHaveCount(0);

    await page.goto('/household/');
    await expect(page.getByTestId('household-members')).toContainText('Viewer');
    await page.getByRole('button', { name: 'Leave the household' }).click();
    await page.getByRole('button', { name: 'Yes, go ahead' }).click();
    await expect(page.getByTestId('household-message')).toContainText('Your own budget is back');

    await ledger.open();
    await expect(ledger.row('Own coffee')).toBeVisible();
    await expect(ledger.row('Shared lunch')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
