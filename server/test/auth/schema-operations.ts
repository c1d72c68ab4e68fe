import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Sample values of the scalars the schema uses; add a line when a feature adds a scalar. */
export const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTime: '2026-01-15T10:00:00Z',
  JSONObject: {},
  Decimal: '1.00',
  CurrencyCode: 'EUR',
  LocalDate: '2026-01-15',
  YearMonth: '2026-01',
  Date: '2026-01-15',
  Month: '2026-01',
  UUID: '00000000-0000-4000-8000-000000000000',
};

export interface RootOperation {
  kind: 'query' | 'mutation' | 'subscription';
  name: string;
  /** null when the field declares no scope (then it must be @public). */
  scopes: string[] | null;
  isPublic: boolean;
  field: GraphQLField<unknown, unknown>;
}

export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
}

/** Every root field of schema.graphql with its access declaration. */
export function rootOperations(schema = committedSchema()): RootOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => {
      const directives = field.astNode?.directives ?? [];
      const requires = directives.find((d) => d.name.value === 'requiresScopes')?.arguments?.[0]
        ?.value;
      const scopes =
        requires?.kind === Kind.LIST
          ? requires.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []))
          : null;
      return {
        kind,
        name: field.name,
        scopes,
        isPublic: directives.some((d) => d.name.value === 'public'),
        field,
      };
    }),
  );
}

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(type)) {
    if (!(type.name in SCALAR_SAMPLES))
      throw new Error(`add a sample for scalar ${type.name} to SCALAR_SAMPLES`);
    return SCALAR_SAMPLES[type.name];
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

/** A document calling the operation with sample values for its required arguments. */
export function sampleCall(
  operation: RootOperation,
  overrides: Record<string, unknown> = {},
): { query: string; variables: Record<string, unknown> } {
  const required = operation.field.args.filter(
    (a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined,
  );
  const variables = Object.fromEntries(
    required.map((a) => [a.name, overrides[a.name] ?? sampleValue(a.type)]),
  );
  const declarations = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(operation.field.type)) ? ' { __typename }' : '';
  const query = `${operation.kind} Matrix${declarations ? `(${declarations})` : ''} { ${operation.name}${args ? `(${args})` : ''}${selection} }`;
  return { query, variables };
}
