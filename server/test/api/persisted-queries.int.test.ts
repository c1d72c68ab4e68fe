import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, operationHash } from '../../src/graphql/persisted-queries';
import {
  bearer,
  signUp,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
  type TestUser,
} from '../kit';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HAS_PLAN = 'query HasPlan { plan { month } }';
const NOT_IN_APP = '{ scopes { name } }';

/** The PWA's manifest, made by the web workspace's own script into a temporary file. */
function generateManifest(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pace-pq-')), 'manifest.json');
  const run = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/persisted-manifest.mjs', file],
    { cwd: path.join(ROOT, 'web'), encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return file;
}

async function post(
  api: TestApi,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: GraphQLResponse<Record<string, unknown>> }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as GraphQLResponse<Record<string, unknown>>,
  };
}

const apq = (query: string) => ({
  persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
});
const codes = (json: GraphQLResponse<unknown>) =>
  (json.errors ?? []).map((e) => String(e.extensions?.code));

/** A personal access token, created with the PWA's own `CreateToken` operation (spaced otherwise). */
async function patOf(api: TestApi, user: TestUser): Promise<string> {
  const { json } = await post(
    api,
    {
      query:
        'mutation CreateToken($input: CreatePersonalAccessTokenInput!) { issuePersonalAccessToken(input: $input) { token personalAccessToken { id } } }',
      variables: { input: { name: 'pq', scopes: ['read:profile'], expiresInDays: 1 } },
    },
    bearer(user.accessToken),
  );
  const token = (json.data?.issuePersonalAccessToken as { token?: string } | undefined)?.token;
  if (!token) throw new Error(JSON.stringify(json.errors));
  return token;
}

describe('the manifest script and the server agree', () => {
  it('writes sha256 → normalised query for every PWA operation, which the server accepts', () => {
    const file = generateManifest();
    const entries = Object.entries(
      JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
    );
    expect(entries.length).toBeGreaterThan(20);
    for (const [hash, query] of entries) expect(operationHash(query)).toBe(hash);
    expect(loadManifest(file).has(operationHash(HAS_PLAN) ?? '')).toBe(true);
  });

  it('ignores spacing and the __typename fields Apollo Client adds', () => {
    expect(operationHash('query HasPlan {\n  plan { month __typename }\n}')).toBe(
      operationHash(HAS_PLAN),
    );
    expect(operationHash(NOT_IN_APP)).not.toBe(operationHash(HAS_PLAN));
  });

  it('refuses a manifest whose hashes do not match its queries', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pace-pq-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ ['0'.repeat(64)]: HAS_PLAN }));
    expect(() => loadManifest(file)).toThrow(/not the sha256 of its query/);
  });
});

describe(`PERSISTED_QUERIES=apq, the default (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    user = await signUp(api);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('runs any query and remembers it by hash (automatic persisted queries)', async () => {
    const query = '{ me { id } }';
    const unknown = await post(api, { extensions: apq(query) }, bearer(user.accessToken));
    expect(codes(unknown.json)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(api, { query, extensions: apq(query) }, bearer(user.accessToken));
    expect(registered.json.data).toEqual({ me: { id: user.userId } });
    const byHash = await post(api, { extensions: apq(query) }, bearer(user.accessToken));
    expect(byHash.json.data).toEqual({ me: { id: user.userId } });
    const plain = await post(api, { query: NOT_IN_APP });
    expect(plain.status).toBe(200);
    expect(plain.json.errors).toBeUndefined();
  });
});

/** Signs up with the PWA's own `Register` operation (the only way in for an anonymous caller). */
async function signUpThroughApp(api: TestApi, manifest: string): Promise<TestUser> {
  const operations = Object.values(
    JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>,
  );
  const register = operations.find((query) => query.startsWith('mutation Register('));
  const input = {
    email: `pq-${Date.now()}@example.com`,
    password: STRONG_PASSWORD,
    name: 'Test Person',
    currency: 'EUR',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
  };
  const { json } = await post(api, { query: register, variables: { input } });
  const session = json.data?.register as
    { accessToken: string; refreshToken: string; user: { id: string } } | undefined;
  if (!session) throw new Error(JSON.stringify(json.errors));
  return {
    userId: session.user.id,
    email: input.email,
    password: STRONG_PASSWORD,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
  };
}

describe(`PERSISTED_QUERIES=allowlist (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    const manifest = generateManifest();
    api = await startTestApi({
      config: { PERSISTED_QUERIES: 'allowlist', PERSISTED_QUERIES_MANIFEST: manifest },
    });
    user = await signUpThroughApp(api, manifest);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses anonymous and session callers an operation outside the manifest', async () => {
    for (const headers of [{}, bearer(user.accessToken)]) {
      const refused = await post(api, { query: NOT_IN_APP }, headers);
      expect(refused.status).toBe(400);
      expect(codes(refused.json)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
      expect(refused.json.data).toBeUndefined();
    }
  });

  it('runs the PWA’s own operations, however spaced and with __typename', async () => {
    const sent = 'query HasPlan {\n  plan {\n    month\n    __typename\n  }\n}';
    const allowed = await post(api, { query: sent }, bearer(user.accessToken));
    expect(allowed.status).toBe(200);
    expect(allowed.json.errors).toBeUndefined();
    expect(allowed.json.data).toEqual({ plan: null });
    // By hash alone: the manifest's operations are known from the start.
    const byHash = await post(
      api,
      { extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(HAS_PLAN) } } },
      bearer(user.accessToken),
    );
    expect(byHash.json.data).toEqual({ plan: null });
  });

  it('lets a personal access token send its own queries, without opening them to others', async () => {
    const pat = await patOf(api, user);
    const own = await post(api, { query: NOT_IN_APP, extensions: apq(NOT_IN_APP) }, bearer(pat));
    expect(own.json.errors).toBeUndefined();
    expect(own.json.data?.scopes).toBeInstanceOf(Array);
    // The token's query was not kept: its hash alone runs for nobody.
    const replay = await post(api, { extensions: apq(NOT_IN_APP) });
    expect(codes(replay.json)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});
