import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The naming scheme of the API (docs/api.md, "Naming"), checked on the emitted schema.graphql.
 * Legacy exceptions are listed by name with their reason; a new element never joins them silently.
 */

/**
 * Mutations that return a bare type (or a scalar) instead of a `…Payload`, from before the scheme,
 * and not deprecated yet. Each one left for a `…Payload` twin and is now `@deprecated` in its favour
 * (issue #15); a deprecated bare mutation passes only while the mutation it names returns a payload.
 */
export const LEGACY_BARE_MUTATIONS = new Set<string>([]);

/**
 * Mutations added by work still in review that return bare types; each moves to a `…Payload`
 * before it ships, then leaves this list.
 */
export const IN_REVIEW_BARE_MUTATIONS = new Set<string>([]);

/** Fields whose type predates the scheme; each changes only through a new field and @deprecated. */
export const LEGACY_FIELD_TYPES = new Set<string>([]);

/** Connection and page-info types from before the shared `PageInfo` (their fields are deprecated). */
export const LEGACY_CONNECTIONS = new Set([
  'AdminUserConnection',
  'AdminUserPageInfo',
  'AuditEventConnection',
  'AuditPageInfo',
  'NotificationConnection',
  'NotificationPageInfo',
  'TransactionConnection',
  'TransactionPageInfo',
]);

/** Lists of records that stay short by nature, so a plain list is enough. */
export const BOUNDED_NODE_LISTS = new Set([
  'Query.passkeys', // a handful of devices
  'Query.sessions', // the person's signed-in devices
  'Query.budgetAdjustments', // one month's manual moves
  'Query.budgetCategories', // the built-in categories and the person's own: a few dozen
]);

/** Field names that hold one of a closed set of values: such a field is an enum, not a String. */
const CLOSED_SET_NAMES =
  /^(status|kind|behaviour|priority|level|paceLevel|tier|source|platform|frequency|direction|mode|format|role|plan|eventType)$/;

/**
 * String fields with a closed-set name, from before the rule, each with why it stays: a released
 * field changes only through a new enum-typed field and @deprecated.
 */
export const LEGACY_STRING_ENUMS = new Map([
  ['AdminDatabase.kind', 'operators only: `postgres` or `pglite`, shown as is'],
  ['AdminExternalService.mode', 'free text in an operator’s words, not a closed set'],
]);

