import { sql } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/app/config';
import { startApi, type RunningApi } from '../src/app/start-api';
import { startWorker } from '../src/app/start-worker';
import type { Clock } from '../src/infra/clock';
import type { Database } from '../src/infra/db/database';
import { migrateDatabase } from '../src/infra/db/migrate';
import { openPglite } from '../src/infra/db/pglite';
import { connectPostgres } from '../src/infra/db/postgres';
import { pino } from 'pino';
import { createLogger, type Logger } from '../src/infra/logger';
import type { Mailer, MailMessage } from '../src/infra/mail/mailer';
import type { FcmSender } from '../src/infra/push/push';
import { AccessTokens } from '../src/features/auth';
import { sha256 } from '../src/features/accounts';
import { EmailRepository } from '../src/features/email';
import { SCOPES } from '../src/graphql/scopes';
import { registerTestNode } from './subscriptions';

export const TEST_MODE: 'embedded' | 'distributed' =
  process.env.PACE_TEST_MODE === 'distributed' ? 'distributed' : 'embedded';
export const isDistributed = TEST_MODE === 'distributed';

export const POSTGRES_ADMIN_URL =
  process.env.PACE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_TEST_URL = process.env.PACE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const SERVER_DIR = path.resolve(import.meta.dirname, '..');

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A fresh PostgreSQL database for one test file; dropped again by `drop()`. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('pace_test');
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const sql = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

/** A migrated database of the current test mode, isolated from every other test file. */
export async function createTestDatabase(): Promise<Database> {
  if (!isDistributed) {
    const template = readFileSync(inject('pgliteTemplate'));
    return openPglite({ memory: true, loadDataDir: new Blob([template]) });
  }
  const created = await createPostgresDatabase();
  const database = connectPostgres(created.url, { maxConnections: 5 });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** Configuration of a test node: port 0, silent logs, Redis keys under a prefix of its own. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PACE_KEY_PREFIX: uniqueName('pt'),
    // Fast hashing and generous limits by default; the tests of those rules set their own values.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    RATE_LIMIT_LOGIN: '10000/1m',
    RATE_LIMIT_LOGIN_FAILURES: '10000/1m',
    RATE_LIMIT_REGISTER: '10000/1m',
    RATE_LIMIT_PASSWORD_RESET: '10000/1m',
    RATE_LIMIT_ANONYMOUS: '10000/1m',
    RATE_LIMIT_ANONYMOUS_REQUESTS: '100000/1m',
    RATE_LIMIT_API_STANDARD: '100000/1m',
    RATE_LIMIT_API_PREMIUM: '100000/1m',
    // No ECB feed (this machine is offline); the currency tests serve a stand-in of their own.
    FX_ECB_URL: '',
    ...(isDistributed ? { REDIS_URL: REDIS_TEST_URL } : {}),
    ...overrides,
  });
}

