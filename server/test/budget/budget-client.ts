import { bearer, type GraphQLResponse, type TestApi, type TestUser } from '../kit';

/** GraphQL calls of the budget tests, as the signed-in person. */
export function budgetClient(api: TestApi, user: TestUser) {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response: GraphQLResponse<T> = await api.graphql<T>(
      query,
      variables,
      bearer(user.accessToken),
    );
    if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  return {
    call,
    raw: <T>(query: string, variables: Record<string, unknown> = {}) =>
      api.graphql<T>(query, variables, bearer(user.accessToken)),
  };
}

export const ONBOARD = `mutation Onboard($input: CompleteOnboardingInput!) {
  completeOnboarding(input: $input) {
    alreadyCompleted
    plan { id month startsOn totals { income { amount } planned { amount } flex { amount } } categories { id amount { amount } } }
  }
}`;

export const US_ONBOARDING = {
  currency: 'USD',
  region: 'US',
  timeZone: 'America/New_York',
  income: '6000.00',
  bills: [
    { name: 'Rent', amount: '1500.00', dueDay: 1, categoryId: 'rent' },
    { name: 'Utilities', amount: '200.00', categoryId: 'utilities' },
  ],
  savingsTarget: '400.00',
};

export const MONTH = `query Month($month: YearMonth!) {
  budgetMonth(month: $month) {
    month today
    totals { planned { amount } allocated { amount } spent { amount } deficit { amount } }
    categories { categoryId priority allocation { amount } spent { amount } }
    days { date categories { categoryId allocation { amount } spent { amount } covered { amount } status } }
    moves { reason fromCategoryId toCategoryId fromDays toDays amount { amount } onDay }
  }
}`;

export const CREATE = `mutation Create($input: CreateTransactionInput!) {
  createTransaction(input: $input) { conflict transaction { id version bookedOn amount { amount currency } categoryId deletedAt } }
}`;

export interface MonthResult {
  budgetMonth: {
    month: string;
    today: string;
    totals: Record<'planned' | 'allocated' | 'spent' | 'deficit', { amount: string }>;
    categories: Array<{
      categoryId: string;
      priority: string;
      allocation: { amount: string };
      spent: { amount: string };
    }>;
    days: Array<{
      date: string;
      categories: Array<{
        categoryId: string;
        allocation: { amount: string };
        spent: { amount: string };
        covered: { amount: string };
        status: string;
      }>;
    }>;
    moves: Array<{
      reason: string;
      fromCategoryId: string;
      toCategoryId: string;
      fromDays: string[];
      toDays: string[];
      amount: { amount: string };
      onDay: string;
    }>;
  };
}

/** Cents of a USD decimal string, exactly. */
export function cents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
}

/** A fixed clock for tests. */
export function fixedClock(iso: string) {
  return { now: () => new Date(iso) };
}
