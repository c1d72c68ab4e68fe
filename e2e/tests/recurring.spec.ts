import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { awayFromMidnight, SCREENS, signInContext } from './support/pace-app';

// Recurring expenses on the Transactions screen: the new schedules (yearly, last day of the
// month, every N days), the next 30 days with what each occurrence does to its day's budget
// (the words follow the server's numbers exactly), and changing a rule from a date on, refused in
// words on a day already booked. The account's budget time zone is UTC, so "today" is UTC's.

interface Money {
  amount: string;
}
interface Upcoming {
  date: string;
  description: string;
  amount: Money;
  effect: {
    categoryRemainingAfter: Money;
    coveredFromLaterDays: Money;
    uncovered: Money;
  } | null;
}

const usd = (m: Money) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(Number(m.amount));
const isoDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shortDate = (date: string) =>
  new Intl.DateTimeFormat('en', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

/** What the list says an occurrence does to its day, from the server's own numbers. */
function effectWords(o: Upcoming): RegExp {
  const e = o.effect;
  if (!e) return /Its month has no plan yet/;
  if (Number(e.uncovered.amount) > 0) return new RegExp(`${escape(usd(e.uncovered))} not covered`);
  if (Number(e.coveredFromLaterDays.amount) > 0) {
    return new RegExp(`${escape(usd(e.coveredFromLaterDays))} covered from later days`);
  }
  return new RegExp(`Leaves ${escape(usd(e.categoryRemainingAfter))} for Groceries that day`);
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function upcoming(api: PaceApi): Promise<Upcoming[]> {
  const data = await api.gql<{ upcomingRecurring: Upcoming[] }>(
    `{ upcomingRecurring(days: 30) { date description amount { amount }
       effect { categoryRemainingAfter { amount } coveredFromLaterDays { amount } uncovered { amount } } } }`,
  );
  return data.upcomingRecurring;
}

async function addRule(
  form: Locator,
  fields: { description: string; amount: string; repeats: string },
  more: (form: Locator) => Promise<void> = async () => {},
) {
  await form.getByLabel('Description', { exact: true }).fill(fields.description);
  await form.getByLabel('Amount', { exact: true }).fill(fields.amount);
  await form.getByLabel('Category', { exact: true }).selectOption({ label: 'Groceries' });
  await form.getByLabel('Repeats').selectOption({ label: fields.repeats });
  await more(form);
  await form.getByRole('button', { name: 'Add recurring expense' }).click();
}

function occurrences(page: Page, description: string): Locator {
  return page.getByTestId('recurring-occurrence').filter({ hasText: description });
}

test('new schedules, the next 30 days with their effect, and a change from a date', async ({
  page,
  context,
  request,
}) => {
  // Today, tomorrow and in 7 days are computed here and compared with the server's.
  await awayFromMidnight();
  const api = await PaceApi.createPlannedAccount(request, 'recurring');
  await signInContext(context, api);
  await page.goto(SCREENS.transactions);
  const panel = page.getByRole('region', { name: 'Recurring expenses' });
  await expect(panel.getByText('No recurring expenses.')).toBeVisible();
  await expect(panel.getByText('Nothing is due in the next 30 days.')).toBeVisible();
  const form = panel.getByRole('form', { name: 'New recurring expense' });

  // A yearly day the month never has is caught on the device, in words.
  const tomorrow = isoDay(1);
  const tomorrowDay = Number(tomorrow.slice(8));
  await addRule(
    form,
    { description: 'Insurance', amount: '50.00', repeats: 'Yearly, on a date' },
    async (f) => {
      await f.getByLabel('Month', { exact: true }).selectOption({ label: 'April' });
      await f.getByLabel('Day of the month').fill('31');
    },
  );
  await expect(panel.getByRole('alert')).toHaveText('April has no day 31.');
  // A monthly day past a short month's end says where it falls.
  await form.getByLabel('Repeats').selectOption({ label: 'Monthly, on a day' });
  await form.getByLabel('Day of the month').fill('31');
  await expect(form).toContainText('Day 31 becomes the last day in shorter months.');

  // Yearly, tomorrow's month and day.
  const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${tomorrow}T12:00:00Z`),
  );
  await form.getByLabel('Repeats').selectOption({ label: 'Yearly, on a date' });
  await form.getByLabel('Month', { exact: true }).selectOption({ label: monthName });
  await form.getByLabel('Day of the month').fill(String(tomorrowDay));
  await form.getByRole('button', { name: 'Add recurring expense' }).click();
  const rules = panel.getByTestId('recurring-rule');
  await expect(rules.filter({ hasText: 'Insurance' })).toContainText(
    `Every year on ${monthName} ${tomorrowDay}`,
  );

  // The last day of every month, more than the month's whole income: it cannot leave the day whole.
  await addRule(form, {
    description: 'Phone',
    amount: '5000.00',
    repeats: 'Monthly, on the last day',
  });
  await expect(form).toContainText('whichever day ends the month');
  await expect(rules.filter({ hasText: 'Phone' })).toContainText('Every month on the last day');

  // Every 7 days from today: today's occurrence is booked at once.
  await addRule(
    form,
    { description: 'Coffee beans', amount: '3.00', repeats: 'Daily or every few days' },
    (f) => f.getByLabel('Every how many days').fill('7'),
  );
  await expect(rules.filter({ hasText: 'Coffee beans' })).toContainText('Every 7 days');

  // The upcoming list says what the server computed, occurrence by occurrence.
  const expected = await upcoming(api);
  const insurance = expected.find((o) => o.description === 'Insurance');
  expect(insurance?.date).toBe(tomorrow);
  for (const name of ['Insurance', 'Phone']) {
    const o = expected.find((x) => x.description === name);
    if (!o) {
      // The last day of the month can lie past the 30 days (today is a month's last day).
      await expect(occurrences(page, name)).toHaveCount(0);
      continue;
    }
    const row = occurrences(page, name).first();
    await expect(row).toContainText(shortDate(o.date));
    await expect(row).toContainText(usd(o.amount));
    await expect(row).toContainText(effectWords(o));
    if (name === 'Phone' && o.effect) {
      await expect(row).not.toContainText('Leaves');
    }
  }
  await expect(occurrences(page, 'Coffee beans').first()).toContainText(shortDate(isoDay(7)));

  await expectNoAxeViolations(page, 'recurring');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'recurring (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Change from a date: today is booked already, so a change from today is refused in words.
  const coffee = rules.filter({ hasText: 'Coffee beans' });
  await coffee.getByRole('button', { name: 'Change Coffee beans from a date' }).click();
  const change = panel.getByRole('form', { name: 'Change Coffee beans from a date' });
  await expect(change.getByLabel('From', { exact: true })).toHaveValue(tomorrow);
  await change.getByLabel('From', { exact: true }).fill(isoDay(0));
  await change.getByLabel('Amount', { exact: true }).fill('4.00');
  await change.getByRole('button', { name: 'Save change' }).click();
  await expect(change.getByRole('alert')).toHaveText(
    `Occurrences through ${new Intl.DateTimeFormat('en', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(
      new Date(`${isoDay(0)}T12:00:00Z`),
    )} are already booked and stay as they are. Choose a day after it.`,
  );
  await expectNoAxeViolations(page, 'recurring change form');

  // From tomorrow: the rule splits; the old one ends today, the new one books 4.00.
  await change.getByLabel('From', { exact: true }).fill(tomorrow);
  await change.getByRole('button', { name: 'Save change' }).click();
  await expect(change).toHaveCount(0);
  await expect(coffee).toHaveCount(2);
  await expect(coffee.filter({ hasText: '$3.00' })).toContainText(`ends ${shortDate(isoDay(0))}`);
  await expect(coffee.filter({ hasText: '$4.00' })).toContainText('Every 7 days');
  await expect(occurrences(page, 'Coffee beans').first()).toContainText('$4.00');
  await expect(occurrences(page, 'Coffee beans').filter({ hasText: '$3.00' })).toHaveCount(0);
});
