import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutBucket } from '../../src/features/flags/flag.rules';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

const SET = `mutation S($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { key description enabled rolloutPercent } }`;
const SET_USER = `mutation U($input: SetUserFeatureFlagInput!) { setUserFeatureFlag(input: $input) { key } }`;
const DELETE = `mutation D($key: String!) { deleteFeatureFlag(key: $key) }`;
const FEATURES = `{ me { features } }`;

describe(`feature flags (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('are on globally, per person or for a deterministic share, managed by admins only', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const people = await Promise.all(Array.from({ length: 12 }, () => signUp(api)));
    const person = people[0]!;
    const as =
      (token: string) =>
      async (query: string, variables: Record<string, unknown> = {}) =>
        api.graphql<Record<string, unknown>>(query, variables, bearer(token));
    const adminCall = as(admin.accessToken);
    const featuresOf = async (token: string) =>
      ((await as(token)(FEATURES)).data?.me as { features: string[] }).features;

    expect(
      errorCodes(await as(person.accessToken)(SET, { input: { key: 'insights.beta' } })),
    ).toEqual(['FORBIDDEN']);
    for (const key of ['Insights', 'a b', 'x'.repeat(65)])
      expect(errorCodes(await adminCall(SET, { input: { key } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await adminCall(SET, { input: { key: 'k', rolloutPercent: 101 } }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    // A new flag starts off for everyone.
    const created = await adminCall(SET, {
      input: { key: 'insights.beta', description: ' The new Insights screen ' },
    });
    expect(created.data?.setFeatureFlag).toEqual({
      key: 'insights.beta',
      description: 'The new Insights screen',
      enabled: false,
      rolloutPercent: 0,
    });
    expect(await featuresOf(person.accessToken)).toEqual([]);

    // Half of the people, always the same half: exactly those whose bucket is below 50.
    await adminCall(SET, { input: { key: 'insights.beta', rolloutPercent: 50 } });
    for (const p of people) {
      const expected = rolloutBucket('insights.beta', p.userId) < 50 ? ['insights.beta'] : [];
      expect(await featuresOf(p.accessToken)).toEqual(expected);
    }

    // On for all, but off for one person; a disabled flag on for one person.
    await adminCall(SET, { input: { key: 'insights.beta', enabled: true } });
    await adminCall(SET_USER, {
      input: { key: 'insights.beta', userId: person.userId, enabled: false },
    });
    await adminCall(SET, { input: { key: 'advice.v2' } });
    await adminCall(SET_USER, {
      input: { key: 'advice.v2', userId: person.userId, enabled: true },
    });
    expect(await featuresOf(person.accessToken)).toEqual(['advice.v2']);
    expect(await featuresOf(people[1]!.accessToken)).toEqual(['insights.beta']);
    // Removing the override gives the flag back its say.
    await adminCall(SET_USER, {
      input: { key: 'insights.beta', userId: person.userId, enabled: null },
    });
    expect(await featuresOf(person.accessToken)).toEqual(['advice.v2', 'insights.beta']);

    expect(
      errorCodes(
        await adminCall(SET_USER, { input: { key: 'nope', userId: person.userId, enabled: true } }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await adminCall(SET_USER, {
          input: { key: 'advice.v2', userId: randomUUID(), enabled: true },
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    expect((await adminCall(DELETE, { key: 'advice.v2' })).data).toEqual({
      deleteFeatureFlag: true,
    });
    expect((await adminCall(DELETE, { key: 'advice.v2' })).data).toEqual({
      deleteFeatureFlag: false,
    });
    expect(await featuresOf(person.accessToken)).toEqual(['insights.beta']);
    const flags = await adminCall(`{ featureFlags { key } }`);
    expect(flags.data).toEqual({ featureFlags: [{ key: 'insights.beta' }] });

    const audit = await adminCall(`{ auditLog(first: 200) { edges { node { event } } } }`);
    const events = (audit.data?.auditLog as { edges: { node: { event: string } }[] }).edges.map(
      (e) => e.node.event,
    );
    expect(events.filter((e) => e === 'admin.feature_flag_changed').length).toBeGreaterThanOrEqual(
      8,
    );
  });
});
