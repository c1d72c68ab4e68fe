import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Generates GraphQL operations from the committed schema: for every Query and Mutation field a
 * document with one variable per argument, filled with hostile values (wrong types, extremes, NUL,
 * lone surrogates, dates of year 0 and 9999, unknown enum values, nulls for non-null), and a
 * selection of the return type that is sometimes deep and wide beyond the cost limits.
 */
export function loadSchema(): GraphQLSchema {
  const sdl = readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
  return buildSchema(sdl);
}

export interface FuzzOperation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u202eRTL\u202c',
    '💸🏦',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0000-01-01',
    '9999-12-31',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '0000-01',
    '9999-12',
    '2026-02-30',
    '-1',
    '99999999999999999999999',
    'eyJ0IjoiIn0',
    "=cmd|' /C calc'!A0",
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER, -1e308, 0.5),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value of the wrong shape, for every position. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
);

function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 9, arbitrary: valueFor(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  if (isListType(type)) {
    const item = valueFor(type.ofType, depth + 1);
    return fc.oneof(fc.array(item, { maxLength: 3 }), fc.constant(new Array(2_000).fill(0)), item);
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
      { weight: 1, arbitrary: wrongValue },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return wrongValue;
    const fields = Object.values(type.getFields());
    const record = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)]));
    return fc.oneof(
      { weight: 6, arbitrary: fc.record(record, { requiredKeys: [] }) },
      { weight: 1, arbitrary: wrongValue },
    );
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') {
      return fc.oneof(
        { weight: 4, arbitrary: hostileNumber },
        { weight: 1, arbitrary: wrongValue },
      );
    }
    if (type.name === 'Boolean') return fc.oneof(fc.boolean(), wrongValue);
    return fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongValue });
  }
  return wrongValue;
}

function selectionOf(type: GraphQLOutputType, depth: number, maxDepth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  if (depth >= maxDepth) return '{ __typename }';
  const parts = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => `${f.name} ${selectionOf(f.type, depth + 1, maxDepth)}`);
  return `{ __typename ${parts.join(' ')} }`;
}

function documentFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  maxDepth: number,
): string {
  const args = field.args;
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const head = defs ? `${kind} Fuzz(${defs})` : `${kind} Fuzz`;
  const call = uses ? `${field.name}(${uses})` : field.name;
  return `${head} { ${call} ${selectionOf(field.type, 0, maxDepth)} }`;
}

/** An arbitrary operation over every Query and Mutation field of the schema. */
export function operationArbitrary(schema: GraphQLSchema): fc.Arbitrary<FuzzOperation> {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  const choices = roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).map((field) => {
      const vars = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, 0)]));
      return fc.record({
        field: fc.constant(field.name),
        query: fc.constantFrom(1, 2, 4, 12).map((depth) => documentFor(kind, field, depth)),
        variables: fc.record(vars, { requiredKeys: [] }),
      });
    }),
  );
  return fc.oneof(...choices);
}

/** Every Query and Mutation field name, to check the run reached them all. */
export function operationNames(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
    Object.keys(root?.getFields() ?? {}),
  );
}
