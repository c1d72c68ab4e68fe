import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  uniqueName,
  type TestApi,
  type TestUser,
} from '../kit';
import { rootOperations, sampleCall } from '../auth/schema-operations';

const USERS = `query U($s: String, $first: Int, $after: String) {
  adminUsers(search: $s, first: $first, after: $after) {
    edges { cursor node { id email isAdmin plan isPremium lockedUntil signInDelayedUntil hasPassword } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const LOCK = `mutation($id: ID!, $until: DateTime!) { lockUser(userId: $id, until: $until) { id lockedUntil } }`;
const UNLOCK = `mutation($id: ID!) { unlockUser(userId: $id) { id lockedUntil } }`;
const REVOKE = `mutation($id: ID!) { revokeUserSessions(userId: $id) { id } }`;
const DELETE = `mutation($id: ID!) { deleteUser(userId: $id) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const AUDIT = `query($f: AuditLogFilter) { auditLog(first: 50, filter: $f) { edges { node { event userId details } } } }`;

type Page = {
  adminUsers: {
    edges: Array<{
      cursor: string;
      node: { id: string; email: string; lockedUntil: string | null };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type AuditNodes = {
  auditLog: {
    edges: Array<{
      node: { event: string; userId: string | null; details: Record<string, unknown> };
    }>;
  };
};

const ADMIN_OPERATIONS = rootOperations().filter((op) => op.scopes?.includes('admin:*'));

describe(`admin: people (${TEST_MODE})`, () => {
  let api: TestApi;
  let admin: TestUser;
  // A mail domain has no underscores: uniqueName's are made hyphens.
  const domain = `${uniqueName('adm').toLowerCase().replaceAll('_', '-')}.example.com`;
  beforeAll(async () => {
    api = await startTestApi({ config: { ADMIN_EMAILS: `Boss@${domain}` } });
    admin = await signUp(api, { role: 'admin' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, bearer(admin.accessToken));
  const auditOf = async (filter: Record<string, unknown>) =>
    (await asAdmin<AuditNodes>(AUDIT, { f: filter })).data?.auditLog.edges.map((e) => e.node) ?? [];

  it('refuses every admin operation to a token without admin:* (FORBIDDEN)', async () => {
    const person = await signUp(api);
    expect(ADMIN_OPERATIONS.map((op) => op.name)).toEqual(
      expect.arrayContaining([
        'adminUsers',
        'lockUser',
        'unlockUser',
        'revokeUserSessions',
        'deleteUser',
        'adminQueues',
        'retryFailedJob',
        'adminExternalServices',
        'adminDatabase',
      ]),
    );
    for (const op of ADMIN_OPERATIONS.filter((o) => o.kind !== 'subscription')) {
      const { query, variables } = sampleCall(op, { userId: admin.userId });
      expect(
        errorCodes(await api.graphql(query, variables, bearer(person.accessToken))),
        op.name,
      ).toEqual(['FORBIDDEN']);
    }
  });

  it('searches by e-mail prefix or id, pages with cursors, and shows no password hash', async () => {
    const people = await Promise.all(
      ['a', 'b', 'c'].map((letter) => signUp(api, { email: `${letter}.${domain}@example.org` })),
    );
    const first = await asAdmin<Page>(USERS, { s: `A.${domain}`, first: 5 });
    expect(first.data?.adminUsers.edges.map((e) => e.node.id)).toEqual([people[0]?.userId]);
    expect(JSON.stringify(first)).not.toMatch(/argon2|passwordHash/);

    const byId = await asAdmin<Page>(USERS, { s: people[1]?.userId });
    expect(byId.data?.adminUsers.edges.map((e) => e.node.email)).toEqual([people[1]?.email]);

    // Three people share the domain in their e-mail; read them two at a time.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: { data?: Page | null } = await asAdmin<Page>(USERS, { s: '', first: 2, after });
      const edges = result.data?.adminUsers.edges ?? [];
      seen.push(...edges.map((e) => e.node.email).filter((e) => e.includes(domain)));
      after = result.data?.adminUsers.pageInfo.endCursor ?? null;
      if (!result.data?.adminUsers.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(
      people
        .map((p) => p.email)
        .sort()
        .slice(0, seen.length),
    );

    const bad = await asAdmin(USERS, { first: 500 });
    expect(bad.errors?.[0]?.extensions?.reason).toBe('ADMIN_INPUT_INVALID');
    const forged = await asAdmin(USERS, { after: 'nope' });
    expect(forged.errors?.[0]?.extensions?.reason).toBe('ADMIN_INPUT_INVALID');
    expect((await auditOf({ event: 'admin.viewed' })).some((e) => e.details.what === 'users')).toBe(
      true,
    );
  });

  it('a lock refuses sign-in (right password included) until unlocked, and ends the sessions', async () => {
    const person = await signUp(api);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const locked = await asAdmin<{ lockUser: { lockedUntil: string } }>(LOCK, {
      id: person.userId,
      until,
    });
    expect(locked.data?.lockUser.lockedUntil).toBe(until);

    const refused = await api.graphql(LOGIN, { e: person.email, p: STRONG_PASSWORD });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ACCOUNT_LOCKED',
    });
    // A wrong password still reads as one: the lock is only told to someone with the password.
    const wrong = await api.graphql(LOGIN, { e: person.email, p: 'not the password at all' });
    expect(wrong.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    expect(errorCodes(await api.graphql(REFRESH, { t: person.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const past = await asAdmin(LOCK, { id: person.userId, until: '2020-01-01T00:00:00Z' });
    expect(past.errors?.[0]?.extensions?.reason).toBe('ADMIN_INPUT_INVALID');
    expect((await asAdmin(LOCK, { id: admin.userId, until })).errors?.[0]?.extensions?.reason).toBe(
      'ADMIN_SELF_ACTION',
    );
    expect(errorCodes(await asAdmin(LOCK, { id: randomUUID(), until }))).toEqual(['NOT_FOUND']);

    const unlocked = await asAdmin<{ unlockUser: { lockedUntil: string | null } }>(UNLOCK, {
      id: person.userId,
    });
    expect(unlocked.data?.unlockUser.lockedUntil).toBeNull();
    const again = await api.graphql<{ login: { accessToken: string } }>(LOGIN, {
      e: person.email,
      p: STRONG_PASSWORD,
    });
    expect(again.errors).toBeUndefined();

    const events = (await auditOf({ userId: person.userId })).map((e) => e.event);
    expect(events).toEqual(
      expect.arrayContaining(['admin.user_locked', 'login.locked', 'admin.user_unlocked']),
    );
  });

  it('revoking sessions makes the refresh token fail; the person may sign in again', async () => {
    const person = await signUp(api);
    const revoked = await asAdmin(REVOKE, { id: person.userId });
    expect(revoked.errors).toBeUndefined();
    expect(errorCodes(await api.graphql(REFRESH, { t: person.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await api.graphql('{ me { id } }', {}, bearer(person.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(
      (await api.graphql(LOGIN, { e: person.email, p: STRONG_PASSWORD })).errors,
    ).toBeUndefined();
    const events = await auditOf({ event: 'admin.sessions_revoked', userId: person.userId });
    expect(events[0]?.details).toMatchObject({ adminId: admin.userId });
  });

  it('deleting removes the person’s data; the audit keeps the event without personal data', async () => {
    const person = await signUp(api);
    await api.graphql(
      'mutation { createHabit(input: { name: "Walk" }) { habit { id } } }',
      {},
      bearer(person.accessToken),
    );
    expect(await asAdmin(DELETE, { id: admin.userId })).toMatchObject({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ reason: 'ADMIN_SELF_ACTION' }),
        }),
      ],
    });
    expect(
      (await asAdmin<{ deleteUser: boolean }>(DELETE, { id: person.userId })).data?.deleteUser,
    ).toBe(true);

    const db = api.container.database.db;
    for (const table of ['users', 'habits', 'refresh_tokens', 'known_devices']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const result = await db.execute(
        `select count(*)::int as n from ${table} where ${column} = '${person.userId}'` as never,
      );
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
      expect(rows[0], table).toEqual({ n: 0 });
    }
    expect(errorCodes(await api.graphql(LOGIN, { e: person.email, p: STRONG_PASSWORD }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await auditOf({ userId: person.userId })).toEqual([]);
    const deleted = await auditOf({ event: 'admin.user_deleted' });
    expect(deleted[0]).toEqual({
      event: 'admin.user_deleted',
      userId: null,
      details: { adminId: admin.userId },
    });
    expect(errorCodes(await asAdmin(DELETE, { id: person.userId }))).toEqual(['NOT_FOUND']);
  });

  it('makes a person listed in ADMIN_EMAILS an admin at sign-up, audited', async () => {
    const boss = await signUp(api, { email: `boss@${domain}` });
    const claims = JSON.parse(
      Buffer.from(boss.accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { scope?: string; scopes?: string[] };
    expect(claims.scopes ?? claims.scope?.split(' ')).toContain('admin:*');
    expect((await auditOf({ event: 'admin.role_granted', userId: boss.userId })).length).toBe(1);
  });
});
