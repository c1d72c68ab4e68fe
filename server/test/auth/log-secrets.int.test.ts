import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, serializeError } from '../../src/infra/logger';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }';
const REFRESH =
  'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';

describe(`no secret reaches the log (${TEST_MODE})`, () => {
  const lines: string[] = [];
  let api: TestApi;
  beforeAll(async () => {
    const logger = createLogger({
      level: 'trace',
      nodeId: 'log-secrets',
      destination: { write: (chunk: string) => void lines.push(chunk) },
    });
    api = await startTestApi({ logger });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('runs the sign-in flows, a failing statement and an unexpected error, then greps the log', async () => {
    const secrets: string[] = [];
    const user = await signUp(api, { password: 'a very private passphrase 913' });
    secrets.push(user.email, user.password, user.accessToken, user.refreshToken);

    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: 'wrong guess 12345' }))).toEqual(
      ['UNAUTHENTICATED'],
    );
    const ok = await api.graphql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      e: user.email,
      p: user.password,
    });
    secrets.push(ok.data!.login.accessToken, ok.data!.login.refreshToken);
    const refreshed = await api.graphql<{ refreshToken: { refreshToken: string } }>(REFRESH, {
      t: ok.data!.login.refreshToken,
    });
    secrets.push(refreshed.data!.refreshToken.refreshToken);

    const pat = await api.graphql<{ createPersonalAccessToken: { token: string } }>(
      'mutation { createPersonalAccessToken(input: { name: "x", scopes: ["read:profile"], expiresInDays: 1 }) { token } }',
      {},
      bearer(user.accessToken),
    );
    secrets.push(pat.data!.createPersonalAccessToken.token);

    await api.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', {
      e: user.email,
    });
    const mail = await api.mail.next(user.email);
    const resetToken = /#token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    secrets.push(resetToken);
    const newPassword = 'another private passphrase 775';
    expect(
      errorCodes(
        await api.graphql(
          'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
          { t: resetToken, p: newPassword },
        ),
      ),
    ).toEqual([]);
    secrets.push(newPassword);

    const { db } = api.container.database;
    type Row = { password_hash: string };
    const result: unknown = await db.execute(
      sql`select password_hash from users where email = ${user.email}`,
    );
    const stored = Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
    const hash = stored[0]!.password_hash;
    expect(hash).toMatch(/^\$argon2id\$/);
    secrets.push(hash);

    // A failing statement whose parameters are the e-mail and the hash, logged as the API logs errors.
    const failure = await db
      .execute(sql`insert into users (email, password_hash) values (${user.email}, ${hash})`)
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    api.container.logger.error({ err: failure }, 'statement failed');
    // An unexpected error on the way out of a resolver carries its cause the same way.
    api.container.logger.error(
      { err: new Error('wrapped', { cause: failure }), correlationId: 'x' },
      'unexpected error',
    );

    const log = lines.join('');
    expect(log).toContain('statement failed');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log.includes(secret), `log contains a secret: ${secret.slice(0, 12)}…`).toBe(false);
      expect(log.toLowerCase().includes(secret.toLowerCase())).toBe(false);
    }
  });

  it('serializes an error without its statement parameters, driver detail or e-mails', () => {
    const error = Object.assign(
      new Error(
        'Failed query: insert into users (email) values ($1)\nparams: ana@example.com,$argon2id$v=19$x',
      ),
      { params: ['ana@example.com'], detail: 'Key (email)=(ana@example.com) already exists.' },
    );
    const text = JSON.stringify(serializeError(error));
    expect(text).not.toContain('ana@example.com');
    expect(text).not.toContain('argon2id');
    expect(text).toContain('Failed query');
  });
});
