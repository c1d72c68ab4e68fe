import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/infra/db/migrate';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/** Rows per table holding `user_id` = the user (and the users row itself), found generically. */
async function ownedRowCounts(api: TestApi, userId: string): Promise<Record<string, number>> {
  const db = api.container.database.db;
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'user_id'`,
    ),
  ).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: string | number }>(
      await db.execute(
        sql`select count(*) as n from ${sql.identifier(table)} where user_id = ${userId}`,
      ),
    );
    counts[table] = Number(row?.n ?? 0);
  }
  const [users] = rowsOf<{ n: string | number }>(
    await db.execute(sql`select count(*) as n from users where id = ${userId}`),
  );
  counts.users = Number(users?.n ?? 0);
  return counts;
}

describe(`export and deletion of a person's data (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    user = await signUp(api);
    // Some data of several kinds: another session, a token, a reset request, audit events.
    await api.graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: user.email, p: user.password },
    );
    await api.graphql(
      'mutation { createPersonalAccessToken(input: { name: "x", scopes: ["read:profile"], expiresInDays: 1 }) { token } }',
      {},
      bearer(user.accessToken),
    );
    await api.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', {
      e: user.email,
    });
    // Text encrypted at rest (description, merchant), which the export must open.
    await api.graphql(ONBOARD, { input: US_ONBOARDING }, bearer(user.accessToken));
    const booked = await api.graphql(
      'mutation($i: CreateTransactionInput!) { createTransaction(input: $i) { transaction { id } } }',
      {
        i: {
          amount: '7.50',
          categoryId: 'groceries',
          description: 'Lunch at the market',
          merchant: 'Corner Café',
        },
      },
      bearer(user.accessToken),
    );
    expect(booked.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('exports every row the person owns, in every table, without secrets', async () => {
    const exported = await api.graphql<{
      exportMyData: { fileName: string; content: string; rowCounts: Record<string, number> };
    }>(
      'mutation { exportMyData { fileName contentType content rowCounts } }',
      {},
      bearer(user.accessToken),
    );
    const file = exported.data?.exportMyData;
    expect(file?.fileName).toMatch(/^pace-export-.*\.json$/);
    const content = JSON.parse(file?.content ?? '{}') as { tables: Record<string, unknown[]> };
    const counts = await ownedRowCounts(api, user.userId);
    for (const [table, count] of Object.entries(counts)) {
      // The export itself is audited after it is read, so the audit log may hold one row more now.
      if (table === 'audit_events')
        expect(content.tables[table]?.length).toBeGreaterThanOrEqual(count - 1);
      else expect(content.tables[table]?.length, table).toBe(count);
    }
    expect(counts.refresh_tokens).toBeGreaterThanOrEqual(2);
    expect(file?.content).not.toMatch(/password_hash|token_hash|\$argon2/);
    // Encrypted at rest, readable in the person's own export.
    expect(content.tables.transactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ description: 'Lunch at the market', merchant: 'Corner Café' }),
      ]),
    );
    expect(file?.content).not.toContain('enc:v1:');
  });

  it('deleteMyAccount needs the password, then leaves no row of the person in any table', async () => {
    const wrong = await api.graphql(
      'mutation { deleteMyAccount(password: "not it") }',
      {},
      bearer(user.accessToken),
    );
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);

    const deleted = await api.graphql(
      'mutation($p: String) { deleteMyAccount(password: $p) }',
      { p: STRONG_PASSWORD },
      bearer(user.accessToken),
    );
    expect(errorCodes(deleted)).toEqual([]);
    const counts = await ownedRowCounts(api, user.userId);
    expect(
      Object.values(counts).every((n) => n === 0),
      JSON.stringify(counts),
    ).toBe(true);
    expect(errorCodes(await api.graphql('{ me { id } }', {}, bearer(user.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const admin = await signUp(api, { role: 'admin' });
    const log = await api.graphql<{
      auditLog: { edges: Array<{ node: Record<string, unknown> }> };
    }>(
      '{ auditLog(first: 1, filter: { event: "account.deleted" }) { edges { node { event userId ip details } } } }',
      {},
      bearer(admin.accessToken),
    );
    expect(log.data?.auditLog.edges[0]?.node).toEqual({
      event: 'account.deleted',
      userId: null,
      ip: null,
      details: {},
    });
    const anything = JSON.stringify(
      await api.graphql(
        '{ auditLog(first: 200) { edges { node { userId ip details } } } }',
        {},
        bearer(admin.accessToken),
      ),
    );
    expect(anything).not.toContain(user.userId);
    expect(anything).not.toContain(user.email);
  });
});

describe(`password reset by e-mail (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('mails a single-use link; the reset revokes every session', async () => {
    const user = await signUp(api);
    expect(
      errorCodes(
        await api.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', {
          e: user.email,
        }),
      ),
    ).toEqual([]);
    expect(
      errorCodes(
        await api.graphql('mutation { requestPasswordReset(email: "nobody@example.com") }'),
      ),
    ).toEqual([]);
    const mail = await api.mail.next(user.email);
    const token = /#token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    const reset =
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
    expect(
      errorCodes(await api.graphql(reset, { t: token, p: 'a fresh passphrase for pace' })),
    ).toEqual([]);
    expect(
      errorCodes(await api.graphql(reset, { t: token, p: 'another fresh passphrase here' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await api.graphql('{ me { id } }', {}, bearer(user.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const login = await api.graphql(
      'mutation($e: String!) { login(email: $e, password: "a fresh passphrase for pace") { accessToken } }',
      { e: user.email },
    );
    expect(errorCodes(login)).toEqual([]);
  });
});
