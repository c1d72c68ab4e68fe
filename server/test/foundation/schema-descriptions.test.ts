import {
  buildSchema as buildSdl,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPaceSchema } from '../../src/graphql/schema';

// The paragraph buildPaceSchema appends to every operation (the scopes it needs, or that it is
// public): generated, so it does not count as the operation being described.
const ACCESS_PARAGRAPH = /(^|\n\n)(Needs the scopes? `[^\n]*|Public: no token needed\.)$/;

const isDescribed = (description: string | null | undefined): boolean =>
  (description ?? '').trim().length > 0;

/**
 * Every element of the schema an integrator reads in the explorer that has no description:
 * types, fields, arguments, input fields, enum values, directives and their arguments. GraphQL's
 * own scalars, directives and introspection types are left out.
 */
function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (root) => (root ? [root.name] : []),
    ),
  );
  const checkArgs = (owner: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args)
      if (!isDescribed(arg.description)) missing.push(`argument ${owner}(${arg.name})`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!isDescribed(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const own = roots.has(type.name)
          ? (field.description ?? '').replace(ACCESS_PARAGRAPH, '')
          : field.description;
        if (!isDescribed(own)) missing.push(`field ${type.name}.${field.name}`);
        checkArgs(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!isDescribed(field.description)) missing.push(`input field ${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!isDescribed(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    if (!isDescribed(directive.description)) missing.push(`directive @${directive.name}`);
    checkArgs(`@${directive.name}`, directive.args);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field, enum value and directive', async () => {
    expect(undescribedElements(await buildPaceSchema())).toEqual([]);
  });

  it('lists each undescribed element, and an operation described only by its scopes', () => {
    const schema = buildSdl(`
      "A directive." directive @flag(on: Boolean) on FIELD_DEFINITION
      "Reads." type Query {
        "Described.\\n\\nPublic: no token needed." ok: Thing
        "Needs the scope \`read:budget\` (a token without it is refused with FORBIDDEN)." bare(
          "An argument." a: Int
          b: Int
        ): Thing
      }
      type Thing { "A field." name: String, size(unit: Unit): Int }
      "A unit." enum Unit { "Metres." M, KM }
      "An input." input Filter { "Described." a: Int, b: Int }
      scalar Stamp
    `);
    expect(undescribedElements(schema)).toEqual([
      'argument @flag(on)',
      'argument Query.bare(b)',
      'argument Thing.size(unit)',
      'enum value Unit.KM',
      'field Query.bare',
      'field Thing.size',
      'input field Filter.b',
      'type Stamp',
      'type Thing',
    ]);
  });
});
