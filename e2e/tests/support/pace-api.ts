import type { APIRequestContext } from '@playwright/test';
import { latestMailTo } from './auth-ui';

/** Drives the API as another device (or as setup) would: GraphQL over HTTP with a bearer token. */
export class PaceApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly accessToken: string,
    readonly refreshToken: string,
  ) {}

  static async gql<T>(
    request: APIRequestContext,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const response = await request.post('/graphql', {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      data: { query, variables },
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  /**
   * A new account that has not onboarded yet (no plan), its address verified through the link of
   * its sign-up mail unless `verified` is false.
   */
  static async createAccount(
    request: APIRequestContext,
    label: string,
    options: { verified?: boolean } = {},
  ): Promise<PaceApi> {
    const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    const { register } = await PaceApi.gql<{
      register: { accessToken: string; refreshToken: string };
    }>(
      request,
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken refreshToken } }`,
      {
        input: {
          email,
          password: 'correct horse battery staple 42',
          name: 'Robin',
          country: 'US',
          currency: 'USD',
          locale: 'en',
          timeZone: 'UTC',
        },
      },
    );
    if (options.verified !== false) {
      const mail = await latestMailTo(email, /confirm your e-mail/i);
      const token = /\/verify-email\/\?token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
      await PaceApi.gql(
        request,
        `mutation ($token: String!) { verifyEmail(token: $token) { email } }`,
        { token },
      );
    }
    return new PaceApi(request, register.accessToken, register.refreshToken);
  }

  /** A new account with a finished onboarding: income 4,000.00 USD, rent 1,500.00. */
  static async createPlannedAccount(
    request: APIRequestContext,
    label: string,
    options: { verified?: boolean } = {},
  ): Promise<PaceApi> {
    const api = await PaceApi.createAccount(request, label, options);
    await api.gql(
      `mutation ($input: CompleteOnboardingInput!) { completeOnboarding(input: $input) { alreadyCompleted } }`,
      {
        input: {
          currency: 'USD',
          timeZone: 'UTC',
          region: 'US',
          income: '4000.00',
          bills: [{ name: 'Rent', amount: '1500.00', dueDay: 1 }],
          savingsTarget: '300.00',
        },
      },
    );
    return api;
  }

  gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return PaceApi.gql<T>(this.request, query, variables, this.accessToken);
  }

  /** Every live transaction the server holds, newest first. */
  async transactions() {
    const data = await this.gql<{
      transactions: {
        edges: {
          node: {
            id: string;
            amount: { amount: string };
            description: string;
            categoryId: string;
            version: number;
          };
        }[];
      };
    }>(
      `{ transactions(first: 200) { edges { node { id amount { amount } description categoryId version } } } }`,
    );
    return data.transactions.edges.map((e) => e.node);
  }

  async dashboardToday() {
    return this.gql<{
      dashboard: {
        todayBudget: {
          categories: { categoryId: string; remaining: { amount: string }; status: string }[];
        } | null;
      };
    }>(`{ dashboard { todayBudget { categories { categoryId remaining { amount } status } } } }`);
  }

  async createExpense(input: {
    id?: string;
    amount: string;
    categoryId: string;
    description?: string;
  }) {
    const data = await this.gql<{
      createTransaction: { transaction: { id: string; version: number } };
    }>(
      `mutation ($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id version } } }`,
      { input },
    );
    return data.createTransaction.transaction;
  }

  async editDescription(id: string, baseVersion: number, description: string) {
    await this.gql(
      `mutation ($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict } }`,
      { input: { id, baseVersion, description } },
    );
  }
}