const REMOVAL = /^Use [\w.`() ]+\. Removal after \d{4}-\d{2}-\d{2}\.$/;

/** Every violation of the naming scheme in `schema`, as readable lines (empty when it complies). */
export function namingViolations(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  for (const type of types) {
    if (/Gql$/.test(type.name)) problems.push(`${type.name}: implementation suffix Gql`);
    if (!isEnumType(type) && /Type$/.test(type.name))
      problems.push(`${type.name}: implementation suffix Type`);
    if (isInputObjectType(type) && !/(Input|Filter)$/.test(type.name))
      problems.push(`${type.name}: input types end in Input (or Filter)`);
    if (
      /PageInfo$/.test(type.name) &&
      type.name !== 'PageInfo' &&
      !LEGACY_CONNECTIONS.has(type.name)
    )
      problems.push(`${type.name}: use the shared PageInfo`);
    if (isObjectType(type) && /Connection$/.test(type.name) && !LEGACY_CONNECTIONS.has(type.name)) {
      const fields = type.getFields();
      const pageInfo = fields.pageInfo?.type;
      if (!fields.edges || !fields.nodes || !pageInfo || String(pageInfo) !== 'PageInfo!')
        problems.push(`${type.name}: a connection has edges, nodes and pageInfo: PageInfo!`);
    }
    if (!isObjectType(type) && !isInputObjectType(type) && !isInterfaceType(type)) continue;
    const fields: Array<GraphQLField<unknown, unknown> | GraphQLInputField> = Object.values(
      type.getFields(),
    );
    for (const field of fields) {
      const where = `${type.name}.${field.name}`;
      const reason = field.deprecationReason;
      if (reason != null && !REMOVAL.test(reason))
        problems.push(`${where}: deprecation reason must read "Use X. Removal after YYYY-MM-DD."`);
      if (reason != null || LEGACY_FIELD_TYPES.has(where)) continue;
      problems.push(...fieldTypeProblems(where, field.name, String(getNamedType(field.type))));
      if (
        CLOSED_SET_NAMES.test(field.name) &&
        String(getNamedType(field.type)) === 'String' &&
        !LEGACY_STRING_ENUMS.has(where)
      )
        problems.push(`${where}: a closed set of values is an enum, not String`);
      if ('args' in field)
        for (const arg of field.args)
          problems.push(
            ...fieldTypeProblems(`${where}(${arg.name})`, arg.name, String(getNamedType(arg.type))),
          );
    }
  }
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(mutations)) {
    const returned = getNamedType(field.type).name;
    const exempt =
      LEGACY_BARE_MUTATIONS.has(field.name) || IN_REVIEW_BARE_MUTATIONS.has(field.name);
    if (returned.endsWith('Payload') || exempt) continue;
    if (field.deprecationReason == null) {
      problems.push(`Mutation.${field.name}: returns ${returned}; return a …Payload`);
      continue;
    }
    // A bare mutation on its way out names its successor, which must be a payload mutation.
    const successor = mutations[/^Use (\w+)\./.exec(field.deprecationReason)?.[1] ?? ''];
    if (!successor || !getNamedType(successor.type).name.endsWith('Payload'))
      problems.push(`Mutation.${field.name}: deprecated for no mutation returning a …Payload`);
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    const item = getNamedType(field.type);
    const isNodeList =
      isListType(inner) &&
      isObjectType(item) &&
      item.getInterfaces().some((i) => i.name === 'Node');
    if (isNodeList && !field.deprecationReason && !BOUNDED_NODE_LISTS.has(`Query.${field.name}`))
      problems.push(`Query.${field.name}: a list of records that can grow is a connection`);
  }
  return problems;
}

function fieldTypeProblems(where: string, name: string, type: string): string[] {
  const problems: string[] = [];
  if (name === 'filename') problems.push(`${where}: name it fileName`);
  if (/^currency$|Currency$/.test(name) && type !== 'CurrencyCode')
    problems.push(`${where}: a currency is a CurrencyCode, not ${type}`);
  if (/^(month|months)$|Month$/.test(name) && type === 'String')
    problems.push(`${where}: a month is a YearMonth, not String`);
  if (/[a-z]On$|^on$/.test(name) && type !== 'Date')
    problems.push(`${where}: a …On field is a local Date, not ${type}`);
  if (/[a-z]At$/.test(name) && type !== 'DateTime')
    problems.push(`${where}: an …At field is a DateTime, not ${type}`);
  return problems;
}

describe('the schema follows the naming scheme', () => {
  const committed = buildSchema(
    readFileSync(path.resolve(import.meta.dirname, '../../../schema.graphql'), 'utf8'),
  );

  it('schema.graphql has no violations', () => {
    expect(namingViolations(committed)).toEqual([]);
  });

  it('every legacy exception still exists (the lists only shrink)', () => {
    const mutations = committed.getMutationType()?.getFields() ?? {};
    for (const name of LEGACY_BARE_MUTATIONS) expect(mutations[name], name).toBeDefined();
    for (const name of LEGACY_CONNECTIONS) expect(committed.getType(name), name).toBeTruthy();
    for (const where of LEGACY_STRING_ENUMS.keys()) {
      const [type, field] = where.split('.');
      const holder = committed.getType(type ?? '');
      expect(
        holder && 'getFields' in holder && holder.getFields()[field ?? ''],
        where,
      ).toBeTruthy();
    }
  });

  it('catches each kind of violation in a schema that breaks them', () => {
    const bad = buildSchema(`
      scalar Date
      scalar DateTime
      scalar CurrencyCode
      type PageInfo { hasNextPage: Boolean! }
      interface Node { id: ID! }
      type Thing implements Node { id: ID! }
      type ThingGql { filename: String! currency: String! month: String! startOn: String! seenAt: String! }
      type ProfileType { name: String! status: String old: String @deprecated(reason: "gone") }
      input ThingInputGql { currency: String }
      input ThingArgs { x: Int }
      type ThingPageInfo { endCursor: String }
      type ThingConnection { edges: [Thing!]! pageInfo: ThingPageInfo! }
      type Query { things: [Thing!]! profile: ProfileType! page: ThingConnection! x: ThingGql! }
      type Mutation {
        makeThing(input: ThingInputGql!): Thing!
        saveThing(a: ThingArgs): ThingPayload!
        oldSave: Thing @deprecated(reason: "Use saveThing. Removal after 2027-06-30.")
        oldMake: Thing @deprecated(reason: "Use makeThing. Removal after 2027-06-30.")
      }
      type ThingPayload { thing: Thing! }
    `);
    expect(namingViolations(bad).sort()).toEqual(
      [
        'ThingGql: implementation suffix Gql',
        'ThingGql.filename: name it fileName',
        'ThingGql.currency: a currency is a CurrencyCode, not String',
        'ThingGql.month: a month is a YearMonth, not String',
        'ThingGql.startOn: a …On field is a local Date, not String',
        'ThingGql.seenAt: an …At field is a DateTime, not String',
        'ProfileType: implementation suffix Type',
        'ProfileType.status: a closed set of values is an enum, not String',
        'ProfileType.old: deprecation reason must read "Use X. Removal after YYYY-MM-DD."',
        'ThingInputGql: implementation suffix Gql',
        'ThingInputGql: input types end in Input (or Filter)',
        'ThingInputGql.currency: a currency is a CurrencyCode, not String',
        'ThingArgs: input types end in Input (or Filter)',
        'ThingPageInfo: use the shared PageInfo',
        'ThingConnection: a connection has edges, nodes and pageInfo: PageInfo!',
        'Mutation.makeThing: returns Thing; return a …Payload',
        'Mutation.oldMake: deprecated for no mutation returning a …Payload',
        'Query.things: a list of records that can grow is a connection',
      ].sort(),
    );
  });
});
