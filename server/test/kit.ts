import { randomBytes } from 'node:crypto';
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
import { createLogger } from '../src/infra/logger';

export const TEST_MODE: 'embedded' | 'distributed' =
  process.env.PACE_TEST_MODE === 'distributed' ? 'distributed' : 'embedded';
export const isDistributed = TEST_MODE === 'distributed';

export const POSTGRES_ADMIN_URL = process.env.PACE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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
    ...(isDistributed ? { REDIS_URL: REDIS_TEST_URL } : {}),
    ...overrides,
  });
}

export interface TestApi extends RunningApi {
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Starts an in-process API node on a fresh database of the current mode. In the distributed mode
 * a BullMQ worker runs beside it (in this process) so jobs complete as in production.
 */
export async function startTestApi(options: { config?: Record<string, string>; clock?: Clock } = {}): Promise<TestApi> {
  const logger = createLogger({ level: 'silent', nodeId: 'test' });
  const clock = options.clock ? { clock: options.clock } : {};
  if (!isDistributed) {
    const api = await startApi(testConfig(options.config), { database: await createTestDatabase(), logger, ...clock });
    return withClient(api);
  }
  const created = await createPostgresDatabase();
  const config = testConfig({ DATABASE_URL: created.url, ...options.config });
  const api = await startApi(config, { logger, ...clock });
  const worker = await startWorker(config, { logger, ...clock });
  return withClient({
    ...api,
    stop: async () => {
      await worker.stop();
      await api.stop();
      await created.drop();
    },
  });
}

function withClient(api: RunningApi): TestApi {
  return { ...api, graphql: (query, variables, headers) => postGraphQL(api.url, query, variables, headers) };
}

export async function postGraphQL<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}
