import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, print, type GraphQLField, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * A mutation deprecated for a `…Payload` successor (issue #15) hands over without changing what a
 * caller may do: the successor takes the same arguments and needs exactly the same scopes (or is
 * public alike), so moving to it never widens or narrows access.
 */
export function successorProblems(schema: GraphQLSchema): string[] {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  const problems: string[] = [];
  for (const old of Object.values(mutations)) {
    if (old.deprecationReason == null) continue;
    const name = /^Use (\w+)\./.exec(old.deprecationReason)?.[1] ?? '';
    const next = mutations[name];
    if (!next) {
      problems.push(`${old.name}: its successor ${name || '(none named)'} is not a mutation`);
      continue;
    }
    if (!getNamedType(next.type).name.endsWith('Payload'))
      problems.push(`${old.name}: its successor ${name} does not return a …Payload`);
    if (access(next) !== access(old))
      problems.push(`${old.name}: ${name} needs ${access(next)}, not ${access(old)}`);
    if (signature(next) !== signature(old))
      problems.push(`${old.name}: ${name} takes (${signature(next)}), not (${signature(old)})`);
  }
  return problems;
}

/** The field's access directives as written (`@requiresScopes(scopes: […])` or `@public`). */
function access(field: GraphQLField<unknown, unknown>): string {
  const directives = field.astNode?.directives ?? [];
  return (
    directives
      .filter((d) => d.name.value === 'requiresScopes' || d.name.value === 'public')
      .map((d) => print(d))
      .sort()
      .join(' ') || 'nothing'
  );
}

/** Its arguments with their types and defaults, in name order. */
function signature(field: GraphQLField<unknown, unknown>): string {
  return field.args
    .map((arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ' ='}`)
    .sort()
    .join(', ');
}

describe('deprecated mutations hand over to their …Payload successors', () => {
  const schema = buildSchema(
    readFileSync(path.resolve(import.meta.dirname, '../../../schema.graphql'), 'utf8'),
  );

  it('every successor exists, returns a payload, and has the same arguments and scopes', () => {
    expect(successorProblems(schema)).toEqual([]);
  });

  it('the PWA’s former mutations are among them (issue #15)', () => {
    const mutations = schema.getMutationType()?.getFields() ?? {};
    const successorOf = (name: string) =>
      /^Use (\w+)\./.exec(mutations[name]?.deprecationReason ?? '')?.[1];
    expect(successorOf('logMood')).toBe('recordMood');
    expect(successorOf('logout')).toBe('signOut');
    expect(successorOf('adjustBudget')).toBe('moveBudget');
    expect(successorOf('createPersonalAccessToken')).toBe('issuePersonalAccessToken');
    expect(successorOf('lockUser')).toBe('lockUserAccount');
  });

  it('catches a successor that is missing, bare, or differs in scopes or arguments', () => {
    const bad = buildSchema(`
      directive @requiresScopes(scopes: [String!]!) on FIELD_DEFINITION
      directive @public on FIELD_DEFINITION
      type Thing { id: ID! }
      type ThingPayload { thing: Thing! }
      type Query { thing: Thing }
      type Mutation {
        a(id: ID!): Thing @requiresScopes(scopes: ["write:goals"]) @deprecated(reason: "Use gone. Removal after 2027-06-30.")
        b(id: ID!): Thing @requiresScopes(scopes: ["write:goals"]) @deprecated(reason: "Use bare. Removal after 2027-06-30.")
        bare(id: ID!): Thing @requiresScopes(scopes: ["write:goals"])
        c(id: ID!): Thing @requiresScopes(scopes: ["write:goals"]) @deprecated(reason: "Use wider. Removal after 2027-06-30.")
        wider(id: ID!): ThingPayload @public
        d(id: ID!): Thing @requiresScopes(scopes: ["write:goals"]) @deprecated(reason: "Use other. Removal after 2027-06-30.")
        other(id: ID!, extra: Int!): ThingPayload @requiresScopes(scopes: ["write:goals"])
        e(id: ID!): Thing @requiresScopes(scopes: ["write:goals"]) @deprecated(reason: "Use fine. Removal after 2027-06-30.")
        fine(id: ID!): ThingPayload @requiresScopes(scopes: ["write:goals"])
      }
    `);
    expect(successorProblems(bad)).toEqual([
      'a: its successor gone is not a mutation',
      'b: its successor bare does not return a …Payload',
      'c: wider needs @public, not @requiresScopes(scopes: ["write:goals"])',
      'd: other takes (extra: Int!, id: ID!), not (id: ID!)',
    ]);
  });
});
