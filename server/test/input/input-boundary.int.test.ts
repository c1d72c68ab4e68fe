import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ONBOARD, US_ONBOARDING, fixedClock } from '../budget/budget-client';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  signUp,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  uniqueName,
  type TestApi,
} from '../kit';

/**
 * Regressions of the input boundary (issue 16): each value below reached a resolver, the database
 * or the engine and came back as a 500 (or, for year 0, ended the process). Each must now be a
 * BAD_USER_INPUT naming what is wrong, answered with a status below 500.
 */
const clock = fixedClock('2026-03-10T15:00:00Z');

interface Answer {
  status: number;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data?: Record<string, unknown> | null;
}

describe(`input boundary (${TEST_MODE})`, () => {
  let api: TestApi;
  let token: string;

  const post = async (
    query: string,
    variables: Record<string, unknown> = {},
    auth: string | null = token,
  ): Promise<Answer> => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? bearer(auth) : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<Answer, 'status'>;
    return { status: response.status, errors: body.errors ?? [], data: body.data ?? null };
  };

  const expectRefused = (answer: Answer, mentions: string | RegExp) => {
    expect(answer.status).toBeLessThan(500);
    expect(answer.errors.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
    expect(answer.errors.map((e) => e.message).join('\n')).toMatch(mentions);
  };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const user = await signUp(api);
    token = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const onboarded = await post(ONBOARD, { input: US_ONBOARDING });
    expect(onboarded.errors).toEqual([]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const CREATE = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`;

  it('refuses the instant of year 0 that ended the process, and the node keeps serving', async () => {
    const answer = await post(CREATE, {
      input: { amount: '1.00', categoryId: 'groceries', occurredAt: '0000-01-01T00:00:00Z' },
    });
    expectRefused(answer, /DateTime must be from 1970-01-01 to 2100-12-31/);
    expectRefused(
      await post(
        `mutation { createTransaction(input: { amount: "1.00", categoryId: "groceries", occurredAt: "9999-12-31T23:59:59Z" }) { transaction { id } } }`,
      ),
      /DateTime must be from/,
    );
    const fine = await post(CREATE, {
      input: { amount: '1.00', categoryId: 'groceries', occurredAt: '2026-03-09T12:00:00Z' },
    });
    expect(fine.errors).toEqual([]);
  });

  it('refuses bookedOn in years 0001–9999 outside 1970–2100, as a variable or a literal', async () => {
    for (const bookedOn of ['0001-01-01', '1969-12-31', '2101-01-01', '9999-12-31']) {
      expectRefused(
        await post(CREATE, { input: { amount: '1.00', categoryId: 'groceries', bookedOn } }),
        /Date must be a date from 1970-01-01 to 2100-12-31/,
      );
    }
    expectRefused(
      await post(
        `mutation { createTransaction(input: { amount: "1.00", categoryId: "groceries", bookedOn: "0001-01-01" }) { transaction { id } } }`,
      ),
      /Date must be a date from 1970-01-01/,
    );
  });

  it('refuses budgetHistory from year 0 to 9999', async () => {
    expectRefused(
      await post(`{ budgetHistory(from: "0000-01", to: "9999-12") { month } }`),
      /YearMonth must be a month from 1970-01 to 2100-12/,
    );
    expectRefused(
      await post(
        `query($from: YearMonth!, $to: YearMonth!) { budgetHistory(from: $from, to: $to) { month } }`,
        {
          from: '0000-01',
          to: '9999-12',
        },
      ),
      /YearMonth must be a month from 1970-01/,
    );
  });

  it('refuses NUL characters in a description, an e-mail, a name and a CSV payee', async () => {
    const nulDescription = await post(CREATE, {
      input: { amount: '1.00', categoryId: 'groceries', description: 'coffee\u0000' },
    });
    expectRefused(nulDescription, /createTransaction: input\.description must not contain NUL/);
    expect(nulDescription.errors[0]?.extensions).toMatchObject({
      field: 'createTransaction',
      argument: 'input.description',
    });

    const register = (input: Record<string, string>) =>
      post(
        `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        {
          input: {
            email: `${uniqueName('nul')}@example.com`,
            password: STRONG_PASSWORD,
            name: 'Someone',
            currency: 'EUR',
            country: 'DE',
            timeZone: 'UTC',
            locale: 'en',
            ...input,
          },
        },
        null,
      );
    expectRefused(await register({ email: 'nul\u0000@example.com' }), /input\.email must not/);
    expectRefused(await register({ name: 'Ann\u0000' }), /input\.name must not contain NUL/);
    expectRefused(
      await post(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, {
        input: { name: 'Ann\u0000' },
      }),
      /updateProfile: input\.name must not contain NUL/,
    );
    // A null field of a profile change is as absent: it stays as it is (was a 500).
    const before = await post(`{ me { name country timeZone locale currency } }`);
    const nulls = await post(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { name country timeZone locale currency } }`,
      { input: { name: null, country: null, currency: null, timeZone: null, locale: null } },
    );
    expect(nulls.errors).toEqual([]);
    expect(nulls.data?.updateProfile).toEqual(before.data?.me);

    const csv = await post(
      `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { imported } }`,
      {
        input: {
          importId: randomUUID(),
          format: 'CSV',
          content: 'date,amount,payee\n2026-03-05,-12.30,Corner\u0000Cafe\n',
          csv: { columns: { date: 'date', amount: 'amount', payee: 'payee' } },
        },
      },
    );
    expectRefused(csv, /importTransactions: input\.content must not contain NUL/);
  });

  it('refuses a lone surrogate in a bill name', async () => {
    expectRefused(
      await post(
        `mutation($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { conflict } }`,
        { input: { bills: [{ name: 'Rent\ud800', amount: '100.00' }] } },
      ),
      /updatePlanSettings: input\.bills\[0\]\.name must be valid Unicode/,
    );
  });

  it('bounds page sizes: recentTransactions(first: -1) and transactions(first: -1)', async () => {
    expectRefused(
      await post(`{ dashboard { recentTransactions(first: -1) { id } } }`),
      /recentTransactions: first must be between 0 and 50/,
    );
    expectRefused(
      await post(`{ transactions(first: -1) { edges { cursor } } }`),
      /transactions: first must be between 0 and 200/,
    );
    const fine = await post(`{ dashboard { recentTransactions(first: 5) { id } } }`);
    expect(fine.errors).toEqual([]);
  });

  it('refuses forged cursors that decode to values no column holds', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = randomUUID();
    for (const cursor of [
      forge(['0000-13-45', '+275760-09-13T00:00:00.000Z', id]),
      forge(['2026-03-01', '0000-01-01T00:00:00.000Z', id]),
      forge(['2026-03-01', '2026-03-01T00:00:00Z', id]),
      forge(['2026-03-01', '2026-03-01T00:00:00.000Z', id, 'extra']),
      forge({ 0: '2026-03-01' }),
      `${forge(['2026-03-01', '2026-03-01T00:00:00.000Z', id])}==`,
    ]) {
      const answer = await post(
        `query($after: String) { transactions(first: 5, after: $after) { edges { cursor } } }`,
        { after: cursor },
      );
      expectRefused(answer, /cursor is not valid/);
    }
    const page = await post(`{ transactions(first: 1) { pageInfo { endCursor } } }`);
    const endCursor = (page.data?.transactions as { pageInfo: { endCursor: string } }).pageInfo
      .endCursor;
    const next = await post(
      `query($after: String) { transactions(first: 1, after: $after) { edges { cursor } } }`,
      { after: endCursor },
    );
    expect(next.errors).toEqual([]);

    const admin = await signUp(api, { role: 'admin' });
    const adminToken = await accessTokenWithScopes(api, admin.userId, ALL_SCOPES);
    const audit = await post(
      `query($after: String) { auditLog(first: 5, after: $after) { edges { cursor } } }`,
      { after: Buffer.from(`+275760-09-13T00:00:00.000Z|${id}`).toString('base64url') },
      adminToken,
    );
    expect(audit.status).toBeLessThan(500);
    expect(audit.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('bounds category names', async () => {
    const create = (name: string) =>
      post(
        `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } } }`,
        { input: { name } },
      );
    expectRefused(await create('x'.repeat(5_000)), /input\.name must be at most 60 characters/);
    expect((await create('y'.repeat(60))).errors).toEqual([]);
  });

  it('refuses at register a currency a budget refuses', async () => {
    // XDR is an ISO 4217 code (the IMF's drawing right) with no minor unit to budget in.
    const answer = await post(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: `${uniqueName('xdr')}@example.com`,
          password: STRONG_PASSWORD,
          name: 'Someone',
          currency: 'XDR',
          country: 'DE',
          timeZone: 'UTC',
          locale: 'en',
        },
      },
      null,
    );
    expectRefused(answer, /currency is not valid/);
  });

  it('applies the same bounds to operations sent over the websocket', async () => {
    const client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<unknown>((resolve) => {
        client.subscribe(
          {
            query: `query($text: String) { transactions(first: 1, filter: { text: $text }) { edges { cursor } } }`,
            variables: { text: 'a\u0000' },
          },
          { next: resolve, error: resolve, complete: () => undefined },
        );
      });
      expect(JSON.stringify(result)).toContain('BAD_USER_INPUT');
      expect(JSON.stringify(result)).toContain('filter.text must not contain NUL');
    } finally {
      await client.dispose();
    }
  });
});
