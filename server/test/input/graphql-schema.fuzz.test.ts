import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONBOARD, US_ONBOARDING, fixedClock } from '../budget/budget-client';
import { loadSchema, operationArbitrary, type FuzzOperation } from '../graphql-fuzz';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';

/**
 * Schema-driven fuzzing of the HTTP API (issue 16): whatever a client sends to any Query or
 * Mutation, signed in with every scope or anonymous, the answer is below 500, every error carries a
 * code that is not INTERNAL_SERVER_ERROR, and nothing stack-shaped reaches the wire.
 * PACE_FUZZ_RUNS and PACE_FUZZ_SEED widen a local run.
 */
const RUNS = Number(process.env.PACE_FUZZ_RUNS ?? 800);
const SEED = Number(process.env.PACE_FUZZ_SEED ?? 1605);
const STACK_SHAPED = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+/;

interface Reply {
  status: number;
  text: string;
  errors: Array<{ message: string; extensions?: { code?: unknown } }>;
}

describe(`GraphQL schema fuzzer (${TEST_MODE})`, () => {
  let api: TestApi;
  let token: string;

  const send = async (op: FuzzOperation, auth: string | null): Promise<Reply> => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? bearer(auth) : {}) },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    });
    const text = await response.text();
    let errors: Reply['errors'] = [];
    try {
      errors = (JSON.parse(text) as { errors?: Reply['errors'] }).errors ?? [];
    } catch {
      errors = [{ message: text }];
    }
    return { status: response.status, text, errors };
  };

  beforeAll(async () => {
    api = await startTestApi({ clock: fixedClock('2026-03-10T15:00:00Z') });
    const user = await signUp(api);
    token = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const onboarded = await send(
      { field: 'onboard', query: ONBOARD, variables: { input: US_ONBOARDING } },
      token,
    );
    expect(onboarded.errors).toEqual([]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers graphql-js abort after too many bad variable values as BAD_USER_INPUT', async () => {
    const reply = await send(
      {
        field: 'exportTransactions',
        query: `query($filter: TransactionFilter) { exportTransactions(filter: $filter) { filename } }`,
        variables: { filter: { sources: new Array(60).fill(0) } },
      },
      token,
    );
    expect(reply.status).toBeLessThan(500);
    expect(reply.errors.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(reply.errors.map((e) => e.message).join('\n')).toMatch(/Too many errors/);
  });

  it('answers every generated operation with a typed error or data, never a 5xx', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(operationArbitrary(loadSchema()), fc.boolean(), async (op, signedIn) => {
        reached.add(op.field);
        const reply = await send(op, signedIn ? token : null);
        const context = `${op.field} ${reply.status} ${reply.text.slice(0, 400)}`;
        expect(reply.status, context).toBeLessThan(500);
        expect(reply.text, context).not.toMatch(STACK_SHAPED);
        for (const error of reply.errors) {
          expect(error.extensions?.code, context).toMatch(/^[A-Z][A-Z_]+$/);
          expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(reached.size).toBeGreaterThan(20);
  }, 120_000);
});