export interface TestApi extends RunningApi {
  /** Every e-mail the node (or its worker) sent. */
  mail: CapturedMail;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Test nodes log nothing, unless PACE_TEST_LOG_FILE names a file: then every node appends its logs
 * there at debug level, so `scripts/check-log-secrets.mjs` can grep a whole run for secrets.
 */
export function testLogger(nodeId: string): Logger {
  const file = process.env.PACE_TEST_LOG_FILE;
  if (!file) return createLogger({ level: 'silent', nodeId });
  return createLogger({
    level: 'debug',
    nodeId,
    destination: pino.destination({ dest: file, append: true, sync: true, mkdir: true }),
  });
}

/**
 * Starts an in-process API node on a fresh database of the current mode. In the distributed mode
 * a BullMQ worker runs beside it (in this process) so jobs complete as in production.
 */
export async function startTestApi(
  options: {
    config?: Record<string, string>;
    clock?: Clock;
    logger?: Logger;
    fcm?: FcmSender;
  } = {},
): Promise<TestApi> {
  const logger = options.logger ?? testLogger('test');
  const mail = captureMail();
  const shared = {
    logger,
    mailer: mail.mailer,
    ...(options.fcm ? { fcm: options.fcm } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  if (!isDistributed) {
    const api = await startApi(testConfig(options.config), {
      database: await createTestDatabase(),
      ...shared,
    });
    return withClient(api, mail);
  }
  const created = await createPostgresDatabase();
  const config = testConfig({ DATABASE_URL: created.url, ...options.config });
  const api = await startApi(config, shared);
  const worker = await startWorker(config, shared);
  return withClient(
    {
      ...api,
      stop: async () => {
        await worker.stop();
        await api.stop();
        await created.drop();
      },
    },
    mail,
  );
}

/**
 * Distributed mode only: another API node on the same PostgreSQL, Redis and key prefix as `api`,
 * as a second replica behind a load balancer would be. Stop it before `api`.
 */
export async function startSecondNode(
  api: TestApi,
  options: { clock?: Clock } = {},
): Promise<TestApi> {
  if (!isDistributed) throw new Error('A second API node needs the distributed mode.');
  const logger = testLogger('test-2');
  const second = await startApi(
    { ...api.container.config, PACE_NODE_ID: 'test-node-2' },
    { logger, mailer: api.mail.mailer, ...(options.clock ? { clock: options.clock } : {}) },
  );
  return withClient(second, api.mail);
}

function withClient(api: RunningApi, mail: CapturedMail): TestApi {
  registerTestNode(api.url, api.container.pubsub);
  return {
    ...api,
    mail,
    graphql: (query, variables, headers) => postGraphQL(api.url, query, variables, headers),
  };
}

export interface CapturedMail {
  mailer: Mailer;
  messages: MailMessage[];
  /** Resolves with the first message (already sent or coming) to `to`. */
  next(to: string, timeoutMs?: number): Promise<MailMessage>;
}

/** A fake at the SMTP border: keeps every message in memory. */
export function captureMail(): CapturedMail {
  const messages: MailMessage[] = [];
  const waiters: Array<{ to: string; resolve: (m: MailMessage) => void }> = [];
  const mailer: Mailer = {
    send: async (message) => {
      messages.push(message);
      for (const waiter of waiters.filter((w) => w.to === message.to)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    },
  };
  return {
    mailer,
    messages,
    next: (to, timeoutMs = 10_000) => {
      const sent = messages.find((m) => m.to === to);
      if (sent) return Promise.resolve(sent);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({ to, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
  };
}

export const STRONG_PASSWORD = 'correct horse battery staple 42';

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken user { id email } }
}`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken user { id email } }
}`;

/**
 * Registers a person through the API; `role`/`plan` are then set as an operator would and the
 * person signs in again, so the tokens carry the matching scopes.
 */
export async function signUp(
  api: TestApi,
  options: {
    email?: string;
    password?: string;
    role?: 'user' | 'admin';
    plan?: 'standard' | 'premium';
    headers?: Record<string, string>;
    /** False: the address stays unverified (no premium purchase, no data export). */
    verified?: boolean;
    /**
     * False for an API node that runs no jobs (no mail is sent): the address is then marked
     * verified in the database instead of through the mailed link.
     */
    runsJobs?: boolean;
    /** The profile's locale (the language of its mails); en-GB unless said. */
    locale?: string;
  } = {},
): Promise<TestUser> {
  const email = options.email ?? `${uniqueName('user')}@example.com`;
  const password = options.password ?? STRONG_PASSWORD;
  const input = {
    email,
    password,
    name: 'Test Person',
    currency: 'EUR',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    locale: options.locale ?? 'en-GB',
  };
  type Payload = { accessToken: string; refreshToken: string; user: { id: string } };
  const registered = await api.graphql<{ register: Payload }>(REGISTER, { input }, options.headers);
  let session = registered.data?.register;
  if (!session) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  if (options.runsJobs === false)
    await api.container.database.db.execute(
      sql`update users set email_verified_at = now() where id = ${session.user.id}`,
    );
  else await takeVerificationMail(api, session.user.id, email, options.verified ?? true);
  if (options.role || options.plan) {
    await api.container.services.accounts.setRoleAndPlan(session.user.id, {
      ...(options.role ? { role: options.role } : {}),
      ...(options.plan ? { plan: options.plan } : {}),
    });
    const login = await api.graphql<{ login: Payload }>(LOGIN, { email, password });
    session = login.data?.login;
    if (!session) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  }
  return {
    userId: session.user.id,
    email,
    password,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
  };
}

/**
 * The sign-up's verification mail leaves the captured mails (tests wait for the mails they cause);
 * with `verify`, its link's token verifies the address, as opening the link would.
 */
async function takeVerificationMail(
  api: TestApi,
  userId: string,
  email: string,
  verify: boolean,
): Promise<void> {
  // Addresses are stored and mailed lower-cased.
  const mail = await api.mail.next(email.toLowerCase());
  api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
  if (!verify) return;
  const token = /[?&]token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
  const repository = new EmailRepository(api.container.database.db);
  const stored = await repository.findToken(sha256(token));
  if (stored?.userId !== userId) throw new Error(`no verification link in ${mail.subject}`);
  await repository.verifyWithToken(stored, api.container.clock.now());
}

/** A session access token for `userId` with exactly `scopes` (for scope tests), signed by the node's keys. */
export async function accessTokenWithScopes(
  api: TestApi,
  userId: string,
  scopes: readonly string[],
): Promise<string> {
  const tokens = new AccessTokens({
    keys: api.container.services.signingKeys,
    clock: api.container.clock,
    ttlS: api.container.config.ACCESS_TOKEN_TTL_S,
  });
  const issued = await tokens.issue({
    userId,
    sessionId: randomUUID(),
    scopes: [...scopes],
    authenticatedAt: api.container.clock.now(),
  });
  return issued.token;
}

export const ALL_SCOPES: readonly string[] = SCOPES;

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function postGraphQL<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    // A connection per request: a kept-alive one can be closed by the server's idle timer just
    // as it is reused (on a busy machine, with the embedded node on this very event loop), and
    // the request then fails with ECONNRESET without having been read.
    headers: { 'content-type': 'application/json', connection: 'close', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

/**
 * For API nodes running as separate processes: registers over HTTP, makes the person an admin in
 * the database (as an operator would), then signs in; returns the admin's access token.
 */
export async function signUpAdminOverHttp(baseUrl: string, databaseUrl: string): Promise<string> {
  const email = `${uniqueName('admin')}@example.com`;
  const input = {
    email,
    password: STRONG_PASSWORD,
    name: 'Operator',
    currency: 'EUR',
    country: 'DE',
    timeZone: 'UTC',
    locale: 'en',
  };
  const registered = await postGraphQL<{ register: { user: { id: string } } }>(baseUrl, REGISTER, {
    input,
  });
  if (!registered.data) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  await sql`update users set role = 'admin', email_verified_at = now() where email = ${email}`;
  await sql.end();
  const login = await postGraphQL<{ login: { accessToken: string } }>(baseUrl, LOGIN, {
    email,
    password: STRONG_PASSWORD,
  });
  if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  return login.data.login.accessToken;
}
