// Deterministic seed of the API benchmark: people are registered and onboarded through the real API,
// their ledgers are bulk-inserted with multi-row SQL, then one createTransaction per person makes
// the service recompute the current month and one dashboard read stores it (past months have no
// plan).
import type { Sql } from 'postgres';
import { addMonths, localDateOf, monthOf, type LocalMonth } from '@pace/engine';
import { CREATE, DASHBOARD, dataOf, seededRandom, seededUuid, type httpClient } from './api-shared';

type Client = ReturnType<typeof httpClient>;

export interface SeededUser {
  userId: string;
  email: string;
  accessToken: string;
  categoryIds: string[];
}

export const TIME_ZONE = 'America/New_York';
const PASSWORD = 'correct horse battery staple 42';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const ONBOARD = `mutation Onboard($input: CompleteOnboardingInput!) { completeOnboarding(input: $input) { plan { categories { id behaviour } } } }`;
const ONBOARDING = {
  currency: 'USD',
  region: 'US',
  timeZone: TIME_ZONE,
  income: '6000.00',
  bills: [
    { name: 'Rent', amount: '1500.00', dueDay: 1, categoryId: 'rent' },
    { name: 'Utilities', amount: '200.00', categoryId: 'utilities' },
  ],
  savingsTarget: '400.00',
};

export const bearer = (user: SeededUser) => ({ authorization: `Bearer ${user.accessToken}` });

/** Registers and onboards `count` people named `<label>-<i>`, `parallel` at a time. */
export async function registerUsers(
  client: Client,
  label: string,
  count: number,
  parallel = 4,
): Promise<SeededUser[]> {
  const users: SeededUser[] = new Array<SeededUser>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        const email = `bench-${label}-${i}@example.com`;
        const input = {
          email,
          password: PASSWORD,
          name: `Bench ${label} ${i}`,
          currency: 'USD',
          country: 'US',
          timeZone: TIME_ZONE,
          locale: 'en-US',
        };
        const registered = dataOf<{ register: { accessToken: string; user: { id: string } } }>(
          await client.post({ query: REGISTER, variables: { input } }),
        );
        const user: SeededUser = {
          userId: registered.register.user.id,
          email,
          accessToken: registered.register.accessToken,
          categoryIds: [],
        };
        const onboarded = dataOf<{
          completeOnboarding: { plan: { categories: Array<{ id: string; behaviour: string }> } };
        }>(await client.post({ query: ONBOARD, variables: { input: ONBOARDING } }, bearer(user)));
        user.categoryIds = onboarded.completeOnboarding.plan.categories
          .filter((c) => c.behaviour !== 'fixed' && c.id !== 'savings')
          .map((c) => c.id);
        users[i] = user;
      }
    }),
  );
  return users;
}

/**
 * Inserts `count` expenses spread evenly over the `months` months ending today (local), never after
 * today, with multi-row INSERTs of `batch` rows. Deterministic for a given seed.
 */
export async function insertLedger(
  sql: Sql,
  user: SeededUser,
  options: { count: number; months: number; seed: number; batch?: number },
): Promise<number> {
  const random = seededRandom(options.seed);
  const today = localDateOf(new Date(), TIME_ZONE);
  const current: LocalMonth = monthOf(today);
  const days: string[] = [];
  for (let m = options.months - 1; m >= 0; m--) {
    const month = addMonths(current, -m);
    const [year, mon] = month.split('-').map(Number) as [number, number];
    const length = new Date(Date.UTC(year, mon, 0)).getUTCDate();
    for (let d = 1; d <= length; d++) {
      const date = `${month}-${String(d).padStart(2, '0')}`;
      if (date <= today) days.push(date);
    }
  }
  const batch = options.batch ?? 4000;
  const now = new Date();
  let inserted = 0;
  for (let start = 0; start < options.count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      const bookedOn = days[Math.floor((i / options.count) * days.length)]!;
      const minutes = Math.floor(random() * 600);
      rows.push({
        id: seededUuid(random),
        user_id: user.userId,
        amount_minor: 100 + Math.floor(random() * 5900),
        currency: 'USD',
        direction: 'expense',
        category_id: user.categoryIds[Math.floor(random() * user.categoryIds.length)] ?? 'flex',
        description: `bench ${i}`,
        merchant: random() < 0.5 ? `Shop ${Math.floor(random() * 40)}` : null,
        // 08:00–18:00 in New York (UTC−5/−4): the same local date.
        occurred_at: new Date(Date.parse(`${bookedOn}T13:00:00Z`) + minutes * 60_000),
        booked_on: bookedOn,
        source: 'import',
        created_at: now,
        updated_at: now,
      });
    }
    await sql`insert into transactions ${sql(rows)}`;
    inserted += rows.length;
  }
  return inserted;
}

/** One real write per person: the service recomputes the current month and stores its snapshot. */
export async function recomputeThroughApi(client: Client, users: SeededUser[]): Promise<void> {
  for (const user of users) {
    dataOf(
      await client.post(
        {
          query: CREATE,
          variables: {
            input: {
              amount: '1.00',
              categoryId: user.categoryIds[0] ?? 'flex',
              description: 'seed recompute',
            },
          },
        },
        bearer(user),
      ),
    );
    // Writes leave the stored month stale; the first read computes and stores it.
    dataOf(await client.post({ query: DASHBOARD }, bearer(user)));
  }
}
