import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { rootOperations } from './schema-operations';

// The scopes of each operation as schema.graphql declares them (read independently of the code
// under test), against what an integrator sees through introspection and the `scopes` query.
const operations = rootOperations();

describe(`scopes visible to integrators (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('every operation’s description, as introspection shows it, ends with the scopes it needs', async () => {
    const introspected = await api.graphql<{
      __schema: Record<
        'queryType' | 'mutationType' | 'subscriptionType',
        { fields: { name: string; description: string | null }[] }
      >;
    }>(`{ __schema {
      queryType { fields(includeDeprecated: true) { name description } }
      mutationType { fields(includeDeprecated: true) { name description } }
      subscriptionType { fields(includeDeprecated: true) { name description } }
    } }`);
    const schema = introspected.data?.__schema;
    const described = new Map(
      [
        ...(schema?.queryType.fields ?? []),
        ...(schema?.mutationType.fields ?? []),
        ...(schema?.subscriptionType.fields ?? []),
      ].map((field) => [field.name, field.description ?? '']),
    );
    const wrong = operations.flatMap((op) => {
      const description = described.get(op.name) ?? '';
      // `node`/`nodes` need the scope of each record's type, which their sentence lists.
      const perRecord = op.name === 'node' || op.name === 'nodes';
      const expected = op.scopes
        ? `Needs the scope${op.scopes.length > 1 ? 's' : ''} ${op.scopes.map((s) => `\`${s}\``).join(', ')} (`
        : perRecord
          ? 'Needs a token; each record needs the scope its type’s own query needs ('
          : 'Public: no token needed.';
      const last = description.split('\n\n').at(-1) ?? '';
      return last.startsWith(expected) ? [] : [`${op.name}: "${last}"`];
    });
    expect(wrong).toEqual([]);
    const [what, ...rest] = (described.get('createTransaction') ?? '').split('\n\n');
    expect(what).toMatch(/^Records a transaction/);
    expect(rest).toEqual([
      'Needs the scope `write:transactions` (a token without it is refused with FORBIDDEN).',
    ]);
  });

  it('the scopes query lists every scope, what it allows and what it opens alone, without a token', async () => {
    const answer = await api.graphql<{
      scopes: { name: string; description: string; operations: string[] }[];
    }>('{ scopes { name description operations } }');
    expect(answer.errors).toBeUndefined();
    const scopes = answer.data?.scopes ?? [];
    expect(scopes.map((s) => s.name)).toEqual([...ALL_SCOPES]);
    for (const scope of scopes) {
      expect(scope.description.length, scope.name).toBeGreaterThan(20);
      const alone = operations
        .filter((op) => op.scopes?.length && op.scopes.every((s) => s === scope.name))
        .map((op) => op.name)
        .sort();
      expect(scope.operations, scope.name).toEqual(alone);
    }
    expect(scopes.find((s) => s.name === 'export:data')?.operations).toEqual([
      'downloadMyData',
      'exportMyData',
    ]);
  });
});
